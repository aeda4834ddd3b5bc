"""Sharing a page on the reader's own Mastodon instance: the one share target with no fixed host."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from wagtail.models import Page

from library_site.core.sharing import mastodon_share_url


def share_on_mastodon(request: HttpRequest) -> HttpResponse:
    """``?page=<id>&instance=<host>``: on to the instance's share page with the page's title and
    address; a live public page only, and a clear refusal when the instance is no host name."""
    wanted = request.GET.get("page", "")
    page = Page.objects.live().public().filter(pk=int(wanted) if wanted.isdigit() else 0).first()
    if page is None:
        raise Http404
    page = page.specific
    target = mastodon_share_url(
        request.GET.get("instance", ""), page.title, request.build_absolute_uri(page.url)
    )
    if target is None:
        return TemplateResponse(request, "core/mastodon_instance.html", {"page": page}, status=400)
    return HttpResponseRedirect(target)
