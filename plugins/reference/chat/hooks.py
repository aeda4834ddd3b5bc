"""The chat console's place in the Wagtail admin: its address and the "Live chat" menu item."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from plugins.reference.chat.console import PERMISSION, console


class LiveChatMenuItem(MenuItem):
    """Shown to those who may answer questions."""

    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def chat_console_urls():
    return [path("reference/chat/", console, name="reference_chat_console")]


@hooks.register("register_admin_menu_item")
def chat_console_menu_item():
    return LiveChatMenuItem(
        _("Live chat"), reverse("reference_chat_console"), icon_name="comment", order=245
    )
