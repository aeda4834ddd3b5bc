"""sitemap.xml over every language: Wagtail's own lists only the default language's page tree."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """The live public pages under the site's home page and under each of its translations."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_home = Q()
        for home in homes:
            under_a_home |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(under_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
