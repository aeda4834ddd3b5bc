"""The librarians' chat console in the Wagtail admin: open, it puts them on chat duty.

/admin/reference/chat/     waiting chats, the ones taken, lines sent and received live
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from plugins.reference.chat.lines import LINE_MAX_LENGTH

PERMISSION = "reference.answer_question"


def console(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(PERMISSION):
        return render(request, "reference/admin/chat_denied.html", status=403)
    return render(
        request,
        "reference/admin/chat_console.html",
        {"question_url": _question_url(), "line_max_length": LINE_MAX_LENGTH},
    )


def _question_url() -> str:
    """The queue's page of one question, with 0 for its number (the console puts in each one's)."""
    return reverse("reference_question", args=[0])
