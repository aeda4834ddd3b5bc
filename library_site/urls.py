"""URLs: the admin and files outside the language prefix, the public site inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from library_site.core import health_views, page_routes
from library_site.core.share_views import share_on_mastodon
from library_site.core.sitemap import MultilingualSitemap
from library_site.search import views as search_views

urlpatterns = [
    path("healthz", health_views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("covers/", include("plugins.opac.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("share/mastodon/", share_on_mastodon, name="share_on_mastodon"),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("plugins.comments.urls")),
    path("ask/", include("plugins.reference.urls")),
    path("", include("plugins.readers.urls")),
    # Wagtail's page serving with its routing kept in the cache; then the rest of wagtail_urls.
    re_path(wagtail_urls.serve_pattern, page_routes.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)

if settings.SERVE_MEDIA:
    # Django's static() helper serves nothing without DEBUG; the demo runs without it.
    media = re_path(
        rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    )
    urlpatterns = [media, *urlpatterns]

handler500 = "library_site.core.error_views.server_error"
