"""The catalogue page's routes for a reader's recommendations.

/<lang>/catalogue/not-interested/<id>/    never offer me this title (POST; ``undo`` offers
                                          it again); back to the reader's account
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import re_path

from plugins.opac.models import NotInterested
from plugins.opac.record_urls import BIBLIO_ID

NOT_INTERESTED_ACTION = "not_interested"  # its rate limit in settings.READERS_RATE_LIMITS


class RecommendationRoutes:
    @re_path(rf"^not-interested/{BIBLIO_ID}/$", name="not_interested")
    def not_interested(self, request: HttpRequest, biblio_id: str) -> HttpResponse:
        found, _back, refused = self._readers_post(request, biblio_id, NOT_INTERESTED_ACTION)
        if refused is not None:
            return refused
        if "undo" in request.POST:
            NotInterested.objects.filter(reader=request.user, record=found).delete()
            messages.success(
                request, _("“%(title)s” may be offered to you again.") % {"title": found.title}
            )
        else:
            NotInterested.objects.get_or_create(reader=request.user, record=found)
            messages.success(
                request,
                _("“%(title)s” will not be offered to you again.") % {"title": found.title},
            )
        return HttpResponseRedirect(reverse("readers:account") + "#for-you")
