"""My allyship: own data only, progress log, JSON download, deleting a pledge."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    UserFactory,
    in_days,
)
from wagtail_allyship.models import (
    Commitment,
    CommitmentStatus,
    CommitmentUpdate,
    Pledge,
    ReminderKind,
    SentReminder,
    Visibility,
)
from wagtail_allyship.pledges.models import current_programme_year

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


@pytest.fixture
def mine(db):
    PledgePageFactory(slug="pledge")
    return MyAllyshipPageFactory(slug="my-allyship")


@pytest.fixture
def ally(db):
    user = UserFactory(username="alex", first_name="Alex", last_name="Ally")
    AllyRegistrationFactory(user=user, unit=OrganisationUnitFactory(name="Essex Police"))
    return user


@pytest.fixture
def pledge(ally):
    pledge = PledgeFactory(user=ally, visibility=Visibility.PRIVATE)
    CommitmentFactory(pledge=pledge, position=1, text="Mentor a colleague")
    CommitmentFactory(pledge=pledge, position=2, text="Overdue one", deadline=in_days(-5))
    return pledge


@pytest.fixture
def ally_client(client, ally):
    client.force_login(ally)
    return client


@pytest.fixture
def stranger():
    """Another ally with a private pledge that nobody else may touch."""
    user = UserFactory(first_name="Sam", last_name="Stranger")
    AllyRegistrationFactory(user=user)
    pledge = PledgeFactory(user=user, visibility=Visibility.PRIVATE)
    CommitmentFactory(pledge=pledge, text="Stranger's secret commitment", kpi="Secret KPI")
    return pledge


#: Query budgets, whatever the amount of data: eight to serve any page (session, user, site,
#: locale, page and view restrictions), then the JSON download reads the registration,
#: pledges, commitments, progress, reminders and session sign-ups (one query each), and the
#: delete confirmation reads the pledge and finds the other pledge pages to link to. Feedback
#: adds what the user asked for, what was asked of him, and whom he blocked (three queries);
#: ally circles the circles he is in and the requests he made (two); photos with the pledge
#: sign one more; newsletters the programme updates and digests sent to him (one).
QUERIES_FOR_MY_DATA = 21
#: The delete page, like every programme page, also reads its breadcrumbs and sections (one).
QUERIES_FOR_DELETE_PAGE = 12


def add_history(ally, pledge) -> None:
    """Years of pledges with progress and reminders for ``ally``, and other allies' pledges.

    ``pledge`` gets a third commitment and fifteen more progress steps; five earlier pledges
    with three commitments, three steps and a reminder each are added.
    """
    CommitmentFactory(pledge=pledge, position=3)
    for commitment in pledge.commitments.all():
        CommitmentUpdateFactory.create_batch(5, commitment=commitment)
    for year in range(1, 6):
        earlier = PledgeFactory(user=ally, programme_year=current_programme_year() - year)
        for position in (1, 2, 3):
            commitment = CommitmentFactory(pledge=earlier, position=position)
            CommitmentUpdateFactory.create_batch(3, commitment=commitment)
            SentReminder.objects.create(
                user=ally,
                commitment=commitment,
                kind=ReminderKind.OVERDUE,
                for_date=commitment.deadline,
            )
    for _number in range(5):
        other = AllyRegistrationFactory().user
        CommitmentUpdateFactory(commitment=CommitmentFactory(pledge=PledgeFactory(user=other)))


class TestOverview:
    def test_shows_own_registration_pledge_and_overdue(self, ally_client, mine, pledge, stranger):
        response = ally_client.get(mine.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Essex Police" in html and "Police constable" in html
        assert "Mentor a colleague" in html
        assert [c.text for c in response.context["overdue"]] == ["Overdue one"]
        assert "Past their deadline" in html
        assert "Stranger" not in html and "Secret KPI" not in html
        assert (
            response["Cache-Control"].count("no-store") or "no-cache" in response["Cache-Control"]
        )

    def test_done_and_carried_over_commitments_are_not_overdue(self, ally_client, mine, ally):
        last_year = PledgeFactory(user=ally, programme_year=current_programme_year() - 1)
        done = CommitmentFactory(pledge=last_year, position=1, deadline=in_days(-40))
        done.status = CommitmentStatus.DONE
        done.save()
        carried = CommitmentFactory(pledge=last_year, position=2, deadline=in_days(-40))
        this_year = PledgeFactory(user=ally)
        CommitmentFactory(pledge=this_year, carried_over_from=carried)
        response = ally_client.get(mine.url)
        assert response.context["overdue"] == []
        assert "Earlier pledges" in response.content.decode()

    def test_not_yet_an_ally(self, client, mine):
        client.force_login(UserFactory())
        html = client.get(mine.url).content.decode()
        assert "You have not signed up as an ally yet." in html

    def test_anonymous_visitors_are_sent_to_log_in(self, client, mine, pledge):
        commitment = pledge.commitments.first()
        for path in (
            mine.url,
            mine.url + "my-data/",
            f"{mine.url}pledges/{pledge.pk}/delete/",
            f"{mine.url}commitments/{commitment.pk}/progress/",
        ):
            response = client.get(path)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_queries_do_not_grow(
        self, ally_client, ally, mine, pledge, django_assert_max_num_queries
    ):
        def measure() -> int:
            ally_client.get(mine.url)
            with django_assert_max_num_queries(20) as captured:
                assert ally_client.get(mine.url).status_code == 200
            return len(captured)

        few = measure()
        for year in range(1, 6):
            earlier = PledgeFactory(user=ally, programme_year=current_programme_year() - year)
            for position in (1, 2, 3):
                commitment = CommitmentFactory(pledge=earlier, position=position)
                CommitmentUpdateFactory.create_batch(3, commitment=commitment)
        for commitment in pledge.commitments.all():
            CommitmentUpdateFactory.create_batch(4, commitment=commitment)
        PledgeFactory.create_batch(10, commitments=3)
        assert measure() == few


class TestDownload:
    def test_json_holds_own_data_only(self, ally_client, ally, mine, pledge, stranger):
        commitment = pledge.commitments.get(position=1)
        CommitmentUpdateFactory(commitment=commitment, note="Met twice")
        SentReminder.objects.create(
            user=ally, commitment=commitment, kind=ReminderKind.DUE_SOON, for_date=in_days(3)
        )
        response = ally_client.get(mine.url + "my-data/", {"user": stranger.user.pk})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert "attachment" in response["Content-Disposition"]
        data = json.loads(response.content)
        assert data["user"]["username"] == "alex"
        assert data["registration"]["unit"] == "Essex Police"
        [exported] = data["pledges"]
        assert exported["visibility"] == "private"
        texts = [c["commitment"] for c in exported["commitments"]]
        assert texts == ["Mentor a colleague", "Overdue one"]
        assert exported["commitments"][0]["progress"][0]["note"] == "Met twice"
        assert exported["commitments"][0]["action_plan"]["how"]
        assert data["reminders_sent"][0]["kind"] == "due_soon"
        assert "Stranger" not in response.content.decode()

    def test_csv_holds_the_same_own_data_one_value_a_row(
        self, ally_client, ally, mine, pledge, stranger
    ):
        import csv
        import io

        commitment = pledge.commitments.get(position=1)
        CommitmentUpdateFactory(commitment=commitment, note="=HYPERLINK(1)")
        response = ally_client.get(mine.url + "my-data/csv/", {"user": stranger.user.pk})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert 'filename="my-allyship-data.csv"' in response["Content-Disposition"]
        assert "private" in response["Cache-Control"]
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        rows = dict(list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:])
        assert rows["user.username"] == "alex"
        assert rows["registration.unit"] == "Essex Police"
        assert rows["registration.consent_to_contact"] in ("Yes", "No")
        assert rows["pledges.1.commitments.1.commitment"] == "Mentor a colleague"
        # Free text never runs as a formula in a spreadsheet.
        assert rows["pledges.1.commitments.1.progress.1.note"] == "'=HYPERLINK(1)"
        assert "Stranger" not in text

    def test_csv_needs_a_login(self, client, mine):
        response = client.get(mine.url + "my-data/csv/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_my_allyship_offers_both_files(self, ally_client, mine, pledge):
        html = ally_client.get(mine.url).content.decode()
        assert f'href="{mine.url}my-data/csv/"' in html and f'href="{mine.url}my-data/"' in html

    def test_json_for_someone_who_never_joined(self, client, mine):
        client.force_login(UserFactory())
        data = json.loads(client.get(mine.url + "my-data/").content)
        assert data["registration"] is None and data["pledges"] == []

    def test_queries_do_not_grow(
        self, ally_client, ally, mine, pledge, stranger, django_assert_max_num_queries
    ):
        """One more pledge, commitment, progress step or reminder costs no query."""
        url = mine.url + "my-data/"

        def measure() -> tuple[int, dict]:
            ally_client.get(url)
            with django_assert_max_num_queries(QUERIES_FOR_MY_DATA) as captured:
                response = ally_client.get(url)
            assert response.status_code == 200
            return len(captured), json.loads(response.content)

        commitment = pledge.commitments.get(position=1)
        CommitmentUpdateFactory(commitment=commitment)
        SentReminder.objects.create(
            user=ally, commitment=commitment, kind=ReminderKind.DUE_SOON, for_date=in_days(3)
        )
        few, data = measure()
        assert len(data["pledges"]) == 1 and len(data["reminders_sent"]) == 1
        add_history(ally, pledge)
        many, data = measure()
        assert len(data["pledges"]) == 6 and len(data["reminders_sent"]) == 16
        steps = [step for p in data["pledges"] for c in p["commitments"] for step in c["progress"]]
        assert len(steps) == 1 + 15 + 45
        assert many == few


class TestDeletePledge:
    def test_confirm_then_delete(self, ally_client, ally, mine, pledge):
        url = f"{mine.url}pledges/{pledge.pk}/delete/"
        response = ally_client.get(url)
        assert response.status_code == 200
        assert "cannot be undone" in response.content.decode()
        assert Pledge.objects.filter(pk=pledge.pk).exists()
        response = ally_client.post(url)
        assert response.status_code == 302 and response["Location"] == mine.url
        assert not Pledge.objects.filter(pk=pledge.pk).exists()
        assert not Commitment.objects.filter(pledge_id=pledge.pk).exists()
        assert ally.ally_registration is not None

    def test_another_allys_pledge_cannot_be_deleted(self, ally_client, mine, stranger):
        url = f"{mine.url}pledges/{stranger.pk}/delete/"
        assert ally_client.get(url).status_code == 404
        assert ally_client.post(url).status_code == 404
        assert Pledge.objects.filter(pk=stranger.pk).exists()

    def test_a_new_pledge_can_be_made_after_deleting(self, ally_client, ally, mine, pledge):
        ally_client.post(f"{mine.url}pledges/{pledge.pk}/delete/")
        PledgeFactory(user=ally)

    def test_confirmation_queries_do_not_grow(
        self, ally_client, ally, mine, pledge, stranger, django_assert_max_num_queries
    ):
        """Asking to delete a pledge costs the same however much the ally has logged."""
        url = f"{mine.url}pledges/{pledge.pk}/delete/"

        def measure() -> int:
            ally_client.get(url)
            with django_assert_max_num_queries(QUERIES_FOR_DELETE_PAGE) as captured:
                response = ally_client.get(url)
            assert response.status_code == 200
            assert "cannot be undone" in response.content.decode()
            return len(captured)

        few = measure()
        add_history(ally, pledge)
        assert measure() == few
        assert Pledge.objects.filter(pk=pledge.pk).exists()


class TestProgress:
    def url(self, mine, commitment):
        return f"{mine.url}commitments/{commitment.pk}/progress/"

    def test_log_progress_keeps_the_history(self, ally_client, mine, pledge):
        commitment = pledge.commitments.get(position=1)
        url = self.url(mine, commitment)
        assert ally_client.get(url).status_code == 200
        today = timezone.localdate()
        response = ally_client.post(
            url,
            {"status": "in_progress", "note": "First meeting", "date": today.isoformat()},
        )
        assert response.status_code == 302
        response = ally_client.post(url, {"status": "done", "note": "", "date": today.isoformat()})
        assert response.status_code == 302
        commitment.refresh_from_db()
        assert commitment.status == CommitmentStatus.DONE
        assert [u.status for u in commitment.updates.all()] == ["done", "in_progress"]
        html = ally_client.get(url).content.decode()
        assert "First meeting" in html and "Progress so far" in html

    def test_no_hidden_copy_of_the_date_carries_aria_attributes(self, ally_client, mine, pledge):
        """HTML forbids aria-* on hidden inputs; the form has no hidden copy of the date."""
        html = ally_client.get(self.url(mine, pledge.commitments.get(position=1))).content
        assert b'name="initial-date"' not in html
        assert re.search(rb'<input type="hidden"[^>]*aria-', html) is None

    def test_an_earlier_update_does_not_override_the_latest(self, ally_client, mine, pledge):
        commitment = pledge.commitments.get(position=1)
        today = timezone.localdate()
        ally_client.post(
            self.url(mine, commitment),
            {"status": "in_progress", "note": "Now", "date": today.isoformat()},
        )
        pledge.created_at = timezone.now() - datetime.timedelta(days=30)
        pledge.save()
        ally_client.post(
            self.url(mine, commitment),
            {"status": "dropped", "note": "Catching up", "date": in_days(-7).isoformat()},
        )
        commitment.refresh_from_db()
        assert commitment.status == CommitmentStatus.IN_PROGRESS
        assert commitment.updates.count() == 2

    @pytest.mark.parametrize(
        "data, message",
        [
            ({"status": "not_started", "note": "", "date": "today"}, "Enter the date as a date"),
            ({"status": "in_progress", "note": "x", "date": ""}, "Give the date it happened."),
            ({"status": "not_started", "note": ""}, "Write a note on what happened"),
            ({"status": "", "note": "x"}, "Choose where the commitment stands."),
            ({"status": "nonsense", "note": "x"}, "Select a valid choice"),
            ({"status": "done", "note": "x", "date": "future"}, "That day is still to come"),
            ({"status": "done", "note": "x", "date": "past"}, "before you made this pledge"),
            ({"status": "done", "note": "x" * 2001}, "2000 characters or fewer"),
        ],
        ids=[
            "bad date",
            "no date",
            "no change",
            "no status",
            "bad status",
            "future",
            "past",
            "note too long",
        ],
    )
    def test_invalid_progress_saves_nothing(self, ally_client, mine, pledge, data, message):
        commitment = pledge.commitments.get(position=1)
        dates = {"future": in_days(1), "past": in_days(-400)}
        data = {"date": timezone.localdate().isoformat(), **data}
        if data["date"] in dates:
            data["date"] = dates[data["date"]].isoformat()
        response = ally_client.post(self.url(mine, commitment), data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not CommitmentUpdate.objects.exists()
        commitment.refresh_from_db()
        assert commitment.status == CommitmentStatus.NOT_STARTED

    def test_another_allys_commitment_is_a_404(self, ally_client, mine, stranger):
        commitment = stranger.commitments.get()
        url = self.url(mine, commitment)
        assert ally_client.get(url).status_code == 404
        today = timezone.localdate().isoformat()
        response = ally_client.post(url, {"status": "done", "note": "Hi", "date": today})
        assert response.status_code == 404
        assert not CommitmentUpdate.objects.exists()

    def test_queries_do_not_grow(self, ally_client, mine, pledge, django_assert_max_num_queries):
        commitment = pledge.commitments.get(position=1)
        url = self.url(mine, commitment)

        def measure() -> int:
            ally_client.get(url)
            with django_assert_max_num_queries(20) as captured:
                assert ally_client.get(url).status_code == 200
            return len(captured)

        CommitmentUpdateFactory(commitment=commitment)
        few = measure()
        CommitmentUpdateFactory.create_batch(30, commitment=commitment)
        assert measure() == few


def test_owner_only_sees_the_own_pledge_when_published(client, mine, pledge):
    """A published pledge is still edited and logged only by its owner."""
    pledge.visibility = Visibility.PUBLISHED
    pledge.save()
    other = UserFactory()
    client.force_login(other)
    commitment = pledge.commitments.first()
    assert client.get(f"{mine.url}commitments/{commitment.pk}/progress/").status_code == 404
    assert client.post(f"{mine.url}pledges/{pledge.pk}/delete/").status_code == 404
