"""The reader's reply in their thread."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from plugins.reference.asking_forms import question_field


class ReplyForm(forms.Form):
    body = question_field(_("Your reply"))
