"""The tour editor's helper in the Wagtail admin: hotspots placed by clicking a stop's picture."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def tour_hotspot_placement() -> str:
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" defer></script>',
        static("exhibitions/tour_admin.css"),
        static("exhibitions/tour_admin.js"),
    )
