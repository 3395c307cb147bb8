"""A host that keeps Wagtail's simple translation beside wagtail-localize (installation guide).

simple translation's "Translate" makes a plain copy of a page in another language with
``CopyPageForTranslationAction``; the package must treat that copy as the page's translation
and leave it alone.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale

from wagtail_allyship.models import AllyRoleProfilePage

pytestmark = pytest.mark.django_db


def run_starter(*args) -> str:
    out = StringIO()
    call_command("allyship_starter", *args, stdout=out)
    return out.getvalue()


def test_starter_leaves_a_simple_translation_copy_as_it_is(settings):
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("fr", "French")]
    french = Locale.objects.create(language_code="fr")
    run_starter("--publish", "--no-translations")
    profile = AllyRoleProfilePage.objects.get(locale__language_code="en")
    # What simple translation's "Translate" does: copy the page and its parents.
    copy = CopyPageForTranslationAction(
        profile, french, include_subtree=False, copy_parents=True
    ).execute()
    copy.title = "Profil rédigé à la main"
    copy.save_revision().publish()
    assert profile.get_parent().has_translation(french)

    output = run_starter("--publish")

    copy.refresh_from_db()
    assert copy.title == "Profil rédigé à la main"
    assert AllyRoleProfilePage.objects.filter(locale=french).count() == 1
    assert "already there" in output
