"""The one-click unsubscribe address of the package's emails (RFC 8058), and its page.

No login: the signed link is the permission (see :mod:`wagtail_allyship.mail.unsubscribe`).
A GET only asks (mail scanners open links, and must not unsubscribe anyone); a POST, from
the page's button or from a mail client's "Unsubscribe" (``List-Unsubscribe=One-Click``),
turns off that kind of email (reminders, newsletters or the digest) for that ally and nothing
else. A forged or altered link, a link already
used, or one sent before the ally last changed the setting, gets a page that says so, and
changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.responses import personal
from wagtail_allyship.mail.unsubscribe import PURPOSE_FIELDS, REMINDERS, read_token
from wagtail_allyship.pledges.reminder_emails import (
    my_allyship_urls,
    profile_relation,
    user_language,
)
from wagtail_allyship.registry.models import AllyRegistration

TEMPLATE = "wagtail_allyship/pledges/unsubscribe.html"


def answer(
    request,
    state: str,
    status: int = 200,
    language: str | None = None,
    purpose: str = REMINDERS,
) -> HttpResponse:
    """The page for ``state``: "confirm", "done", "used" or "invalid", about ``purpose``."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        urls = my_allyship_urls()
        response = TemplateResponse(
            request,
            TEMPLATE,
            {
                "state": state,
                "purpose": purpose,
                "allyship_base": get_setting("BASE_TEMPLATE"),
                "my_allyship_url": urls.get(language) or urls.get(language.split("-")[0]) or "",
            },
            status=status,
        )
        response.render()
    response["Content-Language"] = language
    return personal(response)


def turn_off(registration_pk: int, version: int, purpose: str = REMINDERS) -> bool:
    """Turn that kind of email off if the link is still current; ``False`` if it was used."""
    with transaction.atomic():
        registration = AllyRegistration.objects.select_for_update().get(pk=registration_pk)
        if registration.email_link_version != version:
            return False
        registration.set_subscription(PURPOSE_FIELDS[purpose], False)
    return True


@csrf_exempt  # mail clients post without a session; the signed link is the permission
@login_not_required
def unsubscribe(request, token: str) -> HttpResponse:
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    found = read_token(token)
    if found is None or found[1] not in PURPOSE_FIELDS:
        return answer(request, "invalid", status=400)
    user_id, purpose, version = found
    registration = (
        AllyRegistration.objects.select_related("user", *profile_relation("user__"))
        .filter(user_id=user_id)
        .first()
    )
    if registration is None:
        return answer(request, "invalid", status=400)
    language = user_language(registration.user)
    if registration.email_link_version != version:
        return answer(request, "used", status=410, language=language, purpose=purpose)
    if request.method != "POST":
        return answer(request, "confirm", language=language, purpose=purpose)
    if not turn_off(registration.pk, version, purpose):
        return answer(request, "used", status=410, language=language, purpose=purpose)
    return answer(request, "done", language=language, purpose=purpose)
