"""The UI catalogues of ru, uk and ro: complete, faithful to placeholders, built without gettext."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from library_site.core.management.commands.compilemessages import compile_catalogues
from tests.services import require

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ["ru", "uk", "ro"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def catalogue(language: str, root: Path = REPO) -> polib.POFile:
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ui_string_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.percent_translated() == 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(language):
    for entry in catalogue(language):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        forms = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form)) == expected, entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_declared_and_filled(language):
    po = catalogue(language)
    plurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))

    for entry in po:
        if entry.msgid_plural:
            assert len([form for form in entry.msgstr_plural.values() if form]) == plurals


def test_catalogues_compile_in_pure_python(tmp_path):
    shutil.copytree(REPO / "locale", tmp_path / "locale")
    for stale in (tmp_path / "locale").glob("*/LC_MESSAGES/*.mo"):
        stale.unlink()

    built = compile_catalogues([tmp_path / "locale"])

    assert len(built) == len(LANGUAGES)
    with open(tmp_path / "locale/uk/LC_MESSAGES/django.mo", "rb") as mo_file:
        uk = gettext.GNUTranslations(mo_file)
    assert uk.gettext("Skip to main content") == "Перейти до основного вмісту"
    assert compile_catalogues([tmp_path / "locale"]) == []  # up to date: nothing rebuilt


def test_catalogues_hold_every_string_marked_in_the_code(tmp_path):
    """What makemessages finds in the code is in the catalogues, so nothing shows untranslated."""
    require(shutil.which("xgettext") is not None, "GNU gettext's xgettext")
    for part in ("library_site", "plugins", "koha_bridge", "rfid_sip2", "locale"):
        if (REPO / part).exists():
            shutil.copytree(REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("*.mo"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "library_site.manage",
            "makemessages",
            "--no-obsolete",
            *[f"--locale={language}" for language in LANGUAGES],
        ],
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "library_site.settings.test",
            "LIBRARY20_VAR_DIR": str(tmp_path / "var"),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr

    for language in LANGUAGES:
        current = {entry.msgid for entry in catalogue(language)}
        extracted = {entry.msgid for entry in catalogue(language, tmp_path)}
        assert extracted - current == set(), f"{language}: strings missing from the catalogue"


def test_django_uses_the_project_catalogues():
    assert Path(settings.LOCALE_PATHS[0]) == REPO / "locale"


def test_romanian_dates_write_the_month_in_lower_case_and_others_keep_djangos():
    from datetime import date

    from django.utils import translation
    from django.utils.formats import date_format

    day = date(2025, 12, 2)
    with translation.override("ro"):
        assert date_format(day) == "2 decembrie 2025"
    with translation.override("ru"):
        assert date_format(day, "F Y") == "Декабрь 2025"
    with translation.override("uk"):
        assert date_format(day, "F Y") == "Грудень 2025"
