from library_site.core.models.library import (
    LibraryProfile,
    LibrarySettings,
    OpeningPeriod,
    SocialAccount,
)
from library_site.core.models.pages import ContentPage, HomePage, StandardPage

__all__ = [
    "ContentPage",
    "HomePage",
    "LibraryProfile",
    "LibrarySettings",
    "OpeningPeriod",
    "SocialAccount",
    "StandardPage",
]
