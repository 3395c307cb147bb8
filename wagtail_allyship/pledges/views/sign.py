"""The pledge sign of the logged-in ally: a printable A4 page and an SVG download.

Both show this year's pledge in the page's language (right to left for Arabic); see
:mod:`wagtail_allyship.pledges.sign`. Only the ally reaches his own sign.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.responses import login_redirect, page_url, personal, subpage_url
from wagtail_allyship.pledges.models import Pledge, current_programme_year
from wagtail_allyship.pledges.pages import MyAllyshipPage
from wagtail_allyship.pledges.sign import SignText, pledge_sign_svg
from wagtail_allyship.pledges.views.common import localized_unit, render
from wagtail_allyship.registry.models import AllyRegistration, display_name


def sign_text(page: MyAllyshipPage, request) -> SignText:
    """What the user's sign says, or 404 when he has no pledge this year."""
    pledge = (
        Pledge.objects.filter(user=request.user, programme_year=current_programme_year())
        .prefetch_related("commitments")
        .first()
    )
    if pledge is None:
        raise Http404(_("You have no pledge for this year yet."))
    registration = AllyRegistration.objects.select_related("unit").filter(user=request.user).first()
    unit = localized_unit(registration, page)
    return SignText(
        programme=get_setting("PROGRAMME_NAME") or _("Allyship programme"),
        heading=_("My pledge for %(year)s") % {"year": pledge.year_label},
        name=display_name(request.user),
        unit=unit.name if unit else "",
        commitments=tuple(commitment.text for commitment in pledge.commitments.all()),
        footer=_("I am an ally when the people I support say so."),
        language=get_language() or "en",
        rtl=get_language_bidi(),
    )


def pledge_sign(page: MyAllyshipPage, request) -> HttpResponse:
    """The sign on a page of its own, ready to print on A4."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    svg = pledge_sign_svg(sign_text(page, request))
    return render(
        page,
        request,
        "wagtail_allyship/pledges/pledge_sign.html",
        {
            # Built from escaped values only (see pledge_sign_svg); the XML declaration is
            # dropped for an inline image.
            "sign_svg": mark_safe(svg.split("\n", 1)[1]),  # noqa: S308  # nosec B308, B703
            "svg_url": subpage_url(page, request, "pledge_sign_svg"),
            "photo_url": subpage_url(page, request, "sign_photo"),
            "back_url": page_url(page, request),
        },
    )


def pledge_sign_download(page: MyAllyshipPage, request) -> HttpResponse:
    """The sign as an SVG file."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    response = HttpResponse(
        pledge_sign_svg(sign_text(page, request)), content_type="image/svg+xml; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="my-pledge-sign.svg"'
    return personal(response)
