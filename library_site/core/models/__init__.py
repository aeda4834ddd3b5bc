from library_site.core.models.library import LibraryProfile, LibrarySettings, SocialAccount
from library_site.core.models.pages import ContentPage, HomePage, StandardPage

__all__ = [
    "ContentPage",
    "HomePage",
    "LibraryProfile",
    "LibrarySettings",
    "SocialAccount",
    "StandardPage",
]
