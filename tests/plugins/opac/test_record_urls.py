"""Record URLs: stable, language-prefixed, with a readable slug."""

from plugins.opac.record_urls import record_slug, record_url


def test_a_record_url_has_the_language_the_biblio_id_and_a_slug():
    assert record_url(41, "Oliver Twist", "en") == "/en/catalogue/41/oliver-twist/"


def test_slugs_keep_cyrillic_words_folded():
    assert record_slug("Мёртвые души") == "мертвые-души"
    assert record_slug("Ґандзя") == "гандзя"


def test_slugs_fold_romanian_letters():
    assert record_slug("Pădurea spânzuraților") == "padurea-spanzuratilor"


def test_a_title_with_nothing_to_slug_gives_record():
    assert record_slug("?!…") == "record"
