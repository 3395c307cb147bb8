"""System checks: each problem a host can have gives an error with a hint."""

import pytest
from django.core import checks
from django.test import override_settings

from wagtail_allyship.checks import (
    MIDDLEWARE_PATH,
    check_base_template,
    check_i18n,
    check_required_apps,
    check_unit_rights_middleware,
    check_upload_limits,
)


def ids(errors):
    return [error.id for error in errors]


def test_a_host_set_up_as_the_guide_says_passes_every_check():
    errors = [e for e in checks.run_checks() if e.id.startswith("wagtail_allyship")]
    assert errors == []


def test_missing_localize_is_reported_with_hint(monkeypatch):
    monkeypatch.setattr(
        "wagtail_allyship.checks.apps.is_installed", lambda name: name != "wagtail_localize"
    )
    errors = check_required_apps()
    assert ids(errors) == ["wagtail_allyship.E001"]
    assert "'wagtail_localize'" in errors[0].msg
    assert "Add 'wagtail_localize' to INSTALLED_APPS" in errors[0].hint


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_i18n_off_with_several_languages():
    errors = check_i18n()
    assert ids(errors) == ["wagtail_allyship.E003"]
    assert "WAGTAIL_I18N_ENABLED = True" in errors[0].hint


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=False, WAGTAIL_CONTENT_LANGUAGES=[("en", "English")])
def test_i18n_off_with_several_locales_in_the_database(locales):
    assert ids(check_i18n(databases=["default"])) == ["wagtail_allyship.E003"]
    assert check_i18n() == []


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=False, WAGTAIL_CONTENT_LANGUAGES=[("en", "English")])
def test_i18n_off_with_one_language_is_fine():
    assert check_i18n(databases=["default"]) == []


@override_settings(WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "does/not/exist.html"})
def test_missing_base_template():
    errors = check_base_template()
    assert ids(errors) == ["wagtail_allyship.E004"]
    assert "does/not/exist.html" in errors[0].msg


@override_settings(WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "registration/login.html"})
def test_base_template_found_through_extends():
    # The login template extends base.html, which has the content block.
    assert check_base_template() == []


def test_base_template_without_content_block(tmp_path, settings):
    (tmp_path / "bare.html").write_text("<html><body>{% block main %}{% endblock %}</body></html>")
    templates = [{**settings.TEMPLATES[0], "DIRS": [str(tmp_path)]}]
    with override_settings(TEMPLATES=templates, WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "bare.html"}):
        errors = check_base_template()
    assert ids(errors) == ["wagtail_allyship.E005"]
    assert "content" in errors[0].hint


def test_missing_guard_middleware_is_an_error(settings):
    """It guards personal data on every URL: without it, the site does not start."""
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE_PATH]
    [error] = check_unit_rights_middleware()
    assert error.id == "wagtail_allyship.E007"
    assert error.level == checks.ERROR
    assert MIDDLEWARE_PATH in error.hint


def test_the_guard_under_its_other_name_is_fine(settings):
    settings.MIDDLEWARE = [
        m.replace("UnitRightsMiddleware", "AllyshipGuardMiddleware") for m in settings.MIDDLEWARE
    ]
    assert check_unit_rights_middleware() == []


def test_larger_images_than_the_programmes_are_reported(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
    [warning] = check_upload_limits()
    assert warning.id == "wagtail_allyship.W002"
    assert "WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20971520" in warning.hint
    assert "client_max_body_size 20m" in warning.hint


def test_documents_without_the_limited_form_are_reported(settings):
    del settings.WAGTAILDOCS_DOCUMENT_FORM_BASE
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = None
    [warning] = check_upload_limits()
    assert "WAGTAILDOCS_DOCUMENT_FORM_BASE" in warning.hint
    assert "LimitedDocumentForm" in warning.hint


def test_the_limits_of_the_guide_are_fine():
    assert check_upload_limits() == []


def test_the_unit_rights_middleware_in_place_is_fine():
    assert check_unit_rights_middleware() == []
