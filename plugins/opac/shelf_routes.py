"""The catalogue page's routes for readers' bookshelves (a mixin of ``CataloguePage``).

    /<lang>/catalogue/shelves/                      the reader's shelves and lists (signed in)
    /<lang>/catalogue/shelves/new/                  make a named list (POST)
    /<lang>/catalogue/shelves/<token>/              a shelf: its owner's, or anyone's if public
    /<lang>/catalogue/shelves/<token>/rss/, …/atom/ a public shelf's feeds
    /<lang>/catalogue/shelves/<token>/edit/         rename, describe, show or hide (POST, owner)
    /<lang>/catalogue/shelves/<token>/delete/       delete a list (POST, owner)
    /<lang>/catalogue/shelves/<token>/follow/       follow or unfollow a public shelf (POST)
    /<lang>/catalogue/shelving/<id>/                put the record on a shelf or take it off
                                                    (POST, from the record page)

Another reader's private shelf answers 404 everywhere, as an unknown one does, so that nobody
learns which shelves exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http import HttpResponseRedirect as Redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path, re_path

from plugins.opac import shelves
from plugins.opac.cards import rated_cards
from plugins.opac.models import CatalogueRecord
from plugins.opac.shelf_feeds import ShelfAtom, ShelfRss
from plugins.opac.shelf_models import DESCRIPTION_LENGTH, NAME_LENGTH
from plugins.readers import ratelimits

SHELF_ACTION = "shelf"  # its rate limit in settings.READERS_RATE_LIMITS
SHELF_PER_PAGE = 20
TOKEN = r"(?P<token>[A-Za-z0-9_-]{8,24})"
BIBLIO_ID = r"(?P<biblio_id>[0-9]{1,18})"


class ShelfRoutes:
    """Bookshelves' pages, feeds and forms; mixed into ``CataloguePage``."""

    @path("shelves/", name="shelves")
    def readers_shelves(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        return self.render(
            request,
            template="opac/shelves.html",
            context_overrides={
                "overview": shelves.shelves_overview(request.user),
                "limits": {"name": NAME_LENGTH, "description": DESCRIPTION_LENGTH},
                "shown_per_shelf": shelves.SHOWN_PER_SHELF,
            },
        )

    @re_path(rf"^shelves/{TOKEN}/$", name="shelf")
    def shelf(self, request: HttpRequest, token: str) -> HttpResponse:
        shelf = shelves.visible(token, request.user)
        if shelf is None:
            raise Http404("no such shelf, or not one to show")
        listed = Paginator(shelves.shelf_records(shelf), SHELF_PER_PAGE).get_page(
            request.GET.get("page")
        )
        mine = shelf.owner_id == request.user.pk
        return self.render(
            request,
            template="opac/shelf.html",
            context_overrides={
                "shelf": shelf,
                "mine": mine,
                "owner_name": shelves.display_name(shelf.owner),
                "following": not mine and shelves.follows(request.user, shelf),
                "listed": listed,
                "cards": rated_cards(list(listed)),
                "limits": {"name": NAME_LENGTH, "description": DESCRIPTION_LENGTH},
            },
        )

    @re_path(rf"^shelves/{TOKEN}/rss/$", name="shelf_rss")
    def shelf_rss(self, request: HttpRequest, token: str) -> HttpResponse:
        return ShelfRss(self, self._published(token))(request)

    @re_path(rf"^shelves/{TOKEN}/atom/$", name="shelf_atom")
    def shelf_atom(self, request: HttpRequest, token: str) -> HttpResponse:
        return ShelfAtom(self, self._published(token))(request)

    @path("shelves/new/", name="shelf_new")
    def shelf_new(self, request: HttpRequest) -> HttpResponse:
        if (refused := self._shelf_post(request)) is not None:
            return refused
        back = self._shelves_url()
        try:
            made = shelves.create_list(
                request.user,
                request.POST.get("name", ""),
                request.POST.get("description", ""),
                public="public" in request.POST,
            )
        except shelves.ShelfRefused as refusal:
            messages.error(request, str(refusal))
            return Redirect(back + "#new-list")
        messages.success(request, _("Your list “%(name)s” is made.") % {"name": made.name})
        return Redirect(self._shelf_url(made))

    @re_path(rf"^shelves/{TOKEN}/edit/$", name="shelf_edit")
    def shelf_edit(self, request: HttpRequest, token: str) -> HttpResponse:
        if (refused := self._shelf_post(request)) is not None:
            return refused
        shelf = self._owned(request, token)
        try:
            shelves.edit(
                shelf,
                request.POST.get("name", ""),
                request.POST.get("description", ""),
                public="public" in request.POST,
            )
        except shelves.ShelfRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("“%(name)s” is saved.") % {"name": shelf.title})
        return Redirect(self._shelf_url(shelf))

    @re_path(rf"^shelves/{TOKEN}/delete/$", name="shelf_delete")
    def shelf_delete(self, request: HttpRequest, token: str) -> HttpResponse:
        if (refused := self._shelf_post(request)) is not None:
            return refused
        shelf = self._owned(request, token)
        try:
            shelves.delete_list(shelf)
        except shelves.ShelfRefused as refusal:
            messages.error(request, str(refusal))
            return Redirect(self._shelf_url(shelf))
        messages.success(request, _("Your list “%(name)s” is deleted.") % {"name": shelf.name})
        return Redirect(self._shelves_url())

    @re_path(rf"^shelves/{TOKEN}/follow/$", name="shelf_follow")
    def shelf_follow(self, request: HttpRequest, token: str) -> HttpResponse:
        if (refused := self._shelf_post(request)) is not None:
            return refused
        shelf = shelves.visible(token, request.user)
        if shelf is None:
            raise Http404("no such shelf, or not one to show")
        if "unfollow" in request.POST:
            if shelves.unfollow(request.user, shelf):
                messages.success(request, _("You no longer follow “%(name)s”.") % {"name": shelf})
            return Redirect(self._shelf_url(shelf))
        try:
            shelves.follow(request.user, shelf)
        except shelves.ShelfRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("You follow “%(name)s”: My account shows what is added to it.") % {"name": shelf},
            )
        return Redirect(self._shelf_url(shelf))

    @re_path(rf"^shelving/{BIBLIO_ID}/$", name="shelving")
    def shelving(self, request: HttpRequest, biblio_id: str) -> HttpResponse:
        """A reader puts the record on a shelf (a new list too) or takes it off one; back to
        the record, or to the shelf it was taken off when asked from there."""
        if request.method == "POST" and not CatalogueRecord.objects.filter(pk=biblio_id).exists():
            # A page kept open while the record left the catalogue: say so, not just "404".
            messages.error(request, _("This title is no longer in the catalogue."))
            return Redirect(self._shelves_url())
        found, back, refused = self._readers_post(request, biblio_id, SHELF_ACTION)
        if refused is not None:
            return refused
        if "remove" in request.POST:
            shelf = shelves.owned(request.user, request.POST["remove"])
            if shelf is None:
                messages.error(request, _("You have no such shelf."))
            elif shelves.unshelve(found, shelf):
                messages.success(
                    request,
                    _("“%(title)s” is off “%(shelf)s”.") % {"title": found.title, "shelf": shelf},
                )
            if shelf is not None and request.POST.get("back") == "shelf":
                return Redirect(self._shelf_url(shelf))
            return Redirect(back + "#shelves")
        try:
            with transaction.atomic():  # a list made inline is made only with its record
                shelf = self._chosen(request)
                shelves.shelve(request.user, found, shelf)
        except shelves.ShelfRefused as refusal:
            messages.error(request, str(refusal))
            return Redirect(back + "#shelves")
        messages.success(
            request,
            _("“%(title)s” is on “%(shelf)s”.") % {"title": found.title, "shelf": shelf},
        )
        return Redirect(back + "#shelves")

    # -- helpers ---------------------------------------------------------------------------

    def _chosen(self, request: HttpRequest):
        choice = request.POST.get("shelf", "")
        if choice == "new":
            return shelves.create_list(request.user, request.POST.get("name", ""))
        shelf = shelves.chosen_shelf(request.user, choice)
        if shelf is None:
            raise shelves.ShelfRefused(_("You have no such shelf: choose one of yours."))
        return shelf

    def _shelf_post(self, request: HttpRequest) -> HttpResponse | None:
        """The answer when a shelf form's post cannot go on: not a POST, a visitor (sent to
        sign in and back to the shelves), too many."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(self._shelves_url(), reverse("account_login"))
        if not ratelimits.take(request, SHELF_ACTION):
            return ratelimits.too_many_requests(request)
        return None

    def _owned(self, request: HttpRequest, token: str):
        shelf = shelves.owned(request.user, token)
        if shelf is None:
            raise Http404("not a shelf of this reader")
        return shelf

    def _published(self, token: str):
        shelf = shelves.published(token)
        if shelf is None:
            raise Http404("no such public shelf")
        return shelf

    def _shelves_url(self) -> str:
        return shelves.shelves_url(self.locale.language_code)

    def _shelf_url(self, shelf) -> str:
        return shelves.shelf_url(shelf, self.locale.language_code)
