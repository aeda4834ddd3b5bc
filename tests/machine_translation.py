"""A page translated as an editor does it with wagtail-localize: submitted for translation into a
locale, filled by the configured machine translator, published."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation


def machine_translated(admin_client, page: Page, language: str, capture_on_commit) -> Page:
    """The published translation of ``page`` into ``language``. ``capture_on_commit`` is
    pytest-django's ``django_capture_on_commit_callbacks``: wagtail-localize publishes on commit."""
    locale = Locale.objects.get(language_code=language)
    submitted = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )
    assert submitted.status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    with capture_on_commit(execute=True):
        translation.save_target(publish=True)
    return page.specific_class.objects.get(translation_key=page.translation_key, locale=locale)
