"""The WAGTAIL_ALLYSHIP settings dict: defaults, overrides and validation at start-up."""

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from wagtail_allyship.conf import SETTINGS, get_setting, setting_errors


def test_defaults_apply_when_host_sets_nothing():
    with override_settings(WAGTAIL_ALLYSHIP={}):
        assert get_setting("BASE_TEMPLATE") == "base.html"
        assert get_setting("PROGRAMME_YEAR_START_MONTH") == 1


def test_host_value_wins():
    with override_settings(WAGTAIL_ALLYSHIP={"BASE_TEMPLATE": "intranet/base.html"}):
        assert get_setting("BASE_TEMPLATE") == "intranet/base.html"


def test_unknown_name_in_code_is_a_programming_error():
    with pytest.raises(KeyError):
        get_setting("NOPE")


@pytest.mark.parametrize(
    "value, fragment",
    [
        ({"BASE_TEMPLATE": ""}, "must be a template name"),
        ({"PROGRAMME_YEAR_START_MONTH": 13}, "a month number from 1 to 12"),
        ({"PROGRAMME_YEAR_START_MONTH": True}, "a month number from 1 to 12"),
        ({"UNIT_TREE_MAX_DEPTH": 0}, "greater than 0"),
        ({"BASE_TEMPLTE": "x.html"}, "unknown key 'BASE_TEMPLTE'"),
        (["BASE_TEMPLATE"], "must be a dict"),
    ],
)
def test_bad_values_are_described(value, fragment):
    with override_settings(WAGTAIL_ALLYSHIP=value):
        errors = setting_errors()
    assert len(errors) == 1
    assert fragment in errors[0]


def test_every_default_is_valid():
    for name, setting in SETTINGS.items():
        assert setting.check(setting.default), name
        assert str(setting.help)


def test_start_up_refuses_bad_settings():
    config = apps.get_app_config("wagtail_allyship")
    with (
        override_settings(WAGTAIL_ALLYSHIP={"PROGRAMME_YEAR_START_MONTH": 0}),
        pytest.raises(ImproperlyConfigured, match="PROGRAMME_YEAR_START_MONTH"),
    ):
        config.ready()
    config.ready()
