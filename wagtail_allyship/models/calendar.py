"""The allyship calendar: awareness dates, one-off events and good-practice sessions.

``AwarenessDate`` holds one entry of the calendar: a date that comes round every year (with an
optional end, for ranges such as the 16 days of activism), a one-off event, or a
good-practice session (a one-off online event on a theme). ``CalendarPage`` shows the next
twelve months and serves the iCalendar files. The date rules themselves live in
:mod:`wagtail_allyship.recurrence` and the file format in :mod:`wagtail_allyship.ical`.
"""

from __future__ import annotations

import calendar as calendar_module
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as time_of_day

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import formats, timezone, translation
from django.utils.dates import MONTHS
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import ical, recurrence
from ..blocks import SHORT_TEXT_FEATURES
from ..conf import get_setting
from .base import AllyshipPageMixin
from .topics import Topic


class AwarenessDateKind(models.TextChoices):
    YEARLY = "yearly", _("Every year on the same date")
    EVENT = "event", _("One-off event")
    SESSION = "session", _("Good-practice session")


ONE_OFF_KINDS = (AwarenessDateKind.EVENT, AwarenessDateKind.SESSION)

MONTH_CHOICES = list(MONTHS.items())


def month_name(number: int) -> str:
    """The translated name of month ``number`` (1 = January)."""
    return str(dict(MONTH_CHOICES)[number])


def default_time_zone() -> str:
    """The host's ``TIME_ZONE`` if it is a real IANA zone, else UTC."""
    name = getattr(settings, "TIME_ZONE", None) or "UTC"
    return name if recurrence.get_time_zone(name) else "UTC"


class AwarenessDateQuerySet(models.QuerySet):
    def one_off(self) -> AwarenessDateQuerySet:
        return self.filter(kind__in=ONE_OFF_KINDS)

    def yearly(self) -> AwarenessDateQuerySet:
        return self.filter(kind=AwarenessDateKind.YEARLY)

    def upcoming(self, now: datetime | None = None) -> AwarenessDateQuerySet:
        """One-off entries that have not ended yet, soonest first."""
        now = now or timezone.now()
        return (
            self.one_off()
            .filter(models.Q(ends_at__gt=now) | models.Q(starts_at__gte=now))
            .order_by("starts_at", "pk")
        )

    def past(self, now: datetime | None = None) -> AwarenessDateQuerySet:
        """One-off entries that are over, latest first."""
        now = now or timezone.now()
        return (
            self.one_off().filter(ends_at__lte=now, starts_at__lt=now).order_by("-starts_at", "-pk")
        )

    def next_session(self, now: datetime | None = None) -> AwarenessDate | None:
        """The next good-practice session that has not ended (one query)."""
        return (
            self.upcoming(now)
            .filter(kind=AwarenessDateKind.SESSION)
            .select_related("topic")
            .first()
        )


class AwarenessDateForm(WagtailAdminModelForm):
    """Offers time zones by name and only the topics in the entry's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            names = recurrence.time_zone_names()
            self.fields["time_zone"].widget = forms.Select(
                choices=[("", "---------")] + [(name, name) for name in names]
            )
            if not self.instance.pk and not self.initial.get("time_zone"):
                self.initial["time_zone"] = default_time_zone()
        if "topic" in self.fields:
            locale_id = getattr(self.instance, "locale_id", None)
            if locale_id:
                self.fields["topic"].queryset = Topic.objects.filter(locale_id=locale_id)


class AwarenessDate(TranslatableMixin, models.Model):
    """One entry of the allyship calendar: a yearly date, a one-off event or a session."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=AwarenessDateKind.choices,
        default=AwarenessDateKind.YEARLY,
        help_text=_(
            "A date that comes round every year (e.g. International Women's Day), a one-off "
            "event, or a good-practice session: a one-off online meeting on a theme."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("The name people know it by, e.g. 'International Men's Day'."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "One to three sentences: what the date is about and how allies can use it. Shown "
            "on the calendar page and in calendar apps."
        ),
    )
    link = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("A page with more information, e.g. the organiser's website. Optional."),
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awareness_dates",
        help_text=_(
            "What the date is about; readers can filter the calendar by topic. A good-practice "
            "session needs one: it is the session's theme."
        ),
    )

    # Yearly dates
    month = models.PositiveSmallIntegerField(
        _("month"),
        null=True,
        blank=True,
        choices=MONTH_CHOICES,
        help_text=_("For a yearly date: the month it falls in."),
    )
    day = models.PositiveSmallIntegerField(
        _("day"),
        null=True,
        blank=True,
        help_text=_(
            "For a yearly date: the day of the month. 29 February is shown on 28 February in "
            "years without a 29th."
        ),
    )
    end_month = models.PositiveSmallIntegerField(
        _("end month"),
        null=True,
        blank=True,
        choices=MONTH_CHOICES,
        help_text=_(
            "For a yearly range such as 25 November to 10 December: the month of the last day. "
            "Leave empty for a single day."
        ),
    )
    end_day = models.PositiveSmallIntegerField(
        _("end day"),
        null=True,
        blank=True,
        help_text=_(
            "The last day of the range. An end earlier in the year than the start runs on into "
            "the next year, e.g. 20 December to 5 January."
        ),
    )

    # One-off events and sessions
    starts_on = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("For an event or session: the day it starts."),
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an all-day event."),
    )
    ends_on = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("The last day, for an event over several days. Leave empty for one day."),
    )
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_("When it finishes. Optional."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        help_text=_(
            "The time zone the times are in, e.g. Europe/London. Calendar apps show the event "
            "in each person's own time."
        ),
    )
    location = models.CharField(
        _("location"),
        max_length=255,
        blank=True,
        help_text=_("Where it takes place, e.g. 'Training room 2, Head office'. Optional."),
    )
    online_link = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        help_text=_("The address people use to join online. Required for a session."),
    )

    # Kept up to date on save, for listing and ordering in the database.
    starts_at = models.DateTimeField(_("starts at (UTC)"), null=True, editable=False)
    ends_at = models.DateTimeField(_("ends at (UTC)"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = AwarenessDateQuerySet.as_manager()

    base_form_class = AwarenessDateForm

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("topic", widget=forms.Select), FieldPanel("link")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("month"), FieldPanel("day")]),
                FieldRowPanel([FieldPanel("end_month"), FieldPanel("end_day")]),
            ],
            heading=_("Yearly date"),
            help_text=_("Fill these in when the kind is 'Every year on the same date'."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("ends_on"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("location"), FieldPanel("online_link")]),
            ],
            heading=_("Event or session"),
            help_text=_("Fill these in for a one-off event or a good-practice session."),
        ),
    ]

    translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("link"),
        TranslatableField("topic"),
        SynchronizedField("month"),
        SynchronizedField("day"),
        SynchronizedField("end_month"),
        SynchronizedField("end_day"),
        SynchronizedField("starts_on"),
        SynchronizedField("start_time"),
        SynchronizedField("ends_on"),
        SynchronizedField("end_time"),
        SynchronizedField("time_zone"),
        TranslatableField("location"),
        SynchronizedField("online_link"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("calendar entry")
        verbose_name_plural = _("calendar entries")
        ordering = ["month", "day", "starts_at", "title"]
        indexes = [models.Index(fields=["locale", "kind", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.is_yearly or self.starts_on is None:
            self.starts_at = self.ends_at = None
        else:
            times = self.event_times()
            self.starts_at, self.ends_at = times.start_utc, times.end_utc
        super().save(*args, **kwargs)

    @property
    def is_yearly(self) -> bool:
        return self.kind == AwarenessDateKind.YEARLY

    @property
    def is_session(self) -> bool:
        return self.kind == AwarenessDateKind.SESSION

    # Validation

    def clean(self) -> None:
        super().clean()
        if self.is_yearly:
            self.starts_on = self.start_time = self.ends_on = self.end_time = None
            errors = self._yearly_errors()
        else:
            self.month = self.day = self.end_month = self.end_day = None
            errors = self._event_errors()
        if errors:
            raise ValidationError(errors)

    def _yearly_errors(self) -> dict[str, str]:
        errors = {}
        if self.month is None:
            errors["month"] = _("Choose the month of the yearly date.")
        if self.day is None:
            errors["day"] = _("Give the day of the month, e.g. 8 for 8 March.")
        if not errors and not recurrence.is_valid_month_day(self.month, self.day):
            errors["day"] = _no_such_day(self.month, self.day)
        if (self.end_month is None) != (self.end_day is None):
            if self.end_month is None:
                errors["end_month"] = _(
                    "Choose the month of the last day too, or clear the end day."
                )
            else:
                errors["end_day"] = _("Give the last day too, or clear the end month.")
        elif self.end_month is not None and not recurrence.is_valid_month_day(
            self.end_month, self.end_day
        ):
            errors["end_day"] = _no_such_day(self.end_month, self.end_day)
        elif (self.end_month, self.end_day) == (self.month, self.day):
            self.end_month = self.end_day = None
        return errors

    def _event_errors(self) -> dict[str, str]:
        errors = {}
        if self.starts_on is None:
            errors["starts_on"] = _("Give the day the event starts.")
        if self.end_time is not None and self.start_time is None:
            errors["start_time"] = _("Give a start time too, or clear the end time.")
        zone = recurrence.get_time_zone(self.time_zone)
        if self.time_zone and zone is None:
            errors["time_zone"] = _(
                "“%(zone)s” is not a time zone we know. Choose one from the list, e.g. "
                "Europe/London."
            ) % {"zone": self.time_zone}
        elif zone is None and self.start_time is not None:
            errors["time_zone"] = _(
                "Choose the time zone the start and end times are in, e.g. Europe/London."
            )
        if self.kind == AwarenessDateKind.SESSION:
            if self.topic_id is None:
                errors["topic"] = _("A good-practice session needs a theme: choose a topic.")
            if not self.online_link:
                errors["online_link"] = _("Give the address people use to join the session.")
        if errors:
            return errors
        zone = zone or recurrence.get_time_zone(default_time_zone())
        for field, day, at in (
            ("start_time", self.starts_on, self.start_time),
            ("end_time", self.ends_on or self.starts_on, self.end_time),
        ):
            if at is not None and not recurrence.time_exists(day, at, zone):
                errors[field] = _(
                    "%(time)s does not exist in %(zone)s on %(date)s: the clocks go forward "
                    "that night. Choose a time an hour later."
                ) % {
                    "time": formats.time_format(at, "TIME_FORMAT"),
                    "zone": self.time_zone,
                    "date": formats.date_format(day, "DATE_FORMAT"),
                }
        if errors:
            return errors
        try:
            self.event_times()
        except recurrence.EndBeforeStartError:
            field = "ends_on" if self.ends_on and self.ends_on < self.starts_on else "end_time"
            errors[field] = _("The event ends before it starts. Check the end date and time.")
        except recurrence.MissingEndTimeError:
            errors["end_time"] = _(
                "The event ends on a later day: give the time it ends, or clear the end date."
            )
        return errors

    # Dates

    @admin.display(description=_("when"))
    def schedule(self) -> str:
        """When the entry happens, in the active language, e.g. '25 November – 10 December'."""
        if self.is_yearly:
            if not recurrence.is_valid_month_day(self.month, self.day):
                return ""
            occurrence = recurrence.yearly_occurrence(
                _LEAP_YEAR, self.month, self.day, self.end_month, self.end_day
            )
            return _date_range_label(occurrence.start, occurrence.end, with_year=False)
        if self.starts_on is None:
            return ""
        times = self.event_times()
        label = _date_range_label(times.first_day, times.last_day, with_year=True)
        time_label = _time_label(times, self.time_zone)
        return f"{label}, {time_label}" if time_label else label

    def event_times(self) -> recurrence.EventTimes:
        """Start and end of a one-off entry in its time zone (the host's for all-day ones)."""
        zone = recurrence.get_time_zone(self.time_zone or default_time_zone())
        return recurrence.event_times(
            self.starts_on, self.start_time, self.ends_on, self.end_time, zone
        )

    def occurrences(self, first: date, last: date) -> list[recurrence.Occurrence]:
        """The days this entry covers between ``first`` and ``last`` (local dates)."""
        if self.is_yearly:
            return recurrence.yearly_occurrences(
                self.month, self.day, self.end_month, self.end_day, first, last
            )
        times = self.event_times()
        occurrence = recurrence.Occurrence(times.first_day, times.last_day)
        return [occurrence] if occurrence.overlaps(first, last) else []

    # iCalendar

    def ics_uid(self) -> str:
        """Stable across requests and edits; one per entry and language."""
        return f"{self.translation_key}-{self.locale.language_code}@wagtail-allyship"

    def ics_entry(self, url: str = "") -> ical.IcsEntry:
        language = self.locale.language_code
        description = self.description
        if self.link:
            description = f"{description}\n\n{self.link}".strip()
        common = {
            "uid": self.ics_uid(),
            "title": self.title,
            "stamp": self.updated_at or timezone.now(),
            "description": description,
            "url": self.online_link or self.link or url,
            "location": self.location or self.online_link,
            "categories": (self.topic.name,) if self.topic_id else (),
            "language": language,
        }
        if self.is_yearly:
            first_year = (self.created_at or timezone.now()).year
            return ical.IcsEntry(
                **common,
                yearly=(self.month, self.day, self.end_month, self.end_day),
                first_year=first_year,
            )
        times = self.event_times()
        if times.all_day:
            return ical.IcsEntry(**common, start=times.first_day, end=times.last_day + _ONE_DAY)
        return ical.IcsEntry(
            **common,
            start=times.start,
            end=times.end,
            busy=self.is_session,
        )


_ONE_DAY = timedelta(days=1)

#: A leap year, so that 29 February can be printed.
_LEAP_YEAR = 2000


def _no_such_day(month: int, day: int) -> str:
    last = calendar_module.monthrange(_LEAP_YEAR, month)[1]
    return _("%(month)s has no day %(day)s. Choose a day from 1 to %(last)s.") % {
        "month": month_name(month),
        "day": day,
        "last": last,
    }


# The calendar page ------------------------------------------------------------------------


@dataclass
class CalendarItem:
    """One showing of an entry on the calendar page, with its dates ready to print."""

    entry: AwarenessDate
    start: date
    end: date
    when: str
    time: str = ""
    ongoing: bool = False
    download_url: str = ""


class CalendarFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        empty_label=_("All topics"),
        error_messages={
            "invalid_choice": _("There is no such topic. Choose one from the list."),
        },
    )

    def __init__(self, data, topics):
        super().__init__(data)
        self.fields["topic"].queryset = topics


def _date_range_label(start: date, end: date, with_year: bool) -> str:
    fmt = "DATE_FORMAT" if with_year else "MONTH_DAY_FORMAT"
    first = formats.date_format(start, fmt)
    if end == start:
        return first
    return _("%(start)s – %(end)s") % {"start": first, "end": formats.date_format(end, fmt)}


def _time_label(times: recurrence.EventTimes, zone_name: str) -> str:
    if times.all_day:
        return ""
    start = formats.time_format(times.start.timetz(), "TIME_FORMAT")
    if times.end == times.start:
        return _("%(start)s (%(zone)s)") % {"start": start, "zone": zone_name}
    end = formats.time_format(times.end.timetz(), "TIME_FORMAT")
    if times.end.date() != times.start.date():
        end = formats.date_format(times.end, "DATE_FORMAT") + " " + end
    return _("%(start)s – %(end)s (%(zone)s)") % {"start": start, "end": end, "zone": zone_name}


class CalendarPage(RoutablePageMixin, AllyshipPageMixin, Page):
    """Upcoming awareness dates, events and sessions by month, with iCalendar files."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A sentence or two above the calendar, e.g. how allies can use the dates."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/calendar/calendar_page.html"

    class Meta:
        verbose_name = _("calendar page")
        verbose_name_plural = _("calendar pages")

    # Data

    def entries(self) -> AwarenessDateQuerySet:
        """Every calendar entry in the page's language."""
        return AwarenessDate.objects.filter(locale_id=self.locale_id).select_related(
            "topic", "locale"
        )

    def topics(self):
        return Topic.objects.filter(locale_id=self.locale_id)

    def upcoming_items(
        self, topic: Topic | None = None, now: datetime | None = None
    ) -> list[tuple[date, list[CalendarItem]]]:
        """The next twelve months by month: yearly dates and one-off entries (two queries)."""
        now = now or timezone.now()
        today = timezone.localdate(now)
        first, last = recurrence.months_ahead(today, get_setting("CALENDAR_MONTHS"))
        entries = self.entries()
        if topic is not None:
            entries = entries.filter(topic=topic)
        last_instant = timezone.make_aware(datetime.combine(last + _ONE_DAY, time_of_day(0)))
        items = []
        for entry in entries.yearly():
            for occurrence in entry.occurrences(first, last):
                items.append(self._item(entry, occurrence.start, occurrence.end, today))
        for entry in entries.upcoming(now).filter(starts_at__lt=last_instant):
            times = entry.event_times()
            item = self._item(entry, times.first_day, times.last_day, today)
            item.time = _time_label(times, entry.time_zone)
            items.append(item)
        items.sort(key=lambda item: (item.start, item.end, item.time, item.entry.title))
        return recurrence.group_by_month(items, key=lambda item: max(item.start, today))

    def past_items(self, topic: Topic | None = None, now: datetime | None = None):
        """The latest one-off entries that are over, latest first (one query)."""
        entries = self.entries().past(now)
        if topic is not None:
            entries = entries.filter(topic=topic)
        items = []
        for entry in entries[: get_setting("CALENDAR_PAST_EVENTS")]:
            times = entry.event_times()
            item = CalendarItem(
                entry,
                times.first_day,
                times.last_day,
                when=_date_range_label(times.first_day, times.last_day, with_year=True),
            )
            items.append(item)
        return items

    def _item(self, entry: AwarenessDate, start: date, end: date, today: date) -> CalendarItem:
        return CalendarItem(
            entry,
            start,
            end,
            when=_date_range_label(start, end, with_year=start.year != today.year),
            ongoing=start < today <= end,
        )

    # URLs

    def feed_url(self, request=None) -> str:
        return self._subpage_url("ics_feed", request=request)

    def event_download_url(self, entry: AwarenessDate, request=None, base: str = "") -> str:
        return self._subpage_url("ics_event", [entry.translation_key], request, base)

    def _subpage_url(self, name, args=None, request=None, base: str = "") -> str:
        base = base or self.get_url(request=request) or ""
        return base.rstrip("/") + "/" + self.reverse_subpage(name, args=args)

    # Views

    @path("", name="index")
    def index_route(self, request, *args, **kwargs):
        response = self.render(request)
        if response.context_data["filter_form"].errors:
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CalendarFilterForm(request.GET or None, self.topics())
        topic = form.cleaned_data.get("topic") if form.is_valid() else None
        with translation.override(self.locale.language_code):
            months = self.upcoming_items(topic)
            past = self.past_items(topic)
            month_groups = [
                (formats.date_format(month, "YEAR_MONTH_FORMAT"), items) for month, items in months
            ]
        base = self.get_url(request=request) or ""
        for _month, items in months:
            for item in items:
                item.download_url = self.event_download_url(item.entry, base=base)
        for item in past:
            item.download_url = self.event_download_url(item.entry, base=base)
        context.update(
            {
                "filter_form": form,
                "topic": topic,
                "month_groups": month_groups,
                "past_items": past,
                "feed_url": self.feed_url(request) + (f"?topic={topic.pk}" if topic else ""),
            }
        )
        return context

    @path("ics/", name="ics_feed")
    def ics_feed(self, request):
        """Every entry in the page's language (or one topic's) as one calendar file."""
        form = CalendarFilterForm(request.GET or None, self.topics())
        if request.GET and not form.is_valid():
            return HttpResponse(
                form.errors["topic"][0], status=400, content_type="text/plain; charset=utf-8"
            )
        topic = form.cleaned_data.get("topic") if request.GET else None
        entries = self.entries()
        if topic is not None:
            entries = entries.filter(topic=topic)
        base = self.get_full_url(request=request) or ""
        body = ical.build_calendar(
            (entry.ics_entry(url=base) for entry in entries),
            name=self.title,
            language=self.locale.language_code,
        )
        return self._ics_response(body, f"{self.slug}.ics", inline=True)

    @path("event/<uuid:key>/ics/", name="ics_event")
    def ics_event(self, request, key):
        """One entry as a calendar file, to add to one's own calendar."""
        entry = self.entries().filter(translation_key=key).first()
        if entry is None:
            raise Http404("No such calendar entry")
        base = self.get_full_url(request=request) or ""
        body = ical.build_calendar([entry.ics_entry(url=base)], language=entry.locale.language_code)
        filename = f"{slugify(entry.title) or 'event'}.ics"
        return self._ics_response(body, filename, inline=False)

    @staticmethod
    def _ics_response(body: bytes, filename: str, inline: bool) -> HttpResponse:
        response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
        return response
