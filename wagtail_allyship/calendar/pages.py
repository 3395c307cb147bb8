"""The calendar page: upcoming awareness dates, events and sessions by month.

The page lists the entries of its language (see :mod:`wagtail_allyship.calendar.models`) for
the next months, filtered by topic, and links each to an iCalendar file; the files and the
feed are served by :mod:`wagtail_allyship.calendar.views`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as time_of_day

from django import forms
from django.utils import formats, timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from wagtail_allyship.calendar import recurrence
from wagtail_allyship.calendar.models import (
    AwarenessDate,
    AwarenessDateQuerySet,
    date_range_label,
    time_label,
)
from wagtail_allyship.conf import get_setting
from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.pages import AllyshipPageMixin, RoutedPageMixin
from wagtail_allyship.topics.models import Topic


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


#: How many months a visitor can ask the calendar for, besides the host's default.
MONTH_RANGES = (3, 6, 12)


def month_choices() -> list[tuple[int, str]]:
    """The ranges of the "months" menu: the default (``CALENDAR_MONTHS``) and longer ones."""
    default = get_setting("CALENDAR_MONTHS")
    ranges = sorted({default, *(months for months in MONTH_RANGES if months > default)})
    return [
        (
            months,
            ngettext("The next month", "The next %(count)d months", months) % {"count": months},
        )
        for months in ranges
    ]


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

    months = forms.TypedChoiceField(
        label=_("Show"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Choose how many months to show from the list."),
        },
    )

    def __init__(self, data, topics):
        super().__init__(data)
        self.fields["topic"].queryset = topics
        self.fields["months"].choices = month_choices()

    def chosen_months(self) -> int:
        """The range asked for, or the default one (also when the request names another)."""
        months = self.cleaned_data.get("months") if self.is_bound and self.is_valid() else None
        return months or get_setting("CALENDAR_MONTHS")


class CalendarPage(RoutedPageMixin, AllyshipPageMixin, Page):
    """Upcoming awareness dates, events and sessions by month, with iCalendar files."""

    #: The calendar's own routes and those of signing up for its sessions.
    subpage_urls = "wagtail_allyship.sessions.urls.calendar_page"

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
        self, topic: Topic | None = None, now: datetime | None = None, months: int | None = None
    ) -> list[tuple[date, list[CalendarItem]]]:
        """The coming months by month: yearly dates and one-off entries (two queries).

        ``months`` is how many, the current one included (``CALENDAR_MONTHS`` by default).
        """
        now = now or timezone.now()
        today = timezone.localdate(now)
        first, last = recurrence.months_ahead(today, months or get_setting("CALENDAR_MONTHS"))
        entries = self.entries()
        if topic is not None:
            entries = entries.filter(topic=topic)
        last_instant = timezone.make_aware(
            datetime.combine(last + timedelta(days=1), time_of_day(0))
        )
        items = []
        for entry in entries.yearly():
            for occurrence in entry.occurrences(first, last):
                items.append(self._item(entry, occurrence.start, occurrence.end, today))
        for entry in entries.upcoming(now).filter(starts_at__lt=last_instant):
            times = entry.event_times()
            item = self._item(entry, times.first_day, times.last_day, today)
            item.time = time_label(times, entry.time_zone)
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
                when=date_range_label(times.first_day, times.last_day, with_year=True),
            )
            items.append(item)
        return items

    def _item(self, entry: AwarenessDate, start: date, end: date, today: date) -> CalendarItem:
        return CalendarItem(
            entry,
            start,
            end,
            when=date_range_label(start, end, with_year=start.year != today.year),
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

    # Rendering

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CalendarFilterForm(request.GET or None, self.topics())
        topic = form.cleaned_data.get("topic") if form.is_valid() else None
        month_count = form.chosen_months()
        with translation.override(self.locale.language_code):
            months = self.upcoming_items(topic, months=month_count)
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
                "month_count": month_count,
                "more_months": longer_range_url(request, month_count),
                "month_groups": month_groups,
                "past_items": past,
                "feed_url": self.feed_url(request) + (f"?topic={topic.pk}" if topic else ""),
            }
        )
        return context


def longer_range_url(request, months: int) -> str:
    """The query string that shows the longest range, keeping the topic; "" at the longest."""
    longest = max(choice for choice, _label in month_choices())
    if months >= longest:
        return ""
    query = request.GET.copy()
    query["months"] = longest
    return "?" + urlencode(sorted(query.items()))
