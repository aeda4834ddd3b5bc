"""schema.org ``FAQPage`` data for a knowledge base entry (JSON-LD), safe inside a <script>."""

from __future__ import annotations

import html
import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from plugins.reference.models import FaqEntryPage

# "</script>" or "<!--" in a question must not end or change the element it is written in.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def answer_text(entry: FaqEntryPage) -> str:
    """The answer's text paragraphs as plain text, one paragraph a line."""
    paragraphs = [
        " ".join(html.unescape(strip_tags(block.value.source.replace("<", " <"))).split())
        for block in entry.answer
        if block.block_type == "paragraph"
    ]
    return "\n".join(paragraph for paragraph in paragraphs if paragraph)


def faq_jsonld(entry: FaqEntryPage, request: HttpRequest) -> str:
    """The entry as a one-question FAQ page for search engines."""
    url = request.build_absolute_uri(entry.get_url(request))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "@id": url,
        "url": url,
        "inLanguage": entry.locale.language_code,
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.title,
                "text": normalize_newlines(entry.question or entry.title),
                "acceptedAnswer": {"@type": "Answer", "text": answer_text(entry)},
            }
        ],
    }
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
