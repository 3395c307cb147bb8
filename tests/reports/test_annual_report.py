"""The annual report: figures at known data, freezing on publish, charts, CSV, languages."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import (
    AllyRegistrationFactory,
    AnnualReportPageFactory,
    AnnualUpdateFactory,
    CommitmentFactory,
    GoodPracticeIndexPageFactory,
    GoodPracticeStoryPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    UserFactory,
)
from wagtail_allyship.models import (
    AnnualReportPage,
    AnnualUpdateStatus,
    CommitmentStatus,
    RegistrationStatus,
    UnitKind,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.reports import charts
from wagtail_allyship.reports.figures import compute_figures
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db

YEAR = current_programme_year()
TODAY = timezone.localdate()


def in_year(year: int, month: int = 6, day: int = 15) -> datetime.date:
    return datetime.date(year, month, day)


@pytest.fixture
def reader(client):
    client.force_login(UserFactory(username="reader"))
    return client


@pytest.fixture
def programme(locales):
    """Two regions: North (Alderley, Bramwell) and South (Carrow), with known activity."""
    north = OrganisationUnitFactory(name="North Region", kind=UnitKind.REGION)
    south = OrganisationUnitFactory(name="South Region", kind=UnitKind.REGION)
    units = {
        "north": north,
        "south": south,
        "alderley": OrganisationUnitFactory(name="Alderley Police", parent=north),
        "bramwell": OrganisationUnitFactory(name="Bramwell Police", parent=north),
        "carrow": OrganisationUnitFactory(name="Carrow Police", parent=south),
    }
    # Alderley: 2 allies from earlier years, 1 new this year; one who left does not count.
    for joined in (in_year(YEAR - 2), in_year(YEAR - 1), TODAY):
        AllyRegistrationFactory(unit=units["alderley"], joined_on=joined)
    AllyRegistrationFactory(
        unit=units["alderley"], joined_on=in_year(YEAR - 1), status=RegistrationStatus.LEFT
    )
    # Bramwell: 1 new ally this year, with a pledge of three commitments.
    bramwell_ally = AllyRegistrationFactory(unit=units["bramwell"], joined_on=TODAY)
    pledge = PledgeFactory(user=bramwell_ally.user, programme_year=YEAR, commitments=0)
    CommitmentFactory(pledge=pledge, position=1, status=CommitmentStatus.DONE)
    CommitmentFactory(
        pledge=pledge,
        position=2,
        status=CommitmentStatus.IN_PROGRESS,
        deadline=TODAY + datetime.timedelta(days=30),
    )
    CommitmentFactory(
        pledge=pledge,
        position=3,
        status=CommitmentStatus.NOT_STARTED,
        deadline=TODAY - datetime.timedelta(days=3),
    )
    # A pledge of another year does not count.
    PledgeFactory(user=bramwell_ally.user, programme_year=YEAR - 1, commitments=0)
    AnnualUpdateFactory(unit=units["alderley"], year=YEAR, title="Reverse mentoring")
    AnnualUpdateFactory(
        unit=units["carrow"], year=YEAR, title="Still a draft", status=AnnualUpdateStatus.DRAFT
    )
    AnnualUpdateFactory(unit=units["bramwell"], year=YEAR - 1, title="Last year's")
    return units


class TestFigures:
    def test_figures_at_known_data(self, programme):
        index = GoodPracticeIndexPageFactory()
        GoodPracticeStoryPageFactory(parent=index)
        hub = ResourceHubPageFactory()
        ResourcePageFactory(parent=hub)
        ResourcePageFactory(parent=hub)
        figures = compute_figures(YEAR)
        assert figures["totals"] == {
            "allies_total": 4,
            "allies_new": 2,
            "pledges": 1,
            "commitments_done": 1,
            "commitments_in_progress": 1,
            "commitments_overdue": 1,
            "stories": 1,
            "resources": 2,
            "feedback_asked": 0,
            "feedback_answered": 0,
            "sessions_held": 0,
            "session_places": 0,
            "session_attended": 0,
        }
        by_name = {unit["name"]: unit for unit in figures["units"]}
        assert by_name["Alderley Police"]["allies_total"] == 3
        assert by_name["Alderley Police"]["allies_new"] == 1
        assert by_name["Alderley Police"]["submitted"] is True
        assert by_name["Alderley Police"]["region"] == "North Region"
        assert by_name["Bramwell Police"]["pledges"] == 1
        assert by_name["Carrow Police"]["submitted"] is False  # a draft is not submitted
        assert by_name["North Region"]["expected"] is False  # regions have sub-units
        assert [row["total"] for row in figures["allies_by_year"]] == [0, 0, 1, 2, 4]

    def test_one_unit_at_the_top_is_the_organisation_not_a_region(self, db):
        """Under a national team, each force is its own region; sub-units go with their force."""
        national = OrganisationUnitFactory(name="National Allyship Team")
        northshire = OrganisationUnitFactory(name="Northshire Police", parent=national)
        OrganisationUnitFactory(name="Northshire East", parent=northshire)
        OrganisationUnitFactory(name="Southvale Police", parent=national)
        regions = {unit["name"]: unit["region"] for unit in compute_figures(YEAR)["units"]}
        assert regions == {
            "National Allyship Team": "National Allyship Team",
            "Northshire Police": "Northshire Police",
            "Northshire East": "Northshire Police",
            "Southvale Police": "Southvale Police",
        }

    def test_an_earlier_year(self, programme):
        figures = compute_figures(YEAR - 1)
        assert figures["totals"]["allies_total"] == 2
        assert figures["totals"]["allies_new"] == 1
        assert figures["totals"]["pledges"] == 1
        submitted = [unit["name"] for unit in figures["units"] if unit["submitted"]]
        assert submitted == ["Bramwell Police"]

    def test_the_figures_are_plain_json(self, programme):
        import json

        assert json.loads(json.dumps(compute_figures(YEAR)))["year"] == YEAR


class TestFreezingOnPublish:
    def test_publishing_stores_the_figures_in_page_and_revision(self, programme):
        page = AnnualReportPageFactory(year=YEAR)
        assert page.figures["totals"]["allies_total"] == 4
        assert page.live_revision.content["figures"]["totals"]["allies_total"] == 4

    def test_the_published_report_does_not_change_with_the_data(self, programme, reader):
        page = AnnualReportPageFactory(year=YEAR)
        AllyRegistrationFactory.create_batch(5, unit=programme["carrow"])
        AnnualUpdateFactory(unit=programme["bramwell"], year=YEAR, title="Late arrival")
        response = reader.get(page.url)
        assert response.context["totals"]["allies_total"] == 4
        assert "Late arrival" not in response.content.decode()
        assert response.context["figures_frozen"]

    def test_a_new_draft_keeps_them_until_asked_to_refresh(self, programme):
        page = AnnualReportPageFactory(year=YEAR)
        AllyRegistrationFactory.create_batch(5, unit=programme["carrow"])
        page.introduction = "<p>Edited.</p>"
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.figures["totals"]["allies_total"] == 4
        page.refresh_figures = True
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.figures["totals"]["allies_total"] == 9
        assert page.refresh_figures is False
        assert page.live_revision.content["refresh_figures"] is False

    def test_a_draft_to_refresh_previews_live_figures(self, programme, admin_client):
        page = AnnualReportPageFactory(year=YEAR)
        AllyRegistrationFactory.create_batch(5, unit=programme["carrow"])
        page.refresh_figures = True
        assert page.current_figures()["totals"]["allies_total"] == 9
        page.refresh_figures = False
        assert page.current_figures()["totals"]["allies_total"] == 4

    def test_scheduled_publishing_freezes_too(self, programme):
        page = AnnualReportPageFactory(year=YEAR, publish=False)
        revision = page.save_revision(approved_go_live_at=timezone.now())
        revision.publish()
        page.refresh_from_db()
        assert page.figures["year"] == YEAR


class TestReportPage:
    def test_updates_grouped_by_region_and_missing_units(self, programme, reader):
        page = AnnualReportPageFactory(year=YEAR)
        response = reader.get(page.url)
        assert response.status_code == 200
        regions = response.context["regions"]
        assert [region["name"] for region in regions] == ["North Region"]
        assert [entry["update"].title for entry in regions[0]["entries"]] == ["Reverse mentoring"]
        assert response.context["missing_units"] == ["Bramwell Police", "Carrow Police"]
        content = response.content.decode()
        assert "Reverse mentoring" in content
        assert "Still a draft" not in content

    def test_charts_are_accessible_svg_with_a_data_table(self, programme, reader):
        page = AnnualReportPageFactory(year=YEAR)
        content = reader.get(page.url).content.decode()
        assert content.count('role="img"') == 2
        assert '<title id="allyship-chart-units-title">' in content
        assert '<desc id="allyship-chart-units-desc">' in content
        assert 'aria-labelledby="allyship-chart-units-title allyship-chart-units-desc"' in content
        assert "<caption>" in content
        assert "<script" not in content.split("<article", 1)[1]

    def test_print_stylesheet_is_linked(self, programme, reader):
        page = AnnualReportPageFactory(year=YEAR)
        assert "wagtail_allyship/css/report.css" in reader.get(page.url).content.decode()

    def test_a_french_report_names_units_in_french(self, programme, reader, locales):
        page = AnnualReportPageFactory(year=YEAR)
        translate(programme["north"], locales["fr"], {"North Region": "Région Nord"})
        translate(programme["alderley"], locales["fr"], {"Alderley Police": "Police d'Alderley"})
        french = translate(page, locales["fr"], {})
        response = reader.get(french.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Région Nord" in content
        assert "Police d&#x27;Alderley" in content

    def test_editor_text_is_escaped(self, programme, reader):
        AnnualUpdateFactory(unit=programme["bramwell"], year=YEAR, title="<script>x()</script>")
        page = AnnualReportPageFactory(year=YEAR)
        content = reader.get(page.url).content.decode()
        assert "<script>x()</script>" not in content
        assert "&lt;script&gt;x()&lt;/script&gt;" in content


class TestCsv:
    def test_figures_and_units(self, programme, reader):
        page = AnnualReportPageFactory(year=YEAR)
        response = reader.get(page.url + page.reverse_subpage("figures_csv"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1] == ["Allies registered", "4"]
        assert ["Alderley Police", "North Region", "3", "1", "0", "Approved"] in rows
        assert ["Carrow Police", "South Region", "0", "0", "0", "Not submitted"] in rows

    def test_formula_cells_are_neutralised(self, programme, reader):
        OrganisationUnitFactory(name='=HYPERLINK("https://evil.example","x")')
        page = AnnualReportPageFactory(year=YEAR)
        response = reader.get(page.url + page.reverse_subpage("figures_csv"))
        text = response.content.decode("utf-8-sig")
        assert "'=HYPERLINK" in text
        assert "\n=HYPERLINK" not in text


class TestQueries:
    @staticmethod
    def units(count: int) -> None:
        region = OrganisationUnitFactory(kind=UnitKind.REGION)
        for _number in range(count):
            unit = OrganisationUnitFactory(parent=region)
            registration = AllyRegistrationFactory(unit=unit)
            PledgeFactory(user=registration.user)
            AnnualUpdateFactory(unit=unit, year=YEAR)

    def count(self, reader, page) -> int:
        reader.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(page.url).status_code == 200
        return len(captured)

    @pytest.mark.parametrize("frozen", [True, False], ids=["published", "live"])
    def test_the_same_at_6_and_60_units(self, locales, reader, frozen):
        page = AnnualReportPageFactory(year=YEAR)
        self.units(6)
        if frozen:
            page.refresh_figures = True
            page.save_revision().publish()
        else:
            AnnualReportPage.objects.filter(pk=page.pk).update(figures=None)
        six = self.count(reader, page)
        self.units(54)
        if frozen:
            page.refresh_figures = True
            page.save_revision().publish()
        sixty = self.count(reader, page)
        assert six == sixty
        assert len(reader.get(page.url).context["unit_rows"]) == 62


class TestCharts:
    def test_bars_scale_to_the_largest_value(self):
        chart = charts.horizontal_bars("t", "d", [("A", 10), ("B", 5), ("C", 0)])
        widths = [bar.width for bar in chart.bars]
        assert widths[0] == charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_WIDTH
        assert widths[1] == widths[0] / 2
        assert widths[2] == 0
        assert chart.height == 3 * charts.ROW_HEIGHT

    def test_no_data_draws_no_bars(self):
        chart = charts.columns("t", "d", [])
        assert chart.bars == []

    def test_change_notes(self):
        assert charts.change_notes([3, 5, 5, 2]) == ["", "+2", "0", "−3"]


class TestLocale:
    def test_the_day_of_the_figures_follows_the_page_language(self, programme, reader, locales):
        page = AnnualReportPageFactory(year=YEAR)
        french = translate(page, locales["fr"], {})
        day = datetime.date.fromisoformat(page.figures["computed_on"])
        assert f"{day.day} " in reader.get(french.url).content.decode()
        assert day.isoformat() not in reader.get(french.url).content.decode()

    def test_charts_are_drawn_right_to_left_in_arabic(self, programme, reader, locales):
        page = AnnualReportPageFactory(year=YEAR)
        arabic = translate(page, locales["ar"], {})
        response = reader.get(arabic.url)
        content = response.content.decode()
        assert 'dir="rtl"' in content
        # The geometry is explicit (mirrored on the server), so the SVG keeps one direction.
        assert content.count('<svg class="allyship-chart-svg" direction="ltr"') == 2
        bars = response.context["allies_chart"].bars
        assert bars[0].label_anchor == "start" and bars[0].label_x > bars[0].x
        years = response.context["trend_chart"].bars
        assert years[0].x > years[-1].x, "the earliest year stands on the right"
        english = reader.get(page.url).context["trend_chart"].bars
        assert english[0].x < english[-1].x

    def test_units_are_listed_in_the_order_of_the_page_language(self, programme, reader, locales):
        page = AnnualReportPageFactory(year=YEAR)
        translate(programme["north"], locales["fr"], {"North Region": "Région Nord"})
        translate(programme["south"], locales["fr"], {"South Region": "Région Sud"})
        translate(programme["bramwell"], locales["fr"], {"Bramwell Police": "Écosse"})
        translate(programme["carrow"], locales["fr"], {"Carrow Police": "Fife"})
        french = translate(page, locales["fr"], {})
        response = reader.get(french.url)
        # "É" sorts with "E", before "F", not after "Z" as its code point would.
        assert response.context["missing_units"] == ["Écosse", "Fife"]
        rows = [row["display_name"] for row in response.context["unit_rows"]]
        assert rows.index("Écosse") < rows.index("Fife")

    def test_figures_group_digits_the_way_the_page_language_does(self, programme, reader, locales):
        page = AnnualReportPageFactory(year=YEAR)
        french = translate(page, locales["fr"], {})
        for report in (page, french):
            report.figures["totals"]["allies_total"] = 12345
            report.save(update_fields=["figures"])
        assert "<dd>12,345</dd>" in reader.get(page.url).content.decode()
        assert "<dd>12\xa0345</dd>" in reader.get(french.url).content.decode()
