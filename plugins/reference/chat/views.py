"""The reader starts a chat: a question of the chat's own source, answered on its socket."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Site

from plugins.readers import ratelimits
from plugins.reference import threads
from plugins.reference.chat.duty import chat_offer
from plugins.reference.chat.forms import ChatStartForm
from plugins.reference.chat.lines import LIBRARIANS_GROUP


@require_POST
def start(request: HttpRequest) -> JsonResponse:
    """Start a chat (JSON for the widget): its socket's address, or why not."""
    if not chat_offer(Site.find_for_request(request)).offered:
        message = _("No librarian is on chat duty now; please ask with the question form.")
        return JsonResponse({"errors": {"__all__": [message]}}, status=409)
    form = ChatStartForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    if not ratelimits.take(request, "chat"):
        message = _("You have started many chats in a short time; please try again later.")
        return JsonResponse({"errors": {"__all__": [message]}}, status=429)
    reader = request.user if request.user.is_authenticated else None
    question = threads.start_chat(
        body=form.cleaned_data["body"],
        language=get_language(),
        reader=reader,
        email="" if reader else form.cleaned_data["email"],
        name=form.cleaned_data["name"],
    )
    transaction.on_commit(_tell_librarians)
    return JsonResponse(
        {"access_key": question.access_key, "socket": f"/ws/ask/chat/{question.access_key}/"},
        status=201,
    )


def _tell_librarians() -> None:
    async_to_sync(get_channel_layer().group_send)(LIBRARIANS_GROUP, {"type": "waiting.changed"})
