from wagtail.snippets.models import register_snippet

from library_site.core.models import LibraryProfile

register_snippet(LibraryProfile)
