"""The catalogue's URLs outside the page tree, mounted by the site at /covers/."""

from django.urls import re_path

from plugins.opac import views

# Up to 18 digits: every biblionumber the database's bigint holds, and nothing that overflows it.
urlpatterns = [
    re_path(r"^(?P<biblio_id>[0-9]{1,18})\.svg$", views.generated_cover, name="catalogue-cover"),
]
