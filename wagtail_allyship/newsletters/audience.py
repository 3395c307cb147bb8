"""Who receives a programme update, and in which language each of them reads it.

An ally reads the version in his preferred language (his Wagtail account's preference); when
there is none in that language, the one in his unit's language; then the site's default
language, whose version every newsletter has. The editor is shown, before sending, how many
readers will get a version other than the one they wanted (:func:`plan`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale

from wagtail_allyship.access.roles import coordinators
from wagtail_allyship.newsletters.models import AudienceKind
from wagtail_allyship.registry.models import RegistrationStatus
from wagtail_allyship.units.models import OrganisationUnit


def _profile() -> list[str]:
    return ["wagtail_userprofile"] if apps.is_installed("wagtail.users") else []


def units_with_sub_units(units) -> QuerySet:
    """The chosen units in every language, and every unit below them."""
    keys = {unit.translation_key for unit in units}
    return OrganisationUnit.objects.descendants_of(
        OrganisationUnit.objects.filter(translation_key__in=keys)
    )


def audience_users(kind: str, units=()) -> QuerySet:
    """The active users of an audience, with what choosing their language needs."""
    users = get_user_model().objects.filter(is_active=True)
    if kind == AudienceKind.COORDINATORS:
        users = coordinators()
    else:
        users = users.filter(
            ally_registration__status=RegistrationStatus.ACTIVE,
            ally_registration__newsletters_on=True,
        )
        if kind == AudienceKind.UNITS:
            users = users.filter(ally_registration__unit__in=units_with_sub_units(units))
    return users.select_related("ally_registration__unit__locale", *_profile()).order_by("pk")


def default_language() -> str:
    return Locale.get_default().language_code


def normalise(code: str) -> str:
    """A language code as Django knows it (``pt-BR`` → ``pt-br``), or ``""``."""
    if not code:
        return ""
    try:
        return get_supported_language_variant(code)
    except LookupError:
        return ""


def wanted_languages(user) -> list[str]:
    """The reader's preferred language, then his unit's, then the site's default."""
    profile = getattr(user, "wagtail_userprofile", None)
    registration = getattr(user, "ally_registration", None)
    wanted = [normalise(getattr(profile, "preferred_language", "") or "")]
    if registration is not None:
        wanted.append(registration.unit.locale.language_code)
    wanted.append(default_language())
    return [code for code in wanted if code]


def match(code: str, available) -> str | None:
    """``code`` or its base language among ``available`` language codes."""
    if code in available:
        return code
    base = code.split("-")[0]
    return next((each for each in available if each.split("-")[0] == base), None)


def choose_language(user, available) -> tuple[str, bool]:
    """The language ``user`` reads in, and whether it is his first choice."""
    wanted = wanted_languages(user)
    for position, code in enumerate(wanted):
        found = match(code, available)
        if found:
            return found, position == 0
    return default_language(), False


@dataclass
class Plan:
    """An audience, counted before sending: who, in which language, who is skipped."""

    recipients: list[tuple[object, str]] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)
    #: Wanted language -> readers who will get another version (no translation in it).
    fallbacks: Counter = field(default_factory=Counter)
    without_email: int = 0

    @property
    def total(self) -> int:
        return len(self.recipients)

    @property
    def language_rows(self) -> list[tuple[str, int]]:
        """(language, readers), for templates: a Counter answers 0 to any key, even "items"."""
        return sorted(self.languages.items())

    @property
    def fallback_rows(self) -> list[tuple[str, int]]:
        return sorted(self.fallbacks.items())


def plan(kind: str, units, available) -> Plan:
    """Everyone an audience reaches, with his language; allies without an address are counted."""
    found = Plan()
    for user in audience_users(kind, units).iterator(chunk_size=500):
        if not user.email:
            found.without_email += 1
            continue
        language, first_choice = choose_language(user, available)
        found.recipients.append((user, language))
        found.languages[language] += 1
        if not first_choice:
            found.fallbacks[wanted_languages(user)[0]] += 1
    return found
