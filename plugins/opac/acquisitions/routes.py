"""The catalogue page's purchase-suggestion route (a mixin of CataloguePage):

    /<lang>/catalogue/suggest/    a signed-in reader suggests a title for the library to buy

A title the catalogue may already have is shown first, with its records, and the reader goes on
if it is not what they meant. A title they suggested before is refused. Koha down: the
suggestion is kept and sent later.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path

from plugins.opac.acquisitions import suggestions
from plugins.opac.acquisitions.forms import SuggestionForm
from plugins.opac.cards import rated_cards
from plugins.opac.search import CatalogueQuery, search_catalogue
from plugins.readers import koha, ratelimits

SUGGESTION_ACTION = "suggestion"  # its rate limit in settings.READERS_RATE_LIMITS
MATCHES_SHOWN = 5


def catalogue_matches(wish: suggestions.Wish) -> list:
    """The catalogue's records that may be the title wished for: by ISBN, else by its words."""
    text = wish.isbn or f"{wish.title} {wish.author}".strip()
    return search_catalogue(CatalogueQuery(text=text, per_page=MATCHES_SHOWN, facets=False)).records


class SuggestionRoutes:
    """Readers' purchase suggestions, a route of the catalogue page."""

    @path("suggest/", name="suggest")
    def suggest(self, request: HttpRequest) -> HttpResponse:
        here = self.url + self.reverse_subpage("suggest")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        if request.method != "POST":
            initial = {"title": request.GET.get("title", "")[:255]}
            return self._suggestion_page(request, SuggestionForm(initial=initial))
        if ratelimits.is_limited(request, SUGGESTION_ACTION):
            return ratelimits.too_many_requests(request)
        form = SuggestionForm(request.POST)
        if not form.is_valid():
            return self._suggestion_page(request, form)
        wish = form.wish()
        if suggestions.already_suggested(request.user, wish.title):
            form.add_error("title", suggestions.duplicate_message(wish.title))
            return self._suggestion_page(request, form)
        if not form.cleaned_data["confirmed"] and (matches := catalogue_matches(wish)):
            confirming = SuggestionForm({**request.POST.dict(), "confirmed": "on"})
            confirming.is_valid()
            return self._suggestion_page(request, confirming, matches)
        ratelimits.count(request, SUGGESTION_ACTION)
        try:
            made = suggestions.submit(request.user, wish, get_language(), koha.client())
        except suggestions.SuggestionRefused as refused:
            form.add_error(None, str(refused))
            return self._suggestion_page(request, form)
        if made.sent:
            messages.success(
                request,
                _("Thank you: your suggestion “%(title)s” is with the librarians.")
                % {"title": made.title},
            )
        else:
            messages.warning(
                request,
                _(
                    "Thank you: your suggestion “%(title)s” is kept. The library's catalogue "
                    "cannot be reached just now; it will be sent when it is back."
                )
                % {"title": made.title},
            )
        return HttpResponseRedirect(here)

    def _suggestion_page(
        self, request: HttpRequest, form: SuggestionForm, matches: list | None = None
    ) -> HttpResponse:
        return self.render(
            request,
            template="opac/suggest.html",
            context_overrides={
                "form": form,
                "matches": rated_cards(matches) if matches else [],
            },
        )
