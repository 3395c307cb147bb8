"""The calendar page's views: the page itself, the feed of every entry and one entry's file."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.text import slugify

from wagtail_allyship.calendar import ical
from wagtail_allyship.calendar.pages import CalendarFilterForm


def index(page, request, *args, **kwargs):
    """The calendar page; 400 when the topic in the address does not exist."""
    response = page.render(request)
    if response.context_data["filter_form"].errors:
        response.status_code = 400
    return response


def ics_feed(page, request, private_keys=frozenset(), hidden_keys=()):
    """Every entry in the page's language (or one topic's) as one calendar file.

    The entries whose translation key is in ``private_keys`` go without their room and online
    link (those are for the people who signed up); those in ``hidden_keys`` (a set or a
    subquery) are left out.
    """
    form = CalendarFilterForm(request.GET or None, page.topics())
    if request.GET and not form.is_valid():
        return HttpResponse(
            form.errors["topic"][0], status=400, content_type="text/plain; charset=utf-8"
        )
    topic = form.cleaned_data.get("topic") if request.GET else None
    entries = page.entries().exclude(translation_key__in=hidden_keys)
    if topic is not None:
        entries = entries.filter(topic=topic)
    base = page.get_full_url(request=request) or ""
    body = ical.build_calendar(
        (
            entry.ics_entry(url=base, joining_details=entry.translation_key not in private_keys)
            for entry in entries
        ),
        name=page.title,
        language=page.locale.language_code,
    )
    return ics_response(body, f"{page.slug}.ics", inline=True)


def ics_event(page, request, key, private_keys=frozenset(), hidden_keys=()):
    """One entry as a calendar file, to add to one's own calendar (see :func:`ics_feed`)."""
    entry = (
        page.entries().filter(translation_key=key).exclude(translation_key__in=hidden_keys).first()
    )
    if entry is None:
        raise Http404("No such calendar entry")
    base = page.get_full_url(request=request) or ""
    details = entry.translation_key not in private_keys
    body = ical.build_calendar(
        [entry.ics_entry(url=base, joining_details=details)], language=entry.locale.language_code
    )
    filename = f"{slugify(entry.title) or 'event'}.ics"
    return ics_response(body, filename, inline=False)


def ics_response(body: bytes, filename: str, inline: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
