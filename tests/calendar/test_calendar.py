"""The allyship calendar: entries and their validation, the admin, the page and the .ics files."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import formats, timezone, translation
from icalendar import Calendar
from wagtail.models import Page

from tests.factories import (
    AwarenessDateFactory,
    CalendarPageFactory,
    EventFactory,
    SessionFactory,
    TopicFactory,
    UserFactory,
)
from wagtail_allyship.models import AwarenessDate, AwarenessDateKind, CalendarPage, Topic
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language():
    """Requests for French or Arabic pages leave that language active in the thread; the next
    test starts in the default language again."""
    yield
    translation.deactivate()


@pytest.fixture
def home():
    return Page.objects.get(depth=2)


@pytest.fixture
def client(client, staff_user):
    """A logged-in member of staff: the example intranet needs a login for every page."""
    client.force_login(staff_user)
    return client


def translated(page, locale):
    """A published copy of ``page`` (and of its parents) in ``locale``."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def calendar_page(home):
    return CalendarPageFactory(parent=home, slug="calendar")


def snippet_url(name, *args):
    return reverse(f"wagtailsnippets_wagtail_allyship_awarenessdate:{name}", args=args)


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def parse(response) -> Calendar:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_summary(cal: Calendar) -> dict:
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


class TestValidation:
    def errors(self, entry) -> dict:
        with pytest.raises(ValidationError) as caught:
            entry.full_clean()
        return caught.value.message_dict

    def test_31_february_is_refused_naming_the_field(self):
        entry = AwarenessDateFactory.build(month=2, day=31)
        assert "February has no day 31" in self.errors(entry)["day"][0]

    def test_29_february_is_accepted(self):
        AwarenessDateFactory.build(month=2, day=29).full_clean()

    def test_end_day_of_a_range_is_checked_too(self):
        entry = AwarenessDateFactory.build(month=4, day=1, end_month=4, end_day=31)
        assert "April has no day 31" in self.errors(entry)["end_day"][0]

    def test_half_an_end_is_refused(self):
        assert "end_day" in self.errors(AwarenessDateFactory.build(end_month=3))
        assert "end_month" in self.errors(AwarenessDateFactory.build(end_day=3))

    def test_missing_month_and_day(self):
        errors = self.errors(AwarenessDateFactory.build(month=None, day=None))
        assert {"month", "day"} <= set(errors)

    def test_range_crossing_the_year_end_is_accepted(self):
        AwarenessDateFactory.build(month=12, day=20, end_month=1, end_day=5).full_clean()

    def test_event_ending_before_it_starts(self):
        entry = EventFactory.build(starts_on=date(2026, 5, 2), ends_on=date(2026, 5, 1))
        assert "ends before it starts" in self.errors(entry)["ends_on"][0]
        entry = EventFactory.build(start_time=time(14), end_time=time(13))
        assert "ends before it starts" in self.errors(entry)["end_time"][0]

    def test_missing_time_zone(self):
        entry = EventFactory.build(time_zone="")
        assert "time zone" in self.errors(entry)["time_zone"][0]

    def test_all_day_event_needs_no_time_zone(self):
        EventFactory.build(time_zone="", start_time=None, end_time=None).full_clean()

    def test_unknown_time_zone(self):
        entry = EventFactory.build(time_zone="Europe/Atlantis")
        assert "Europe/Atlantis" in self.errors(entry)["time_zone"][0]

    def test_time_skipped_by_the_clocks(self):
        entry = EventFactory.build(starts_on=date(2026, 3, 29), start_time=time(1, 30))
        assert "clocks go forward" in self.errors(entry)["start_time"][0]

    def test_later_end_day_needs_an_end_time(self):
        entry = EventFactory.build(ends_on=in_days(15), end_time=None)
        assert "end_time" in self.errors(entry)

    def test_missing_start(self):
        assert "starts_on" in self.errors(EventFactory.build(starts_on=None))

    def test_session_needs_a_theme_and_a_link(self):
        entry = SessionFactory.build(topic=None, online_link="")
        errors = self.errors(entry)
        assert "topic" in errors and "online_link" in errors

    def test_fields_of_the_other_kind_are_cleared(self):
        entry = EventFactory.build(month=3, day=8)
        entry.full_clean()
        assert entry.month is None and entry.day is None

    def test_messages_are_translated(self):
        entry = AwarenessDateFactory.build(month=2, day=31)
        with translation.override("fr"):
            message = self.errors(entry)["day"][0]
        assert "February" not in message and "31" in message

    def test_utc_instants_are_stored(self):
        entry = EventFactory(starts_on=date(2026, 7, 1), start_time=time(18), end_time=time(19))
        assert entry.starts_at == datetime(2026, 7, 1, 17, tzinfo=UTC)
        assert entry.ends_at == datetime(2026, 7, 1, 18, tzinfo=UTC)
        yearly = AwarenessDateFactory()
        assert yearly.starts_at is None


class TestAdmin:
    def form_data(self, **values):
        data = {
            "kind": AwarenessDateKind.YEARLY,
            "title": "International Women's Day",
            "description": "",
            "link": "",
            "topic": "",
            "month": "3",
            "day": "8",
            "end_month": "",
            "end_day": "",
            "starts_on": "",
            "start_time": "",
            "ends_on": "",
            "end_time": "",
            "time_zone": "",
            "location": "",
            "online_link": "",
        }
        data.update(values)
        return data

    def test_create_a_yearly_date(self, admin_client):
        assert admin_client.get(snippet_url("add")).status_code == 200
        response = admin_client.post(snippet_url("add"), self.form_data())
        assert response.status_code == 302
        entry = AwarenessDate.objects.get()
        assert (entry.month, entry.day) == (3, 8)

    def test_create_a_session(self, admin_client):
        topic = TopicFactory(name="Mentoring")
        response = admin_client.post(
            snippet_url("add"),
            self.form_data(
                kind=AwarenessDateKind.SESSION,
                title="Mentoring that works",
                topic=str(topic.pk),
                starts_on="2030-04-02",
                start_time="12:30",
                end_time="13:30",
                time_zone="Europe/London",
                online_link="https://meet.example.org/x",
            ),
        )
        assert response.status_code == 302, response.context["form"].errors
        session = AwarenessDate.objects.get()
        assert session.starts_at == datetime(2030, 4, 2, 11, 30, tzinfo=UTC)

    @pytest.mark.parametrize(
        ("values", "field"),
        [
            ({"month": "2", "day": "31"}, "day"),
            ({"month": "2", "day": "29", "end_month": "2", "end_day": "30"}, "end_day"),
            (
                {"kind": "event", "starts_on": "2030-02-31", "month": "", "day": ""},
                "starts_on",
            ),
            (
                {
                    "kind": "event",
                    "starts_on": "2030-05-02",
                    "ends_on": "2030-05-01",
                    "time_zone": "Europe/London",
                },
                "ends_on",
            ),
            ({"kind": "event", "starts_on": "2030-05-02", "start_time": "10:00"}, "time_zone"),
            ({"kind": "session", "starts_on": "2030-05-02"}, "topic"),
        ],
    )
    def test_bad_input_saves_nothing(self, admin_client, values, field):
        response = admin_client.post(snippet_url("add"), self.form_data(**values))
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert not AwarenessDate.objects.exists()

    def test_time_zone_is_offered_from_a_list_with_the_sites_zone_first_chosen(self, admin_client):
        html = admin_client.get(snippet_url("add")).content.decode()
        assert '<option value="Europe/London" selected>' in html
        assert '<option value="Asia/Tokyo">' in html

    def test_listing_search_and_inspect(self, admin_client):
        entry = AwarenessDateFactory(title="Human Rights Day", month=12, day=10)
        response = admin_client.get(snippet_url("list"))
        assert response.status_code == 200
        assert "Human Rights Day" in response.content.decode()
        response = admin_client.get(snippet_url("list"), {"q": "Rights"})
        assert [e.pk for e in response.context["object_list"]] == [entry.pk]
        response = admin_client.get(snippet_url("list"), {"kind": "event"})
        assert not list(response.context["object_list"])
        assert admin_client.get(snippet_url("inspect", entry.pk)).status_code == 200

    def test_admin_user_without_permission_is_refused(self, client):
        user = UserFactory(permissions=["wagtailadmin.access_admin"])
        entry = AwarenessDateFactory()
        client.force_login(user)
        assert client.get(snippet_url("list")).status_code in (302, 403)
        assert client.get(snippet_url("add")).status_code in (302, 403)
        assert client.post(snippet_url("delete", entry.pk)).status_code in (302, 403)
        assert AwarenessDate.objects.filter(pk=entry.pk).exists()

    def test_staff_without_admin_access_is_refused(self, client, staff_user):
        client.force_login(staff_user)
        assert client.get(snippet_url("list")).status_code in (302, 403)

    def test_editor_with_permissions_can_add(self, client):
        user = UserFactory(
            permissions=[
                "wagtailadmin.access_admin",
                "wagtail_allyship.add_awarenessdate",
                "wagtail_allyship.change_awarenessdate",
            ]
        )
        client.force_login(user)
        response = client.post(snippet_url("add"), self.form_data())
        assert response.status_code == 302
        assert AwarenessDate.objects.count() == 1

    def test_topics_need_their_own_permission(self, client):
        user = UserFactory(permissions=["wagtailadmin.access_admin"])
        client.force_login(user)
        topics_url = reverse("wagtailsnippets_wagtail_allyship_topic:list")
        assert client.get(topics_url).status_code in (302, 403)
        user = UserFactory(permissions=["wagtailadmin.access_admin", "wagtail_allyship.view_topic"])
        client.force_login(user)
        assert client.get(topics_url).status_code == 200


class TestCalendarPage:
    def test_next_twelve_months_by_month(self, admin_client, calendar_page):
        today = timezone.localdate()
        soon, later = in_days(20), in_days(200)
        AwarenessDateFactory(title="Soon day", month=soon.month, day=soon.day)
        AwarenessDateFactory(title="Later day", month=later.month, day=later.day)
        EventFactory(title="An event", starts_on=in_days(40))
        EventFactory(title="Too far ahead", starts_on=in_days(400))
        response = admin_client.get(calendar_page.url + "?months=12")
        assert response.status_code == 200
        html = response.content.decode()
        assert html.index("Soon day") < html.index("An event") < html.index("Later day")
        assert "Too far ahead" not in html
        months = response.context["month_groups"]
        assert 2 <= len(months) <= 12
        heading = formats.date_format(soon.replace(day=1), "YEAR_MONTH_FORMAT")
        assert months[0][0] == heading or today.month != soon.month
        assert html.count('class="allyship-month"') == len(months)

    def test_three_months_by_default_with_the_rest_a_click_away(self, admin_client, calendar_page):
        EventFactory(title="Next week", starts_on=in_days(7))
        EventFactory(title="Half a year ahead", starts_on=in_days(180))
        html = admin_client.get(calendar_page.url).content.decode()
        assert "Next week" in html and "Half a year ahead" not in html
        assert 'href="?months=12"' in html
        more = admin_client.get(calendar_page.url + "?months=12").content.decode()
        assert "Half a year ahead" in more and "?months=12" not in more

    def test_a_month_jump_list_links_each_month(self, admin_client, calendar_page):
        for days in (1, 35, 70):
            EventFactory(starts_on=in_days(days))
        response = admin_client.get(calendar_page.url + "?months=6")
        html = response.content.decode()
        jumps = html[
            html.index('class="allyship-month-jumps"') : html.index(
                "</nav>", html.index('class="allyship-month-jumps"')
            )
        ]
        for number in range(1, len(response.context["month_groups"]) + 1):
            assert f'href="#allyship-month-{number}"' in jumps
            assert f'id="allyship-month-{number}"' in html

    def test_an_unknown_range_is_refused_with_the_default_shown(self, admin_client, calendar_page):
        EventFactory(title="Next week", starts_on=in_days(7))
        response = admin_client.get(calendar_page.url + "?months=500")
        assert response.status_code == 400
        html = response.content.decode()
        assert "Choose how many months to show from the list." in html
        assert "Next week" in html

    def test_running_range_is_shown_as_now_on(self, admin_client, calendar_page):
        start, end = in_days(-3), in_days(3)
        AwarenessDateFactory(
            title="Running", month=start.month, day=start.day, end_month=end.month, end_day=end.day
        )
        html = admin_client.get(calendar_page.url).content.decode()
        assert "Running" in html and "now on" in html

    def test_past_events_below(self, admin_client, calendar_page):
        EventFactory(title="Conference last year", starts_on=in_days(-300))
        EventFactory(title="Session next week", starts_on=in_days(7))
        html = admin_client.get(calendar_page.url).content.decode()
        past = html.index("Past events")
        assert html.index("Session next week") < past < html.index("Conference last year")

    def test_topic_filter(self, admin_client, calendar_page):
        mentoring = TopicFactory(name="Mentoring")
        other = TopicFactory(name="Menopause")
        soon = in_days(10)
        AwarenessDateFactory(title="Mentoring day", month=soon.month, day=soon.day, topic=mentoring)
        AwarenessDateFactory(title="Menopause day", month=soon.month, day=soon.day, topic=other)
        response = admin_client.get(calendar_page.url, {"topic": mentoring.pk})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Mentoring day" in html and "Menopause day" not in html
        assert f"ics/?topic={mentoring.pk}" in html

    @pytest.mark.parametrize("value", ["abc", "999999", "1;DROP TABLE", "-1", "1.5", "9" * 30])
    def test_bad_topic_is_a_400_with_a_message(self, admin_client, calendar_page, value):
        response = admin_client.get(calendar_page.url, {"topic": value})
        assert response.status_code == 400
        assert response.context["filter_form"].errors["topic"]
        assert 'class="allyship-error" role="alert"' in response.content.decode()

    def test_a_nul_character_is_left_out_of_the_address(self, admin_client, calendar_page):
        """No database stores NUL: it is taken out before the page reads the filter."""
        response = admin_client.get(calendar_page.url, {"topic": "\x00"})
        assert response.status_code == 200
        assert not response.context["filter_form"].errors

    def test_topic_of_another_language_is_refused(self, admin_client, calendar_page, locales):
        french_topic = TopicFactory(locale=locales["fr"])
        response = admin_client.get(calendar_page.url, {"topic": french_topic.pk})
        assert response.status_code == 400

    def test_admin_preview(self, admin_client, calendar_page, settings):
        settings.WAGTAIL_ALLYSHIP = {"CALENDAR_MONTHS": 12}  # the dates are months ahead
        from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

        AwarenessDateFactory(title="Previewed day", month=3, day=8)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[calendar_page.pk])
        data = nested_form_data(
            {
                "title": "Calendar draft",
                "slug": "calendar",
                "introduction": rich_text("<p>Draft intro.</p>"),
                "comments": inline_formset([]),
            }
        )
        assert admin_client.post(url, data).json()["is_valid"]
        html = admin_client.get(url).content.decode()
        assert "Calendar draft" in html and "Previewed day" in html

    def test_unknown_parameters_are_ignored(self, admin_client, calendar_page):
        assert admin_client.get(calendar_page.url, {"page": "x", "utm": "1"}).status_code == 200

    def test_editor_text_is_escaped(self, admin_client, calendar_page):
        soon = in_days(5)
        AwarenessDateFactory(
            title="<script>alert(1)</script>", month=soon.month, day=soon.day, description="<b>"
        )
        html = admin_client.get(calendar_page.url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;" in html

    def test_page_language_and_date_format(self, admin_client, calendar_page, locales, settings):
        settings.WAGTAIL_ALLYSHIP = {"CALENDAR_MONTHS": 12}  # the dates are months ahead
        AwarenessDateFactory(title="Day", month=3, day=8)
        french_entry = AwarenessDateFactory(
            title="Journée internationale des droits des femmes",
            month=3,
            day=8,
            locale=locales["fr"],
        )
        french_page = translated(calendar_page, locales["fr"])
        response = admin_client.get(french_page.url)
        html = response.content.decode()
        assert french_entry.title in html and ">Day<" not in html
        assert "8 mars" in html
        march = [month for month, _items in response.context["month_groups"] if "mars" in month]
        assert len(march) == 1 and march[0].startswith("mars ")
        assert '<h2 id="allyship-month-' in html and f">{march[0].capitalize()}</h2>" in html

    def test_dates_in_arabic(self, admin_client, calendar_page, locales, settings):
        settings.WAGTAIL_ALLYSHIP = {"CALENDAR_MONTHS": 12}  # the dates are months ahead
        AwarenessDateFactory(title="يوم", month=3, day=8, locale=locales["ar"])
        arabic = translated(calendar_page, locales["ar"])
        html = admin_client.get(arabic.url).content.decode()
        assert "8 مارس" in html

    def test_queries_do_not_grow(self, client, calendar_page, django_assert_max_num_queries):
        topics = TopicFactory.create_batch(3)
        counts = []
        for size in (40, 400):
            add_entries(size - AwarenessDate.objects.count(), topics)
            client.get(calendar_page.url)  # warm the site's cached root paths
            with django_assert_max_num_queries(16) as captured:
                response = client.get(calendar_page.url)
            assert response.status_code == 200
            counts.append(len(captured))
        assert counts[0] == counts[1], counts


def add_entries(count: int, topics: list[Topic]) -> None:
    """``count`` entries: yearly dates, events and sessions, spread over the year."""
    for number in range(count):
        topic = topics[number % len(topics)]
        kind = number % 4
        if kind == 0:
            EventFactory(starts_on=in_days(number % 360 + 1), topic=topic)
        elif kind == 1:
            SessionFactory(starts_on=in_days(number % 300 - 150), topic=topic)
        else:
            day = in_days(number)
            AwarenessDateFactory(
                month=day.month, day=min(day.day, 28), topic=topic if kind == 2 else None
            )


class TestIcsFeed:
    def test_yearly_dates_and_events(self, client, calendar_page):
        AwarenessDateFactory(title="Women's day", month=3, day=8)
        AwarenessDateFactory(title="16 days", month=11, day=25, end_month=12, end_day=10)
        AwarenessDateFactory(title="Leap", month=2, day=29)
        EventFactory(
            title="Lunch talk",
            starts_on=date(2030, 7, 1),
            start_time=time(12, 30),
            end_time=time(13, 30),
            time_zone="Europe/London",
        )
        EventFactory(
            title="Conference",
            starts_on=date(2030, 3, 10),
            ends_on=date(2030, 3, 21),
            start_time=None,
            end_time=None,
        )
        cal = parse(client.get(calendar_page.url + "ics/"))
        assert str(cal["VERSION"]) == "2.0"
        assert str(cal["X-WR-CALNAME"]) == calendar_page.title
        events = events_by_summary(cal)
        assert set(events) == {"Women's day", "16 days", "Leap", "Lunch talk", "Conference"}

        womens_day = events["Women's day"]
        assert womens_day["RRULE"]["FREQ"] == ["YEARLY"]
        assert womens_day["DTSTART"].params.get("VALUE") == "DATE"
        start = womens_day["DTSTART"].dt
        assert (start.month, start.day) == (3, 8) and not isinstance(start, datetime)
        assert womens_day["DTEND"].dt - start == timedelta(days=1)
        assert isinstance(womens_day["DTSTAMP"].dt, datetime)
        assert womens_day["DTSTAMP"].dt.tzinfo is not None
        assert str(womens_day["TRANSP"]) == "TRANSPARENT"

        sixteen = events["16 days"]
        assert sixteen["DTEND"].dt - sixteen["DTSTART"].dt == timedelta(days=16)

        leap = events["Leap"]
        assert leap["RRULE"]["BYMONTH"] == [2] and leap["RRULE"]["BYMONTHDAY"] == [-1]

        talk = events["Lunch talk"]
        assert "RRULE" not in talk
        assert talk["DTSTART"].params["TZID"] == "Europe/London"
        assert talk["DTSTART"].dt.astimezone(UTC) == datetime(2030, 7, 1, 11, 30, tzinfo=UTC)
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]

        conference = events["Conference"]
        assert conference["DTSTART"].dt == date(2030, 3, 10)
        assert conference["DTEND"].dt == date(2030, 3, 22)

    def test_uids_and_body_are_stable_across_requests(self, client, calendar_page):
        entry = AwarenessDateFactory(title="Day")
        first = client.get(calendar_page.url + "ics/").content
        second = client.get(calendar_page.url + "ics/").content
        assert first == second
        uid = str(events_by_summary(Calendar.from_ical(first))["Day"]["UID"])
        assert str(entry.translation_key) in uid
        entry.description = "Changed"
        entry.save()
        third = events_by_summary(
            Calendar.from_ical(client.get(calendar_page.url + "ics/").content)
        )
        assert str(third["Day"]["UID"]) == uid

    def test_text_is_escaped(self, client, calendar_page):
        AwarenessDateFactory(
            title="Pay, equity; and \\ more",
            description="First line\nSecond line, with; marks",
            month=9,
            day=18,
        )
        response = client.get(calendar_page.url + "ics/")
        raw = response.content.decode()
        assert "SUMMARY;LANGUAGE=en:Pay\\, equity\\; and \\\\ more" in raw.replace("\r\n ", "")
        assert "First line\\nSecond line\\, with\\; marks" in raw.replace("\r\n ", "")
        assert "\r\n" in raw
        event = parse(response).walk("VEVENT")[0]
        assert str(event["SUMMARY"]) == "Pay, equity; and \\ more"
        assert str(event["DESCRIPTION"]) == "First line\nSecond line, with; marks"

    def test_one_feed_per_language(self, client, calendar_page, locales):
        english = AwarenessDateFactory(title="Human Rights Day", month=12, day=10)
        french = translate(english, locales["fr"], {"Human Rights Day": "Journée des droits"})
        french_page = translated(calendar_page, locales["fr"])
        english_events = events_by_summary(parse(client.get(calendar_page.url + "ics/")))
        french_cal = parse(client.get(french_page.url + "ics/"))
        french_events = events_by_summary(french_cal)
        assert set(english_events) == {"Human Rights Day"}
        assert set(french_events) == {"Journée des droits"}
        assert french_events["Journée des droits"]["SUMMARY"].params["LANGUAGE"] == "fr"
        assert str(french_events["Journée des droits"]["UID"]) != str(
            english_events["Human Rights Day"]["UID"]
        )
        assert french.translation_key == english.translation_key

    def test_topic_feed(self, client, calendar_page):
        topic = TopicFactory(name="Menopause")
        AwarenessDateFactory(title="On topic", topic=topic)
        AwarenessDateFactory(title="Off topic")
        events = events_by_summary(parse(client.get(calendar_page.url + f"ics/?topic={topic.pk}")))
        assert set(events) == {"On topic"}
        assert [str(c) for c in events["On topic"]["CATEGORIES"].cats] == ["Menopause"]
        response = client.get(calendar_page.url + "ics/?topic=nope")
        assert response.status_code == 400

    def test_single_event_download(self, client, calendar_page):
        session = SessionFactory(title="Good practice: mentoring")
        AwarenessDateFactory(title="Another")
        url = calendar_page.event_download_url(session)
        assert url.endswith(f"/event/{session.translation_key}/ics/")
        response = client.get(url)
        assert response["Content-Disposition"] == (
            'attachment; filename="good-practice-mentoring.ics"'
        )
        cal = parse(response)
        events = cal.walk("VEVENT")
        assert len(events) == 1
        assert str(events[0]["SUMMARY"]) == "Good practice: mentoring"
        assert str(events[0]["URL"]) == session.online_link
        assert str(events[0]["TRANSP"]) == "OPAQUE"

    def test_unknown_event_is_404(self, client, calendar_page):
        assert client.get(calendar_page.url + f"event/{uuid.uuid4()}/ics/").status_code == 404
        assert client.get(calendar_page.url + "event/not-a-uuid/ics/").status_code == 404

    def test_event_of_another_language_is_404(self, client, calendar_page, locales):
        french = AwarenessDateFactory(locale=locales["fr"])
        assert client.get(calendar_page.event_download_url(french)).status_code == 404

    def test_page_links_to_downloads(self, client, calendar_page):
        entry = EventFactory(title="Talk")
        html = client.get(calendar_page.url).content.decode()
        assert f'href="{calendar_page.url}event/{entry.translation_key}/ics/" download' in html
        assert f'href="{calendar_page.url}ics/"' in html

    def test_queries_do_not_grow(self, client, calendar_page, django_assert_max_num_queries):
        topics = TopicFactory.create_batch(3)
        counts = []
        for size in (40, 400):
            add_entries(size - AwarenessDate.objects.count(), topics)
            client.get(calendar_page.url + "ics/")
            with django_assert_max_num_queries(10) as captured:
                response = client.get(calendar_page.url + "ics/")
            assert len(parse(response).walk("VEVENT")) == size
            counts.append(len(captured))
        assert counts[0] == counts[1], counts


class TestNextSession:
    def render(self, template: str, page=None) -> str:
        request = RequestFactory().get("/")
        return Template("{% load allyship_calendar %}" + template).render(
            Context({"request": request, "page": page})
        )

    def test_next_session_box(self, calendar_page):
        SessionFactory(title="Past session", starts_on=in_days(-5))
        SessionFactory(title="Later session", starts_on=in_days(30))
        nearest = SessionFactory(title="Next session", starts_on=in_days(3))
        EventFactory(title="Not a session", starts_on=in_days(1))
        html = self.render("{% allyship_next_session %}")
        assert "Next session" in html
        assert "Later session" not in html and "Not a session" not in html
        assert nearest.online_link in html
        assert f"/event/{nearest.translation_key}/ics/" in html
        assert 'href="' + calendar_page.url + '"' in html

    def test_nothing_when_no_session_is_planned(self, calendar_page):
        SessionFactory(starts_on=in_days(-5))
        assert self.render("{% allyship_next_session %}").strip() == ""

    def test_in_the_pages_language(self, calendar_page, locales):
        SessionFactory(title="English session", starts_on=in_days(3))
        french_topic = TopicFactory(locale=locales["fr"])
        SessionFactory(
            title="Séance française", starts_on=in_days(4), locale=locales["fr"], topic=french_topic
        )
        french_page = translated(calendar_page, locales["fr"])
        assert "Séance française" in self.render("{% allyship_next_session %}", page=french_page)

    def test_as_variable(self):
        session = SessionFactory(starts_on=in_days(2))
        html = self.render("{% allyship_get_next_session as s %}{{ s.title }}|{{ s.topic.name }}")
        assert html == f"{session.title}|{session.topic.name}"


class TestStarter:
    def run(self, *args) -> str:
        from io import StringIO

        from django.core.management import call_command

        out = StringIO()
        call_command("allyship_starter", *args, stdout=out)
        return out.getvalue()

    def test_every_date_of_the_toolkit(self):
        from wagtail_allyship.starter.calendar import load_calendar_starter

        result = load_calendar_starter(Page.objects.get(depth=2).locale)
        yearly = {
            (entry.month, entry.day): entry
            for entry in result.dates
            if entry.kind == AwarenessDateKind.YEARLY
        }
        assert set(yearly) == {
            (1, 24),
            (2, 6),
            (2, 11),
            (3, 8),
            (4, 7),
            (4, 22),
            (4, 25),
            (5, 15),
            (5, 17),
            (6, 1),
            (6, 18),
            (8, 12),
            (8, 26),
            (9, 18),
            (9, 20),
            (10, 10),
            (10, 11),
            (11, 19),
            (11, 25),
            (12, 10),
            (12, 20),
        }
        sixteen_days = AwarenessDate.objects.get(title__startswith="16 Days")
        assert (sixteen_days.month, sixteen_days.day) == (11, 25)
        assert (sixteen_days.end_month, sixteen_days.end_day) == (12, 10)
        one_off = {
            (entry.starts_on, entry.ends_on)
            for entry in result.dates
            if entry.kind == AwarenessDateKind.EVENT
        }
        assert one_off == {
            (date(2025, 1, 20), date(2025, 1, 24)),
            (date(2025, 3, 10), date(2025, 3, 21)),
            (date(2024, 9, 10), None),
            (date(2024, 9, 24), None),
            (date(2024, 11, 11), None),
        }
        assert len(result.dates) == 27
        assert all(entry.topic_id and entry.description for entry in result.dates)
        for entry in result.dates:
            entry.full_clean()

    def test_command_loads_the_calendar_once(self):
        output = self.run("--publish")
        assert AwarenessDate.objects.count() == 27
        assert Topic.objects.count() >= 4
        page = CalendarPage.objects.get()
        assert page.live and page.get_parent().pk == Page.objects.get(depth=2).pk
        assert "created" in output
        entry = AwarenessDate.objects.get(month=3, day=8)
        entry.title = "Changed by an editor"
        entry.save()
        output = self.run("--publish")
        assert "0 created" in output
        assert AwarenessDate.objects.count() == 27 and CalendarPage.objects.count() == 1
        entry.refresh_from_db()
        assert entry.title == "Changed by an editor"

    def test_no_pages(self):
        self.run("--no-pages")
        assert AwarenessDate.objects.count() == 27
        assert not CalendarPage.objects.exists()

    def test_translated_language_adds_nothing(self, locales):
        from wagtail_allyship.starter.calendar import load_calendar_starter

        result = load_calendar_starter(locales["en"])
        for obj in [*result.topics, *result.dates]:
            translate(obj, locales["fr"], {})
        before = AwarenessDate.objects.count()
        load_calendar_starter(locales["fr"])
        assert AwarenessDate.objects.count() == before


class TestRfc5545:
    """The files read back with ``ical``, a strict parser independent of the library that wrote
    them (the one Home Assistant's calendar uses), and checked line by line against the RFC."""

    def strict(self, response):
        from ical.calendar_stream import IcsCalendarStream

        assert response.status_code == 200
        body = response.content
        lines = body.split(b"\r\n")
        assert lines[-1] == b"", "the file ends with CRLF"
        for line in lines[:-1]:
            # Lines are folded at 75 octets; a bare LF or CR would break every client.
            assert len(line) <= 75, line
            assert b"\n" not in line and b"\r" not in line
        return IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))

    def test_feed_is_strictly_valid_and_recurs_as_intended(self, client, calendar_page):
        AwarenessDateFactory(title="Leap", month=2, day=29, description="x" * 300)
        AwarenessDateFactory(title="16 days", month=11, day=25, end_month=12, end_day=10)
        AwarenessDateFactory(title="يوم المرأة العالمي; مع, فواصل \\ وخط مائل", month=3, day=8)
        EventFactory(
            title="Lunch talk",
            starts_on=date(2030, 7, 1),
            start_time=time(12, 30),
            end_time=time(13, 30),
            time_zone="America/New_York",
        )
        calendar = self.strict(client.get(calendar_page.url + "ics/"))
        events = {event.summary: event for event in calendar.events}
        assert len(events) == 4
        arabic = "يوم المرأة العالمي; مع, فواصل \\ وخط مائل"
        assert arabic in events

        def starts(title, first, last):
            occurrences = calendar.timeline.overlapping(first, last)
            return [event.dtstart for event in occurrences if event.summary == title]

        # 29 February falls on the last day of February in other years.
        assert starts("Leap", date(2031, 1, 1), date(2033, 1, 1)) == [
            date(2031, 2, 28),
            date(2032, 2, 29),
        ]
        sixteen = [
            event
            for event in calendar.timeline.overlapping(date(2031, 1, 1), date(2032, 1, 1))
            if event.summary == "16 days"
        ]
        assert [(event.dtstart, event.dtend) for event in sixteen] == [
            (date(2031, 11, 25), date(2031, 12, 11))
        ]
        talk = events["Lunch talk"]
        assert talk.dtstart.astimezone(UTC) == datetime(2030, 7, 1, 16, 30, tzinfo=UTC)
        assert talk.dtend - talk.dtstart == timedelta(hours=1)
        assert [tz.tz_id for tz in calendar.timezones] == ["America/New_York"]
        assert all(event.uid and event.dtstamp for event in calendar.events)

    def test_single_event_is_strictly_valid(self, client, calendar_page):
        session = SessionFactory(title="Good practice: mentoring, coaching; sponsorship")
        calendar = self.strict(client.get(calendar_page.event_download_url(session)))
        [event] = calendar.events
        assert event.summary == "Good practice: mentoring, coaching; sponsorship"
        assert event.uid and event.dtstamp and event.dtend > event.dtstart
