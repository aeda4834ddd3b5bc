"""Catalogue views outside the page tree: the generated covers, the same in every language."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from plugins.opac.cover_svg import cover_svg
from plugins.opac.covers import cover_author
from plugins.opac.models import CatalogueRecord


@require_safe
@cache_control(public=True, max_age=86_400)
def generated_cover(request: HttpRequest, biblio_id: str) -> HttpResponse:
    record = CatalogueRecord.objects.filter(pk=int(biblio_id)).first()
    if record is None:
        raise Http404("no such record")
    svg = cover_svg(record.title, cover_author(record))
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
