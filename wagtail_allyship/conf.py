"""The ``WAGTAIL_ALLYSHIP`` settings dict, its defaults and its validation.

Read settings through :func:`get_setting` rather than caching them at import time, so that
``override_settings`` in tests and per-process settings in production both take effect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SETTINGS_NAME = "WAGTAIL_ALLYSHIP"


@dataclass(frozen=True)
class Setting:
    """One documented key of ``WAGTAIL_ALLYSHIP``."""

    default: Any
    check: Callable[[Any], bool]
    expected: str
    help: str


def _is_non_empty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _is_non_negative_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_month(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 12


def _is_placeholder_map(value: Any) -> bool:
    from wagtail_allyship.text.placeholders import is_token_name

    return isinstance(value, dict) and all(
        isinstance(name, str)
        and is_token_name(name)
        and isinstance(source, str)
        and all(part.isidentifier() for part in source.split("."))
        for name, source in value.items()
    )


#: Every setting, its default and the rule a value must follow.
SETTINGS: dict[str, Setting] = {
    "BASE_TEMPLATE": Setting(
        default="base.html",
        check=_is_non_empty_str,
        expected=_("a template name such as 'base.html'"),
        help=_("Template that every allyship page extends; it must define a 'content' block."),
    ),
    "PROGRAMME_YEAR_START_MONTH": Setting(
        default=1,
        check=_is_month,
        expected=_("a month number from 1 to 12"),
        help=_("Month in which the programme year starts (1 = January)."),
    ),
    "EXTRA_PLACEHOLDERS": Setting(
        default={},
        check=_is_placeholder_map,
        expected=_(
            "a dict such as {'REGION': 'parent'} that maps a token name in capitals to an "
            "organisation unit attribute or to the dotted path of a function that takes the unit"
        ),
        help=_(
            "More tokens for recruitment articles, besides [FORCE NAME], [ORGANISATION], "
            "[UNIT SHORT NAME], [CONTACT NAME], [CONTACT EMAIL] and [SIGN-UP LINK]."
        ),
    ),
    "VIDEO_EMBED_RETRY_SECONDS": Setting(
        default=900,
        check=_is_positive_int,
        expected=_("a whole number of seconds greater than 0"),
        help=_(
            "After a video provider could not be reached, how long pages show the plain link "
            "before the embed is tried again."
        ),
    ),
    "PLEDGE_KPI_REQUIRED": Setting(
        default=True,
        check=_is_bool,
        expected=_("True or False"),
        help=_("Whether every commitment in a pledge needs a KPI (how progress will be measured)."),
    ),
    "PLEDGE_DEADLINE_HORIZON_DAYS": Setting(
        default=365,
        check=_is_positive_int,
        expected=_("a whole number of days greater than 0"),
        help=_("How far ahead of today the deadline of a commitment may be set."),
    ),
    "REMINDER_DAYS_BEFORE": Setting(
        default=7,
        check=_is_positive_int,
        expected=_("a whole number of days greater than 0"),
        help=_(
            "How many days before its deadline an ally is reminded of an unfinished commitment."
        ),
    ),
    "ACCOUNTABILITY_MONTHS": Setting(
        default=3,
        check=_is_positive_int,
        expected=_("a whole number of months greater than 0"),
        help=_(
            "A pledge is green while progress was logged on each open commitment within this "
            "many months; it turns red when nothing was logged for twice as long."
        ),
    ),
    "ACCOUNTABILITY_RENEWAL_DAYS": Setting(
        default=30,
        check=_is_non_negative_int,
        expected=_("a whole number of days, 0 or more"),
        help=_(
            "How many days before the end of its programme year a pledge that has not been "
            "renewed turns amber (due for renewal)."
        ),
    ),
    "FEEDBACK_REQUESTS_PER_MONTH": Setting(
        default=10,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "How many feedback requests (to named colleagues and private links together) one "
            "ally may make in a calendar month."
        ),
    ),
    "FEEDBACK_LINK_DAYS": Setting(
        default=14,
        check=_is_positive_int,
        expected=_("a whole number of days greater than 0"),
        help=_(
            "How many days a feedback request, and its private link, can be answered before it "
            "expires."
        ),
    ),
    "SIGN_PHOTO_MAX_BYTES": Setting(
        default=5 * 1024 * 1024,
        check=_is_positive_int,
        expected=_("a whole number of bytes greater than 0"),
        help=_("The largest photo with a pledge sign an ally may upload, in bytes."),
    ),
    "SIGN_PHOTO_STORAGE": Setting(
        default="default",
        check=_is_non_empty_str,
        expected=_("the name of a storage in the STORAGES setting"),
        help=_(
            "The storage that keeps the photos of allies with their signs. They are served "
            "only through the package's views, so a private storage (not under MEDIA_URL) "
            "is best."
        ),
    ),
    "PROGRAMME_NAME": Setting(
        default="",
        check=lambda value: isinstance(value, str),
        expected=_("a text, or an empty text for the default"),
        help=_(
            "The programme's name at the top of an ally's pledge sign; empty for "
            "'Allyship programme' in the page's language."
        ),
    ),
    "PROGRAMME_NAVIGATION": Setting(
        default=True,
        check=_is_bool,
        expected=_("True or False"),
        help=_(
            "Whether every programme page shows the programme's section navigation, a list of "
            "links to its main pages. False when the host's own menus do that already."
        ),
    ),
    "BREADCRUMBS": Setting(
        default=True,
        check=_is_bool,
        expected=_("True or False"),
        help=_(
            "Whether every programme page shows breadcrumbs: the pages above it, from the "
            "site's home. False when the host's base template has its own."
        ),
    ),
    "MAIL_MAX_ATTEMPTS": Setting(
        default=5,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "How many times a worker tries to send one email before it is marked as failed "
            "in the coordinators' list of reminder emails."
        ),
    ),
    "MAIL_RETRY_SECONDS": Setting(
        default=300,
        check=_is_non_negative_int,
        expected=_("a whole number of seconds, 0 or more"),
        help=_(
            "How long a worker waits before trying a failed email again; the wait doubles "
            "after each failed attempt."
        ),
    ),
    "STORIES_PER_PAGE": Setting(
        default=12,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many good-practice stories a story index page lists at a time."),
    ),
    "STORY_FEED_ITEMS": Setting(
        default=20,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many of the newest stories the RSS and Atom feeds of a story index hold."),
    ),
    "CALENDAR_MONTHS": Setting(
        default=3,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many months ahead, the current one included, a calendar page shows."),
    ),
    "CALENDAR_PAST_EVENTS": Setting(
        default=10,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many past one-off events a calendar page lists below the coming months."),
    ),
    "RESOURCES_PER_PAGE": Setting(
        default=20,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many resources a resource hub lists at a time."),
    ),
    "RESOURCES_SHOW_UNTRANSLATED": Setting(
        default=True,
        check=_is_bool,
        expected=_("True or False"),
        help=_(
            "Whether a hub in another language also lists the resources not yet translated "
            "into it, in the default language and labelled as such."
        ),
    ),
    "RESOURCES_SEARCH_LIMIT": Setting(
        default=500,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many of the best search matches a resource hub search considers."),
    ),
    "RESOURCES_CACHE_SECONDS": Setting(
        default=300,
        check=_is_non_negative_int,
        expected=_("a whole number of seconds, 0 or more"),
        help=_(
            "How long the cache keeps a resource hub's results; any change to resources, "
            "topics or tags makes the kept results out of date at once. 0 turns caching off."
        ),
    ),
    "SURVEY_MIN_GROUP_SIZE": Setting(
        default=5,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "The fewest survey responses a group (everyone, or one unit) needs before its "
            "results are shown; smaller groups are reported only as too small."
        ),
    ),
    "UNIT_TREE_MAX_DEPTH": Setting(
        default=6,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_("How many levels the organisation unit tree may have."),
    ),
    "RETENTION_LEFT_ALLIES_MONTHS": Setting(
        default=24,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "How many months after leaving the programme an ally's registration, pledges and "
            "progress are kept before the retention command removes them."
        ),
    ),
    "RETENTION_SURVEY_RESPONSES_MONTHS": Setting(
        default=36,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "How many months survey responses are kept before the retention command removes them."
        ),
    ),
    "UPLOAD_MAX_MB": Setting(
        default=20,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "The largest file, in megabytes, that the programme's pages and forms accept: a "
            "resource's document, an image on a story, an update or a resource. Set Wagtail's "
            "WAGTAILDOCS_MAX_UPLOAD_SIZE and WAGTAILIMAGES_MAX_UPLOAD_SIZE, and the web "
            "server's limit on request bodies, to match."
        ),
    ),
    "FORM_SUBMISSIONS_PER_HOUR": Setting(
        default=30,
        check=_is_positive_int,
        expected=_("a whole number greater than 0"),
        help=_(
            "How many times an hour one person may send each of the package's forms (sign-up, "
            "pledge, progress, survey) before being asked to wait."
        ),
    ),
}


def get_setting(name: str) -> Any:
    """Return the host's value for ``name``, or its default."""
    if name not in SETTINGS:
        raise KeyError(f"Unknown {SETTINGS_NAME} setting: {name}")
    overrides = getattr(settings, SETTINGS_NAME, {}) or {}
    return overrides.get(name, SETTINGS[name].default)


def setting_errors() -> list[str]:
    """Describe every problem with the host's ``WAGTAIL_ALLYSHIP`` dict, one sentence each."""
    overrides = getattr(settings, SETTINGS_NAME, {})
    if overrides is None:
        return []
    if not isinstance(overrides, dict):
        return [
            str(
                _("%(name)s must be a dict, not %(type)s.")
                % {"name": SETTINGS_NAME, "type": type(overrides).__name__}
            )
        ]
    errors = []
    for key, value in overrides.items():
        if key not in SETTINGS:
            errors.append(
                str(
                    _("%(name)s has an unknown key %(key)r; known keys are: %(known)s.")
                    % {"name": SETTINGS_NAME, "key": key, "known": ", ".join(sorted(SETTINGS))}
                )
            )
        elif not SETTINGS[key].check(value):
            errors.append(
                str(
                    _("%(name)s[%(key)r] is %(value)r; it must be %(expected)s.")
                    % {
                        "name": SETTINGS_NAME,
                        "key": key,
                        "value": value,
                        "expected": SETTINGS[key].expected,
                    }
                )
            )
    return errors
