"""Payloads from the OWASP XSS filter evasion cheat sheet, written by a reader as a review, a
tag and a list name: each is shown as the text the reader typed, never as markup."""

from __future__ import annotations

import pytest
from django_comments_xtd.models import XtdComment

from plugins.opac.models import TagTerm
from plugins.opac.shelves import create_list, shelf_url
from tests.html import soup_of
from tests.plugins.comments.conftest import page_url, post_review
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db

# https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html
PAYLOADS = [
    "<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    "<BODY ONLOAD=alert('XSS')>",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<svg/onload=alert('XSS')>",
    '"><img src=x onerror=alert(1)>',
]


def injected(soup) -> list:
    """Elements or attributes the payload would have made, had it been taken as markup."""
    main = soup.select_one("main")
    found = [
        element
        for element in main.find_all(True)
        if any(name.lower().startswith("on") for name in element.attrs)
        or str(element.get("src", "")).lower().startswith("javascript")
        or str(element.get("href", "")).lower().startswith("javascript")
    ]
    scripts = [s for s in main.find_all("script") if "alert" in s.get_text()]
    return found + scripts


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_review_a_tag_and_a_list_name_show_a_payload_as_text(client, oliver, payload):
    reader = make_reader("mallory").user
    client.force_login(reader)

    post_review(client, oliver, comment=payload)
    client.post(f"/en/catalogue/tagging/{oliver.pk}/", {"tag": payload[:50]})
    TagTerm.objects.update(status=TagTerm.Status.APPROVED)
    XtdComment.objects.update(is_public=True)  # a librarian let through what was held
    shelf = create_list(reader, payload[:100], payload[:200], public=True)

    for url in (page_url(oliver), "/en/catalogue/tags/", shelf_url(shelf, "en")):
        soup = soup_of(client.get(url))
        assert injected(soup) == [], url
    # The review is there, as the text the reader typed.
    assert payload in soup_of(client.get(page_url(oliver))).select_one("#comments").get_text()
