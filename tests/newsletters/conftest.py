"""The loopback SMTP server of the mail tests, and a small programme to send to."""

from __future__ import annotations

import pytest
from wagtail.users.models import UserProfile

from tests.factories import (
    AllyRegistrationFactory,
    OrganisationUnitFactory,
    ProgrammeUpdatePageFactory,
    UserFactory,
)
from tests.mail.conftest import smtp, smtp_server  # noqa: F401 (fixtures)
from wagtail_allyship.translations.translate import translate


def make_ally(unit, username: str, language: str = "", email: str | None = None):
    user = UserFactory(
        username=username,
        first_name=username.title(),
        last_name="Ally",
        **({"email": email} if email is not None else {}),
    )
    AllyRegistrationFactory(user=user, unit=unit)
    if language:
        UserProfile.objects.create(user=user, preferred_language=language)
    return user


@pytest.fixture
def programme(locales):
    """A region with a force below it, an English update translated into French."""
    region = OrganisationUnitFactory(name="Northern Region")
    force = OrganisationUnitFactory(name="Essex Police", parent=region)
    other = OrganisationUnitFactory(name="Kent Police")
    update = ProgrammeUpdatePageFactory(title="Spring update", slug="spring-update")
    french = translate(
        update,
        locales["fr"],
        {
            "Spring update": "Les nouvelles du printemps",
            "Forty new allies signed up.": "Quarante nouveaux alliés se sont inscrits.",
        },
    )
    return {"region": region, "force": force, "other": other, "update": update, "fr": french}
