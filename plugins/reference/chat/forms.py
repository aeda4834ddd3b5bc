"""The reader's first step into the chat: their first line, and how to call them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.reference.chat.lines import LINE_MAX_LENGTH


class ChatStartForm(forms.Form):
    name = forms.CharField(label=_("Your name (optional)"), max_length=100, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        required=False,
        help_text=_("Only to send you the answer if the chat is cut off; never shown to anyone."),
    )
    body = forms.CharField(
        label=_("Your question"),
        max_length=LINE_MAX_LENGTH,
        error_messages={"required": _("Write your question to start the chat.")},
    )
