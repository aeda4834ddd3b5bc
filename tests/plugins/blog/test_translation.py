"""A post translated through wagtail-localize's workflow (submitted, machine-translated by its
dummy translator, published) reaches the public page at the translation's dated address."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from plugins.blog.models import BlogEntryPage
from tests.plugins.blog.conftest import add_post

pytestmark = pytest.mark.django_db

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator", "OPTIONS": {}}


def test_a_machine_translated_post_is_served_in_its_language(
    client, blog, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    post = add_post(blog["en"], "harvest", "Harvest reading", "<p>Apples and books together</p>")
    uk = Locale.objects.get(language_code="uk")
    uk_blog = blog["en"].copy_for_translation(uk)
    uk_blog.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(post)
    translation = Translation.objects.create(source=source, target_locale=uk)
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    translation.save_target(user=editor)  # as "Translate this page" makes the draft
    client.force_login(editor)

    response = client.post(f"/admin/localize/translate/{translation.pk}/machine_translate/")
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation.save_target(user=editor, publish=True)
    client.logout()

    translated = BlogEntryPage.objects.get(locale=uk, translation_key=post.translation_key)
    page = client.get("/uk/stories/2026/11/20/harvest/")
    assert translated.title == "reading Harvest"
    assert page.status_code == 200
    assert "together books and Apples" in page.text
    assert "Apples and books together" not in page.text
