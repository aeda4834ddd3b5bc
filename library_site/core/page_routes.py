"""Wagtail's page serving with its routing kept in the cache.

Wagtail finds a page by walking the tree from the site's root, a query per level of the address
plus one for the language's root, then looks for view restrictions on the page and its
ancestors (two more queries) on every request. Here the walk's answer (which page, and the
rest of the address its own routes take) is kept per site, language and address, and whether
the site has any view restriction at all is kept too: a page then costs one query to load. The
page's parent is kept with its route (the frames keep pages the same way): breadcrumbs, a post's
blog and an exhibition's index cost no query.
Both are forgotten with everything else when a page, a site or a restriction changes (the
content version of core.page_cache is in their keys; core.site_changes makes a new one).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from library_site.core.page_cache import content_version

ROUTE_SECONDS = 24 * 3600  # bounds what addresses nobody asks for again keep in the cache
# content type id, page id, the page's own sub-path, its parent
Route = tuple[int, int, tuple[str, ...], Page | None]


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's ``serve``, given the page from the cache where it is kept."""
    site = Site.find_for_request(request)
    if site is not None:
        _route_from_cache(request, site, path)
    return wagtail_views.serve(request, path)


def _route_from_cache(request: HttpRequest, site: Site, path: str) -> None:
    """Leave the route where Wagtail looks for it first (``request._wagtail_route_for_request``),
    from the cache, or else keep what Wagtail's own walk finds."""
    key = f"page-route:{content_version()}:{site.pk}:{get_language()}:{path}"
    kept: Route | None = cache.get(key)
    if kept is None:
        found = Page.route_for_request(request, path)
        kept = _route_of(found, site, path) if found is not None else None
        if kept is not None:
            cache.set(key, kept, ROUTE_SECONDS)
    else:
        found = _replayed(request, kept)
        request._wagtail_route_for_request = found
    if found is not None and not view_restrictions_exist():
        # No restriction anywhere: Wagtail's check of this page and its ancestors finds none.
        found[0].get_view_restrictions = PageViewRestriction.objects.none


def _route_of(found: RouteResult, site: Site, path: str) -> Route | None:
    """What to keep of ``found``: a plain page takes no more of the address; a routable page
    takes what is under its own place in the tree. None when that cannot be told."""
    page, args, _kwargs = found
    parent = page.get_parent()  # Wagtail's walk left it on the page
    kept = page.content_type_id, page.pk, (), parent.specific if parent else None
    if not args:
        return kept
    components = tuple(part for part in path.split("/") if part)
    # Translations of the site's root sit at its depth: the page's own place is this deep.
    own = components[page.depth - site.root_page.depth :]
    resolves = getattr(page, "resolve_subpage", None)
    subpath = "/" + "".join(f"{part}/" for part in own)
    try:
        if resolves is None or resolves(subpath)[0] != args[0]:
            return None
    except Http404:
        return None
    return (*kept[:2], own, kept[3])


def _replayed(request: HttpRequest, kept: Route) -> RouteResult | None:
    content_type_id, page_id, own, parent = kept
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = _to_serve(model).filter(pk=page_id).first() if model is not None else None
    if page is None:
        return None
    if parent is not None:
        page._cached_parent_obj = parent  # where treebeard's get_parent looks first
    try:
        return page.route(request, list(own))
    except Http404:
        return None


def _to_serve(model: type[Page]):
    """The page with its language, and what else its model names in ``serve_related`` (what
    its template reads: a post's author), in the one query."""
    return model.objects.select_related("locale", *getattr(model, "serve_related", ()))


def view_restrictions_exist() -> bool:
    """Whether any page of any site is private (kept until a restriction or a page changes)."""
    key = f"view-restrictions:{content_version()}"
    exists = cache.get(key)
    if exists is None:
        exists = PageViewRestriction.objects.exists()
        cache.set(key, exists, ROUTE_SECONDS)
    return exists
