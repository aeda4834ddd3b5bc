"""The librarians' side of the reference service in the Wagtail admin: the queue of questions
(with the number of new ones in the menu), each question's page and forms, readers'
suggestions, topics and canned answers, the dashboard panel and the monthly report."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.snippets.models import register_snippet

from plugins.reference import queue_views, suggestion_admin, thread_admin
from plugins.reference.dashboard import ReferencePanel
from plugins.reference.librarian_access import ANSWER, REPORT
from plugins.reference.models import Question
from plugins.reference.report import views as report_views
from plugins.reference.snippets import ReferenceSnippets

register_snippet(ReferenceSnippets)


class LibrarianMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(ANSWER)


class QuestionsMenuItem(LibrarianMenuItem):
    """The menu says how many new questions wait ("Questions (3 new)"), on every admin page."""

    def render_component(self, request):
        new = Question.objects.filter(
            confirmed_at__isnull=False, status=Question.Status.NEW
        ).count()
        label = _("Questions (%(new)s new)") % {"new": new} if new else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name)


@hooks.register("register_admin_urls")
def reference_admin_urls():
    return [
        path("reference/", queue_views.queue, name="reference_queue"),
        path("reference/<int:pk>/", thread_admin.question_page, name="reference_question"),
        path("reference/<int:pk>/answer/", thread_admin.answer, name="reference_answer"),
        path("reference/<int:pk>/note/", thread_admin.note, name="reference_note"),
        path("reference/<int:pk>/assign/", thread_admin.assign, name="reference_assign"),
        path("reference/<int:pk>/topic/", thread_admin.topic, name="reference_topic"),
        path("reference/<int:pk>/status/", thread_admin.status, name="reference_status"),
        path("reference/suggestions/", suggestion_admin.suggestions, name="reference_suggestions"),
        path(
            "reference/suggestions/<int:pk>/read/",
            suggestion_admin.mark_read,
            name="reference_suggestion_read",
        ),
        path("reports/reference/", report_views.report, name=report_views.URL_NAME),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(REPORT)


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(
        _("Reference service"),
        reverse(report_views.URL_NAME),
        name="reference",
        icon_name="help",
        order=910,
    )


@hooks.register("register_admin_menu_item")
def questions_menu_item():
    return QuestionsMenuItem(
        _("Questions"), reverse("reference_queue"), name="questions", icon_name="help", order=220
    )


@hooks.register("register_admin_menu_item")
def suggestions_menu_item():
    return LibrarianMenuItem(
        _("Suggestions"),
        reverse("reference_suggestions"),
        name="reference-suggestions",
        icon_name="comment",
        order=225,
    )


@hooks.register("construct_homepage_panels")
def reference_panel(request, panels):
    if request.user.has_perm(ANSWER):
        panels.append(ReferencePanel(request.user))
