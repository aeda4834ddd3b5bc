"""Share links: plain addresses of each network's own share page, no scripts, no trackers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _

# A host name as a reader types their Mastodon instance: letters, digits, dots and hyphens.
INSTANCE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    url: str


def share_links(title: str, url: str) -> list[ShareLink]:
    """Where a post at ``url`` can be shared, each as a link to the network's share page."""
    return [
        ShareLink(
            "email",
            _("E-mail"),
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
        ShareLink(
            "telegram",
            "Telegram",
            "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        ),
        ShareLink(
            "vk", _("VK"), "https://vk.com/share.php?" + urlencode({"url": url, "title": title})
        ),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"url": url, "text": title})),
    ]


def mastodon_share_url(instance: str, title: str, url: str) -> str | None:
    """The share page of the reader's Mastodon ``instance``, or None if it is no host name."""
    host = instance.strip().lower().removeprefix("https://").rstrip("/")
    if not INSTANCE.match(host):
        return None
    return f"https://{host}/share?" + urlencode({"text": f"{title} {url}"})
