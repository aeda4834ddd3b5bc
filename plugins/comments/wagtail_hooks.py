from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from plugins.comments import queue, reader_page
from plugins.comments.dashboard import ModerationPanel
from plugins.comments.models import BadWords


class BadWordsViewSet(SnippetViewSet):
    model = BadWords
    icon = "warning"
    menu_label = BadWords._meta.verbose_name_plural
    list_display = ["language"]


register_snippet(BadWordsViewSet)


class ModerationMenuItem(MenuItem):
    """Shown to those who may moderate."""

    def is_shown(self, request) -> bool:
        return request.user.has_perm(queue.PERMISSION)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("moderation/", queue.queue, name="moderation_queue"),
        path("moderation/act/", queue.act, name="moderation_act"),
        path(
            "moderation/reader/<int:user_id>/",
            reader_page.reader_contributions,
            name="moderation_reader",
        ),
        path("moderation/reader/<int:user_id>/block/", reader_page.block, name="moderation_block"),
        path(
            "moderation/reader/<int:user_id>/unblock/",
            reader_page.unblock,
            name="moderation_unblock",
        ),
    ]


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation"), reverse("moderation_queue"), icon_name="tasks", order=240
    )


@hooks.register("construct_homepage_panels")
def moderation_panel(request, panels):
    if request.user.has_perm(queue.PERMISSION):
        panels.append(ModerationPanel())
