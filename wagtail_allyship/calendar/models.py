"""The allyship calendar: awareness dates, one-off events and good-practice sessions.

``AwarenessDate`` holds one entry of the calendar: a date that comes round every year (with an
optional end, for ranges such as the 16 days of activism), a one-off event, or a
good-practice session (a one-off online event on a theme). ``CalendarPage`` shows the next
twelve months and serves the iCalendar files. The date rules themselves live in
:mod:`wagtail_allyship.recurrence` and the file format in :mod:`wagtail_allyship.ical`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from wagtail_allyship.calendar import ical, recurrence, validation
from wagtail_allyship.topics.models import Topic


class AwarenessDateKind(models.TextChoices):
    YEARLY = "yearly", _("Every year on the same date")
    EVENT = "event", _("One-off event")
    SESSION = "session", _("Good-practice session")


ONE_OFF_KINDS = (AwarenessDateKind.EVENT, AwarenessDateKind.SESSION)


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
                self.initial["time_zone"] = validation.default_time_zone()
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
        choices=validation.MONTH_CHOICES,
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
        choices=validation.MONTH_CHOICES,
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
            errors = validation.yearly_errors(self)
        else:
            self.month = self.day = self.end_month = self.end_day = None
            errors = validation.event_errors(self)
        if errors:
            raise ValidationError(errors)

    # Dates

    @admin.display(description=_("when"))
    def schedule(self) -> str:
        """When the entry happens, in the active language, e.g. '25 November – 10 December'."""
        if self.is_yearly:
            if not recurrence.is_valid_month_day(self.month, self.day):
                return ""
            occurrence = recurrence.yearly_occurrence(
                validation.LEAP_YEAR, self.month, self.day, self.end_month, self.end_day
            )
            return date_range_label(occurrence.start, occurrence.end, with_year=False)
        if self.starts_on is None:
            return ""
        times = self.event_times()
        label = date_range_label(times.first_day, times.last_day, with_year=True)
        time_text = time_label(times, self.time_zone)
        return f"{label}, {time_text}" if time_text else label

    def event_times(self) -> recurrence.EventTimes:
        """Start and end of a one-off entry in its time zone (the host's for all-day ones)."""
        zone = recurrence.get_time_zone(self.time_zone or validation.default_time_zone())
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

    def ics_entry(self, url: str = "", joining_details: bool = True) -> ical.IcsEntry:
        """The entry for a calendar file; without the room and the online link when
        ``joining_details`` is false (an entry that people sign up for gives them only to
        those with a place)."""
        language = self.locale.language_code
        location, online_link = (self.location, self.online_link) if joining_details else ("", "")
        description = self.description
        if self.link:
            description = f"{description}\n\n{self.link}".strip()
        common = {
            "uid": self.ics_uid(),
            "title": self.title,
            "stamp": self.updated_at or timezone.now(),
            "description": description,
            "url": online_link or self.link or url,
            "location": location or online_link,
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


def date_range_label(start: date, end: date, with_year: bool) -> str:
    """'25 November – 10 December', with the year when ``with_year``."""
    fmt = "DATE_FORMAT" if with_year else "MONTH_DAY_FORMAT"
    first = formats.date_format(start, fmt)
    if end == start:
        return first
    return _("%(start)s – %(end)s") % {"start": first, "end": formats.date_format(end, fmt)}


def time_label(times: recurrence.EventTimes, zone_name: str) -> str:
    """'18:00 – 19:30 (Europe/London)'; empty for an all-day entry."""
    if times.all_day:
        return ""
    start = formats.time_format(times.start.timetz(), "TIME_FORMAT")
    if times.end == times.start:
        return _("%(start)s (%(zone)s)") % {"start": start, "zone": zone_name}
    end = formats.time_format(times.end.timetz(), "TIME_FORMAT")
    if times.end.date() != times.start.date():
        end = formats.date_format(times.end, "DATE_FORMAT") + " " + end
    return _("%(start)s – %(end)s (%(zone)s)") % {"start": start, "end": end, "zone": zone_name}
