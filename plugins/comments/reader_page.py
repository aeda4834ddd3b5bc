"""One reader's contributions in the Wagtail admin, one click from the queue, and blocking them.

    /admin/moderation/reader/<id>/           their comments, ratings, tags… (every source's)
    /admin/moderation/reader/<id>/block/     block them, after a confirmation (POST to do it)
    /admin/moderation/reader/<id>/unblock/   let them back

Blocking makes the account inactive: the reader cannot sign in and what they contributed is
hidden everywhere on the site until they are unblocked (nothing is deleted).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from plugins.comments.contributions import sources
from plugins.comments.queue import moderators_only


def refusal(moderator, reader) -> str:
    """Why the moderator may not block the reader, or "" when they may."""
    if reader.pk == moderator.pk:
        return _("You cannot block your own account.")
    if reader.is_staff or reader.is_superuser:
        return _("Staff and administrators’ accounts cannot be blocked here.")
    return ""


@moderators_only
def reader_contributions(request: HttpRequest, user_id: int) -> HttpResponse:
    reader = get_object_or_404(get_user_model(), pk=user_id)
    sections = [section for source in sources() for section in source.of_reader(reader)]
    return render(
        request,
        "comments/admin/reader.html",
        {"reader": reader, "sections": sections, "refusal": refusal(request.user, reader)},
    )


@moderators_only
def block(request: HttpRequest, user_id: int) -> HttpResponse:
    return _set_active(request, user_id, active=False)


@moderators_only
def unblock(request: HttpRequest, user_id: int) -> HttpResponse:
    return _set_active(request, user_id, active=True)


def _set_active(request: HttpRequest, user_id: int, *, active: bool) -> HttpResponse:
    reader = get_object_or_404(get_user_model(), pk=user_id)
    back = reverse("moderation_reader", args=[reader.pk])
    refused = refusal(request.user, reader)
    if refused:
        messages.error(request, refused)
        return HttpResponseRedirect(back)
    if request.method != "POST":
        return render(
            request, "comments/admin/block.html", {"reader": reader, "blocking": not active}
        )
    reader.is_active = active
    reader.save(update_fields=["is_active"])
    name = reader.get_username()
    if active:
        messages.success(request, _("%(name)s is unblocked.") % {"name": name})
    else:
        messages.success(
            request,
            _("%(name)s is blocked: they cannot sign in, and what they wrote is hidden.")
            % {"name": name},
        )
    return HttpResponseRedirect(back)
