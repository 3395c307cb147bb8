"""The shipped translations: complete, not fuzzy, compiled, and keeping their placeholders."""

import re
from pathlib import Path

import polib
import pytest

LOCALE_DIR = Path(__file__).resolve().parent.parent / "wagtail_allyship" / "locale"
SHIPPED = ["fr", "es", "ar", "pt"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@pytest.fixture(params=SHIPPED)
def catalogue(request):
    path = LOCALE_DIR / request.param / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{request.param} catalogue is missing: run `make messages`"
    return path


def test_every_string_is_translated_and_not_fuzzy(catalogue):
    po = polib.pofile(str(catalogue))
    assert len(po) > 0
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"{catalogue}: untranslated {untranslated[:5]}"
    assert fuzzy == [], f"{catalogue}: fuzzy {fuzzy[:5]}"


def test_translations_keep_placeholders(catalogue):
    po = polib.pofile(str(catalogue))
    for entry in po.translated_entries():
        if entry.msgid_plural:
            # A plural form may drop the number ("one day ago") but never invent a name.
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(form)) <= allowed, (catalogue, entry.msgid, form)
        else:
            expected = sorted(PLACEHOLDER.findall(entry.msgid))
            found = sorted(PLACEHOLDER.findall(entry.msgstr))
            assert found == expected, (catalogue, entry.msgid, entry.msgstr)


def test_compiled_catalogue_matches_source(catalogue):
    po = polib.pofile(str(catalogue))
    mo = polib.mofile(str(catalogue.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid}
    source = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries() if not e.msgid_plural}
    assert source.items() <= compiled.items(), "run `make messages` to recompile"
