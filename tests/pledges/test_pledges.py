"""Signing up and the pledge form: every validation rule, editing, renewing, double submits."""

from __future__ import annotations

import datetime
import threading
from unittest import mock

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import IntegrityError, OperationalError, connection, transaction
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from wagtail.models import Locale, Page

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgePageFactory,
    PledgeWallPageFactory,
    UserFactory,
    commitment_data,
    in_days,
    pledge_data,
)
from wagtail_allyship.models import (
    AllyRegistration,
    Commitment,
    CommitmentStatus,
    Pledge,
    RegistrationStatus,
    Visibility,
)
from wagtail_allyship.pledges import years
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.pledges.views import pledge as views
from wagtail_allyship.translations.translate import translate


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches each site's root paths; another module's sites must not leak in."""
    cache.clear()
    yield
    cache.clear()
    translation.deactivate()  # a request to /fr/ or /ar/ leaves its language active


@pytest.fixture
def page(db):
    return PledgePageFactory(slug="pledge")


@pytest.fixture
def unit(db):
    return OrganisationUnitFactory(name="Essex Police")


@pytest.fixture
def ally(db, unit):
    return AllyRegistrationFactory(
        user=UserFactory(username="alex", first_name="Alex", last_name="Ally"), unit=unit
    ).user


@pytest.fixture
def ally_client(client, ally):
    client.force_login(ally)
    return client


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


class TestProgrammeYear:
    """Plain functions: no database."""

    def test_calendar_year(self):
        assert years.programme_year(datetime.date(2026, 1, 1)) == 2026
        assert years.programme_year(datetime.date(2026, 12, 31)) == 2026
        assert years.year_label(2026) == "2026"
        assert years.year_end(2026) == datetime.date(2026, 12, 31)

    def test_year_starting_in_april(self):
        assert years.programme_year(datetime.date(2026, 3, 31), 4) == 2025
        assert years.programme_year(datetime.date(2026, 4, 1), 4) == 2026
        assert years.year_start(2025, 4) == datetime.date(2025, 4, 1)
        assert years.year_end(2025, 4) == datetime.date(2026, 3, 31)
        assert years.year_label(2025, 4) == "2025–26"
        assert years.year_label(2099, 9) == "2099–00"

    @pytest.mark.django_db
    def test_setting_decides_the_year(self):
        with override_settings(WAGTAIL_ALLYSHIP={"PROGRAMME_YEAR_START_MONTH": 9}):
            assert current_programme_year(datetime.date(2026, 8, 31)) == 2025
            assert current_programme_year(datetime.date(2026, 9, 1)) == 2026


@pytest.mark.django_db
class TestSignUp:
    def test_anonymous_visitors_are_sent_to_log_in(self, client, page):
        for path in (page.url, page.url + "sign-up/"):
            response = client.get(path)
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]

    def test_staff_member_is_sent_to_sign_up_first(self, client, page, staff_user):
        client.force_login(staff_user)
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"] == page.url + "sign-up/"

    def test_sign_up_form_lists_units_of_the_page_language(self, client, page, unit, locales):
        translate(unit, locales["fr"], {"Essex Police": "Police d'Essex"})
        client.force_login(UserFactory())
        response = client.get(page.url + "sign-up/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Essex Police" in html and "Police d&#x27;Essex" not in html
        assert "csrfmiddlewaretoken" in html
        assert 'for="id_role"' in html
        assert "id_status" not in html  # the status is for allies who already joined

    def test_signing_up_twice_updates_the_one_registration(self, client, page, unit):
        user = UserFactory()
        client.force_login(user)
        data = {"unit": unit.pk, "role": "Constable", "consent_to_contact": "on"}
        response = client.post(page.url + "sign-up/", data)
        assert response.status_code == 302 and response["Location"] == page.url
        other = OrganisationUnitFactory()
        response = client.post(page.url + "sign-up/", {**data, "unit": other.pk, "role": "PC"})
        assert response.status_code == 302
        registration = AllyRegistration.objects.get()
        assert (registration.user, registration.unit, registration.role) == (user, other, "PC")
        assert registration.consent_to_contact
        assert registration.status == RegistrationStatus.ACTIVE

    def test_bad_sign_up_saves_nothing(self, client, page, unit):
        client.force_login(UserFactory())
        response = client.post(page.url + "sign-up/", {"unit": "", "role": "  "})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Choose the unit you work in." in html
        assert "Tell us your role or rank." in html
        assert "allyship-error-summary" in html and 'href="#id_unit"' in html
        assert 'aria-invalid="true"' in html
        assert not AllyRegistration.objects.exists()

    def test_unit_of_another_language_is_refused(self, client, page, unit, locales):
        french = translate(unit, locales["fr"], {"Essex Police": "Police d'Essex"})
        client.force_login(UserFactory())
        response = client.post(page.url + "sign-up/", {"unit": french.pk, "role": "PC"})
        assert "Choose one of the units in the list." in response.content.decode()
        assert not AllyRegistration.objects.exists()

    def test_ally_can_pause(self, ally_client, ally, page, unit):
        response = ally_client.get(page.url + "sign-up/")
        assert "id_status_0" in response.content.decode()
        data = {"unit": unit.pk, "role": "PC", "status": "paused"}
        assert ally_client.post(page.url + "sign-up/", data).status_code == 302
        assert AllyRegistration.objects.get(user=ally).status == RegistrationStatus.PAUSED

    def test_concurrent_sign_ups_make_one_registration(self, page, unit):
        """Database constraint path: a racing insert ends in an update, never a second row."""
        user = UserFactory()
        AllyRegistration.objects.create(user=user, unit=unit, role="first")
        with pytest.raises(IntegrityError), transaction.atomic():
            AllyRegistration.objects.create(user=user, unit=unit, role="second")
        client = Client()
        client.force_login(user)
        response = client.post(page.url + "sign-up/", {"unit": unit.pk, "role": "third"})
        assert response.status_code == 302
        assert AllyRegistration.objects.get().role == "third"


@pytest.mark.django_db
class TestPledgeForm:
    def test_form_shows_three_boxes(self, ally_client, page):
        response = ally_client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert len(response.context["formset"].forms) == 3
        for number in (1, 2, 3):
            assert f'id="allyship-commitment-{number}"' in html
        assert "<legend>Action plan</legend>" in html
        assert 'type="date"' in html
        assert response["Cache-Control"].count("private")

    def test_three_commitments_are_saved(self, ally_client, ally, page):
        data = pledge_data(
            [
                commitment_data(),
                commitment_data(kind="organisational", text="Balance the interview panels"),
                commitment_data(text="Share the airtime in meetings", kpi_private="on"),
            ]
        )
        response = ally_client.post(page.url, data)
        assert response.status_code == 302
        assert response["Location"] == page.url + "saved/?saved=new"
        pledge = Pledge.objects.get(user=ally)
        assert pledge.programme_year == current_programme_year()
        assert pledge.is_published and pledge.published_consent_at is not None
        commitments = list(pledge.commitments.all())
        assert [c.position for c in commitments] == [1, 2, 3]
        assert commitments[1].kind == "organisational"
        assert commitments[2].kpi_private
        assert commitments[0].plan_how == "A meeting every month"

    def test_one_commitment_is_enough_and_blank_boxes_are_ignored(self, ally_client, ally, page):
        data = pledge_data([commitment_data(), {"kind": "personal"}], visibility="private")
        data.pop("consent")
        assert ally_client.post(page.url, data).status_code == 302
        pledge = Pledge.objects.get(user=ally)
        assert pledge.commitments.count() == 1
        assert pledge.visibility == Visibility.PRIVATE and pledge.published_consent_at is None

    @pytest.mark.parametrize(
        "data, message",
        [
            (pledge_data([]), "Make at least one commitment"),
            (pledge_data([{"kind": "personal"}] * 3), "Make at least one commitment"),
            (
                pledge_data([commitment_data()] * 4, total=4),
                "A pledge holds at most three commitments",
            ),
            (
                pledge_data([commitment_data(text="   ")]),
                "Write down what you commit to: the box is empty.",
            ),
            (
                pledge_data([commitment_data(deadline=in_days(-1).isoformat())]),
                "has passed. Choose today or a later day.",
            ),
            (
                pledge_data([commitment_data(deadline=in_days(400).isoformat())]),
                "The deadline is too far away.",
            ),
            (pledge_data([commitment_data(deadline="")]), "Give a deadline"),
            (pledge_data([commitment_data(deadline="next week")]), "Enter the deadline as a date"),
            (pledge_data([commitment_data(kpi="")]), "Say how you will measure this commitment"),
            (pledge_data([commitment_data()], consent=False), "To publish your pledge, tick"),
            (pledge_data([commitment_data(kind="")]), "Choose whether the commitment is"),
            (pledge_data([commitment_data(text="x" * 1001)]), "1000 characters or fewer"),
        ],
        ids=[
            "no commitment",
            "three blank boxes",
            "more than three",
            "empty text",
            "deadline in the past",
            "deadline beyond the horizon",
            "no deadline",
            "deadline not a date",
            "kpi missing",
            "published without consent",
            "no kind",
            "text too long",
        ],
    )
    def test_invalid_pledge_saves_nothing(self, ally_client, page, data, message):
        response = ally_client.post(page.url, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "Nothing has been saved yet." in html
        assert not Pledge.objects.exists()
        assert not Commitment.objects.exists()

    @pytest.mark.parametrize("problem", ["no commitment", "deadline in the past"])
    def test_errors_are_in_the_language_of_the_page(self, ally_client, page, locales, problem):
        """The French page answers in French, with the wording of the shipped catalogue."""
        french = translate(page, locales["fr"], {"Make your pledge": "Faites votre promesse"})
        assert french.url == "/fr/pledge/"
        if problem == "no commitment":
            data = pledge_data([])
            english = "Make at least one commitment"
            message = (
                "Prenez au moins un engagement\N{NO-BREAK SPACE}: remplissez le premier champ, "
                "avec son échéance."
            )
        else:
            passed = in_days(-1)
            data = pledge_data([commitment_data(deadline=passed.isoformat())])
            english = "has passed"
            with translation.override("fr"):
                day = date_format(passed)
            assert day != date_format(passed)  # e.g. "1 mars 2026", not "March 1, 2026"
            message = (
                f"L'échéance du {day} est passée. Choisissez aujourd'hui ou une date ultérieure."
            )
        response = ally_client.post(french.url, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert escape(message) in html
        assert "Il y a un problème. Rien n'a encore été enregistré." in html
        assert english not in html and "Nothing has been saved" not in html
        assert not Pledge.objects.exists()
        assert not Commitment.objects.exists()

    def test_error_summary_links_to_the_field(self, ally_client, page):
        data = pledge_data([commitment_data(), commitment_data(deadline=in_days(-3).isoformat())])
        html = ally_client.post(page.url, data).content.decode()
        assert 'href="#id_commitments-1-deadline"' in html
        assert "Commitment 2: Deadline" in html
        assert 'id="id_commitments-1-deadline_error"' in html

    @override_settings(WAGTAIL_ALLYSHIP={"PLEDGE_KPI_REQUIRED": False})
    def test_kpi_may_be_optional(self, ally_client, ally, page):
        response = ally_client.post(page.url, pledge_data([commitment_data(kpi="")]))
        assert response.status_code == 302
        assert Pledge.objects.get(user=ally).commitments.get().kpi == ""

    @override_settings(WAGTAIL_ALLYSHIP={"PLEDGE_DEADLINE_HORIZON_DAYS": 30})
    def test_horizon_is_a_setting(self, ally_client, page):
        data = pledge_data([commitment_data(deadline=in_days(31).isoformat())])
        assert "The deadline is too far away." in ally_client.post(page.url, data).content.decode()
        data = pledge_data([commitment_data(deadline=in_days(30).isoformat())])
        assert ally_client.post(page.url, data).status_code == 302

    def test_double_submit_saves_one_pledge(self, ally_client, ally, page):
        data = pledge_data([commitment_data(), commitment_data(text="Second")])
        first = ally_client.post(page.url, data)
        second = ally_client.post(page.url, data)
        assert first.status_code == second.status_code == 302
        assert Pledge.objects.filter(user=ally).count() == 1
        assert Commitment.objects.count() == 2
        assert "already been saved" in " ".join(messages_of(ally_client.get(page.url)))

    def test_racing_submit_hits_the_constraint_and_saves_nothing(
        self, ally_client, ally, page, monkeypatch
    ):
        """What the database does when two submits pass the check at the same moment."""
        real_save = views.save_pledge

        def racing_save(**kwargs):
            with transaction.atomic():
                Pledge.objects.create(user=ally, programme_year=kwargs["year"])
            return real_save(**kwargs)

        monkeypatch.setattr(views, "save_pledge", racing_save)
        response = ally_client.post(page.url, pledge_data([commitment_data()]))
        assert response.status_code == 302
        assert Pledge.objects.filter(user=ally).count() == 1
        assert not Commitment.objects.exists()  # the losing submit left nothing behind
        assert "already been saved" in " ".join(messages_of(ally_client.get(page.url)))

    def test_posts_need_the_csrf_token(self, ally, page):
        client = Client(enforce_csrf_checks=True)
        client.force_login(ally)
        assert client.post(page.url, pledge_data([commitment_data()])).status_code == 403
        assert client.post(page.url + "sign-up/", {"role": "x"}).status_code == 403
        assert not Pledge.objects.exists()

    def test_one_pledge_per_year_in_the_database(self, ally):
        PledgeFactory(user=ally)
        with pytest.raises(IntegrityError), transaction.atomic():
            PledgeFactory(user=ally)
        PledgeFactory(user=ally, programme_year=current_programme_year() - 1)

    def test_commitment_limit_in_the_database(self):
        pledge = PledgeFactory(commitments=3)
        with pytest.raises(IntegrityError), transaction.atomic():
            CommitmentFactory(pledge=pledge, position=4)
        with pytest.raises(IntegrityError), transaction.atomic():
            CommitmentFactory(pledge=pledge, position=2)


@pytest.mark.django_db
class TestEditing:
    @pytest.fixture
    def pledge(self, ally):
        pledge = PledgeFactory(user=ally, visibility=Visibility.PRIVATE, published_consent_at=None)
        CommitmentFactory(pledge=pledge, position=1, text="First")
        CommitmentFactory(pledge=pledge, position=2, text="Second", deadline=in_days(-10))
        return pledge

    def existing(self, pledge, **changes) -> list[dict]:
        rows = []
        for commitment in pledge.commitments.order_by("position"):
            rows.append(
                {
                    "id": str(commitment.pk),
                    **commitment_data(
                        text=commitment.text, deadline=commitment.deadline.isoformat()
                    ),
                    **changes.get(commitment.text, {}),
                }
            )
        return rows

    def test_edit_form_shows_the_pledge(self, ally_client, page, pledge):
        response = ally_client.get(page.url)
        html = response.content.decode()
        assert len(response.context["formset"].forms) == 3
        assert "First" in html and "Second" in html
        assert f'name="pledge_id" value="{pledge.pk}"' in html
        assert "Remove this commitment from the pledge" in html

    def test_edit_add_and_remove(self, ally_client, page, pledge):
        rows = self.existing(pledge, First={"DELETE": "on"}, Second={"kpi": "Changed KPI"})
        rows.append(commitment_data(text="Third"))
        data = pledge_data(rows, pledge_id=str(pledge.pk), initial=2, visibility="private")
        response = ally_client.post(page.url, data)
        assert response.status_code == 302, response.context and response.context["errors"]
        texts = {c.text: c for c in pledge.commitments.all()}
        assert set(texts) == {"Second", "Third"}
        assert texts["Second"].kpi == "Changed KPI"
        assert texts["Second"].position == 2 and texts["Third"].position == 1
        assert Pledge.objects.count() == 1

    def test_an_unchanged_passed_deadline_is_kept(self, ally_client, page, pledge):
        data = pledge_data(self.existing(pledge), pledge_id=str(pledge.pk), initial=2)
        assert ally_client.post(page.url, data).status_code == 302
        pledge.refresh_from_db()
        assert pledge.is_published

    def test_a_new_passed_deadline_is_refused(self, ally_client, page, pledge):
        rows = self.existing(pledge, First={"deadline": in_days(-1).isoformat()})
        data = pledge_data(rows, pledge_id=str(pledge.pk), initial=2, visibility="private")
        assert "has passed" in ally_client.post(page.url, data).content.decode()
        assert pledge.commitments.get(text="First").deadline == in_days(90)

    def test_removing_every_commitment_is_refused(self, ally_client, page, pledge):
        rows = self.existing(pledge, First={"DELETE": "on"}, Second={"DELETE": "on"})
        data = pledge_data(rows, pledge_id=str(pledge.pk), initial=2, visibility="private")
        assert "Make at least one commitment" in ally_client.post(page.url, data).content.decode()
        assert pledge.commitments.count() == 2

    def test_another_allys_commitment_cannot_be_edited(self, ally_client, page, pledge):
        other = CommitmentFactory(text="Not yours", pledge=PledgeFactory(visibility="private"))
        rows = self.existing(pledge)
        rows[0]["id"] = str(other.pk)
        rows[0]["text"] = "Hijacked"
        data = pledge_data(rows, pledge_id=str(pledge.pk), initial=2, visibility="private")
        response = ally_client.post(page.url, data)
        assert response.status_code == 200
        other.refresh_from_db()
        assert other.text == "Not yours"
        assert not Commitment.objects.filter(text="Hijacked").exists()

    def test_a_form_made_before_the_pledge_cannot_change_it(self, ally_client, page, pledge):
        data = pledge_data([commitment_data(text="Stale tab")], visibility="private")
        response = ally_client.post(page.url, data)
        assert response.status_code == 302
        assert not Commitment.objects.filter(text="Stale tab").exists()


@pytest.mark.django_db
class TestRenewing:
    @pytest.fixture
    def last_year(self, ally):
        pledge = PledgeFactory(user=ally, programme_year=current_programme_year() - 1)
        CommitmentFactory(pledge=pledge, position=1, text="Finished", status="done")
        CommitmentFactory(pledge=pledge, position=2, text="Half way", status="in_progress")
        CommitmentFactory(pledge=pledge, position=3, text="Not begun", deadline=in_days(-30))
        return pledge

    def test_unfinished_commitments_are_filled_in(self, ally_client, page, last_year):
        response = ally_client.get(page.url)
        forms = response.context["formset"].forms
        assert [form.initial.get("text") for form in forms] == ["Half way", "Not begun", None]
        html = response.content.decode()
        assert "Carried over from your last pledge" in html
        assert "Start with empty boxes instead" in html
        assert len(response.context["carried"]) == 2

    def test_renewal_links_the_commitments(self, ally_client, ally, page, last_year):
        old = {c.text: c for c in last_year.commitments.all()}
        rows = [
            {**commitment_data(text="Half way"), "carried_over_from": str(old["Half way"].pk)},
            {
                **commitment_data(text="Not begun"),
                "carried_over_from": str(old["Not begun"].pk),
                "DELETE": "on",
            },
            commitment_data(text="Brand new"),
        ]
        response = ally_client.post(page.url, pledge_data(rows))
        assert response.status_code == 302, response.context and response.context["errors"]
        pledge = Pledge.objects.get(user=ally, programme_year=current_programme_year())
        assert pledge.renewed_from == last_year
        new = {c.text: c for c in pledge.commitments.all()}
        assert set(new) == {"Half way", "Brand new"}
        assert new["Half way"].carried_over_from == old["Half way"]
        assert set(Commitment.objects.open().filter(pledge=last_year)) == {old["Not begun"]}

    def test_a_carried_commitment_needs_a_new_deadline_if_its_own_passed(
        self, ally_client, page, last_year
    ):
        old = last_year.commitments.get(text="Not begun")
        rows = [
            {
                **commitment_data(text="Not begun", deadline=old.deadline.isoformat()),
                "carried_over_from": str(old.pk),
            }
        ]
        response = ally_client.post(page.url, pledge_data(rows, total=1))
        assert "has passed" in response.content.decode()
        assert Pledge.objects.count() == 1

    def test_only_ones_own_commitments_can_be_carried(self, ally_client, page, last_year):
        stranger = CommitmentFactory(
            pledge=PledgeFactory(programme_year=current_programme_year() - 1)
        )
        rows = [{**commitment_data(), "carried_over_from": str(stranger.pk)}]
        response = ally_client.post(page.url + "?fresh=1", pledge_data(rows))
        assert "cannot be carried over" in response.content.decode()

    def test_fresh_start(self, ally_client, page, last_year):
        response = ally_client.get(page.url + "?fresh=1")
        assert all(not form.initial for form in response.context["formset"].forms)
        data = pledge_data([commitment_data(text="Only new")])
        assert ally_client.post(page.url + "?fresh=1", data).status_code == 302
        assert Pledge.objects.get(programme_year=current_programme_year()).renewed_from is None


@pytest.mark.django_db
class TestQueries:
    def test_pledge_page_queries_do_not_grow(
        self, ally_client, ally, page, django_assert_max_num_queries
    ):
        def measure(path):
            ally_client.get(path)
            with django_assert_max_num_queries(20) as captured:
                assert ally_client.get(path).status_code == 200
            return len(captured)

        PledgeFactory(user=ally, commitments=1)
        few = measure(page.url), measure(page.url + "sign-up/")
        for _n in range(15):
            OrganisationUnitFactory()
            PledgeFactory(commitments=3)
        Commitment.objects.filter(pledge__user=ally).update(status=CommitmentStatus.IN_PROGRESS)
        CommitmentFactory(pledge=Pledge.objects.get(user=ally), position=2)
        assert (measure(page.url), measure(page.url + "sign-up/")) == few


@pytest.mark.django_db
class TestSignUpRetriesADeadlock:
    """A deadlock between two first sign-ups rolls the loser back; its save tries again."""

    def save(self, user, outside_a_transaction: bool):
        from wagtail_allyship.pledges.forms import SignUpForm

        unit = OrganisationUnitFactory()
        form = SignUpForm({"unit": unit.pk, "role": "PC"}, locale_id=unit.locale_id)
        assert form.is_valid(), form.errors
        real = AllyRegistration.objects.update_or_create
        calls = []

        def deadlock_once(**kwargs):
            calls.append(kwargs)
            if len(calls) == 1:
                raise OperationalError(1213, "Deadlock found when trying to get lock")
            return real(**kwargs)

        database = mock.Mock(in_atomic_block=not outside_a_transaction)
        with (
            mock.patch.object(AllyRegistration.objects, "update_or_create", deadlock_once),
            mock.patch.object(transaction, "get_connection", return_value=database),
        ):
            return form.save(user=user), calls

    def test_tries_again_in_its_own_transaction(self):
        user = UserFactory()
        registration, calls = self.save(user, outside_a_transaction=True)
        assert len(calls) == 2
        assert AllyRegistration.objects.get(user=user) == registration

    def test_does_not_retry_inside_a_callers_transaction(self):
        with pytest.raises(OperationalError):
            self.save(UserFactory(), outside_a_transaction=False)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="real concurrent transactions need a database server (CI runs this test on "
    "PostgreSQL and MariaDB)",
)
class TestConcurrency:
    """Several submits at the same instant, each in its own connection and transaction."""

    def run_together(self, number: int, action) -> list:
        barrier = threading.Barrier(number)
        results: list = [None] * number

        def worker(index):
            try:
                barrier.wait(timeout=10)
                results[index] = action()
            except Exception as error:  # noqa: BLE001 (reported by the assertion below)
                results[index] = error
            finally:
                connection.close()

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(number)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return results

    def test_simultaneous_pledges_make_one(self):
        page = PledgePageFactory(slug="pledge")
        registration = AllyRegistrationFactory()
        data = pledge_data([commitment_data(), commitment_data(text="Second")])

        def submit():
            client = Client()
            client.force_login(registration.user)
            return client.post(page.url, data).status_code

        results = self.run_together(6, submit)
        assert results == [302] * 6, results
        assert Pledge.objects.filter(user=registration.user).count() == 1
        assert Commitment.objects.filter(pledge__user=registration.user).count() == 2

    def test_simultaneous_sign_ups_make_one_registration(self):
        page = PledgePageFactory(slug="pledge")
        unit = OrganisationUnitFactory()
        user = UserFactory()

        def submit():
            client = Client()
            client.force_login(user)
            return client.post(page.url + "sign-up/", {"unit": unit.pk, "role": "PC"}).status_code

        assert self.run_together(6, submit) == [302] * 6
        assert AllyRegistration.objects.filter(user=user).count() == 1


@pytest.mark.django_db
class TestEditorsAndPreviews:
    @pytest.mark.parametrize("model", ["pledgepage", "pledgewallpage", "myallyshippage"])
    def test_editor_can_add_each_page_type(self, admin_client, model):
        parent = Page.objects.get(depth=2, locale=Locale.get_default())
        url = reverse("wagtailadmin_pages:add", args=("wagtail_allyship", model, parent.pk))
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "introduction" in response.content.decode()

    def test_previews_work_for_an_editor_who_is_not_an_ally(self, superuser):
        for page in (
            PledgePageFactory(slug="pledge"),
            PledgeWallPageFactory(slug="wall"),
            MyAllyshipPageFactory(slug="mine"),
        ):
            request = RequestFactory().get(page.url)
            request.user = superuser
            request.is_preview = True
            request._messages = CookieStorage(request)
            response = page.serve_preview(request, page.default_preview_mode)
            response.render()
            assert response.status_code == 200, page
            assert page.title in response.content.decode()


@pytest.mark.django_db
class TestWhatHappensNext:
    """Saving a pledge leads to a page that says what comes next, never to a dead end."""

    def test_a_new_pledge_lands_on_what_happens_next(self, ally_client, ally, page):
        wall, mine = PledgeWallPageFactory(slug="wall"), MyAllyshipPageFactory(slug="mine")
        data = pledge_data([commitment_data(), commitment_data(text="Balance the panels")])
        response = ally_client.post(page.url, data, follow=True)
        assert response.redirect_chain[-1][0] == page.url + "saved/?saved=new"
        html = response.content.decode()
        assert "Your pledge is saved" in html
        assert "You made 2 commitments for" in html
        assert "What happens next" in html
        assert "Balance the panels" in html
        pledge = Pledge.objects.get(user=ally)
        assert f'href="{wall.url}{pledge.pk}/"' in html, "a published pledge links to the wall"
        assert f'href="{mine.url}"' in html
        assert response["Cache-Control"].count("private")

    def test_changes_say_changes(self, ally_client, ally, page):
        ally_client.post(page.url, pledge_data([commitment_data()]))
        response = ally_client.get(page.url + "saved/?saved=changes")
        assert "Your changes are saved" in response.content.decode()

    def test_a_private_pledge_is_said_to_be_private(self, ally_client, ally, page):
        data = pledge_data([commitment_data()], visibility="private")
        data.pop("consent")
        response = ally_client.post(page.url, data, follow=True)
        assert "Your pledge is private" in response.content.decode()

    def test_without_a_pledge_it_sends_to_the_form(self, ally_client, ally, page):
        response = ally_client.get(page.url + "saved/")
        assert response.status_code == 302 and response["Location"] == page.url

    def test_anonymous_is_sent_to_log_in(self, client, page):
        response = client.get(page.url + "saved/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_queries_do_not_grow_with_commitments(self, ally_client, ally, page):
        ally_client.post(page.url, pledge_data([commitment_data()]))
        pledge = Pledge.objects.get(user=ally)

        def count() -> int:
            with CaptureQueriesContext(connection) as queries:
                assert ally_client.get(page.url + "saved/").status_code == 200
            return len(queries)

        with_one = count()
        for position in (2, 3):
            CommitmentFactory(pledge=pledge, position=position)
        assert count() == with_one


@pytest.mark.django_db
class TestFormLayout:
    def test_second_and_third_commitments_open_on_demand(self, ally_client, ally, page):
        html = ally_client.get(page.url).content.decode()
        assert html.count('<details class="allyship-commitment-more">') == 2
        assert "Add commitment 2" in html and "Add commitment 3" in html

    def test_a_filled_in_extra_commitment_with_an_error_stays_open(self, ally_client, ally, page):
        data = pledge_data([commitment_data(), {"kind": "personal", "text": "Half a pledge"}])
        response = ally_client.post(page.url, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<details class="allyship-commitment-more" open>' in html
        assert "Half a pledge" in html

    def test_the_error_summary_takes_the_focus(self, ally_client, ally, page):
        html = ally_client.post(page.url, pledge_data([])).content.decode()
        assert 'class="allyship-error-summary"' in html
        assert 'tabindex="-1" autofocus' in html
