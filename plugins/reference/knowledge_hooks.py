"""The knowledge base's part of the admin: "Publish as a knowledge base entry" for an answered
question, and the helpfulness report under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from plugins.reference import faq_publishing, helpfulness_report


class HelpfulnessReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(helpfulness_report.PERMISSION)


@hooks.register("register_admin_urls")
def knowledge_admin_urls():
    return [
        path(
            "reference/questions/<int:question_pk>/publish-faq/",
            faq_publishing.PublishAsFaqView.as_view(),
            name=faq_publishing.URL_NAME,
        ),
        path(
            "reports/knowledge-base-helpfulness/",
            helpfulness_report.HelpfulnessReportView.as_view(),
            name=helpfulness_report.URL_NAME,
        ),
    ]


@hooks.register("register_reports_menu_item")
def helpfulness_report_menu_item():
    return HelpfulnessReportMenuItem(
        _("Knowledge base: helpfulness"),
        reverse(helpfulness_report.URL_NAME),
        name="knowledge-base-helpfulness",
        icon_name="help",
        order=910,
    )
