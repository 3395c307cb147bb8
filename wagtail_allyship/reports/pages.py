"""The annual report: every unit's update for one year, the year's figures and two charts.

While the report is a draft, it shows figures computed from live data. Publishing it stores
the figures in the page and its revision, so the published report keeps saying what was true
when it went out; ticking "Refresh figures" in a new draft computes them again when that
draft is published.
"""

from __future__ import annotations

import datetime
from collections import OrderedDict

from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_allyship.content.pages import AllyshipPageMixin, RoutedPageMixin
from wagtail_allyship.pledges.models import current_programme_year, programme_year_label
from wagtail_allyship.reports import charts
from wagtail_allyship.reports.accountability import green_share_by_region
from wagtail_allyship.reports.figures import compute_figures
from wagtail_allyship.reports.models import FIRST_YEAR, AnnualUpdate
from wagtail_allyship.text.collation import sort_key
from wagtail_allyship.units.models import OrganisationUnit

#: Rendition of the images of units' updates in the report.
UPDATE_RENDITION = "max-640x400"


class AnnualReportPage(AllyshipPageMixin, RoutedPageMixin, Page):
    """One programme year's report on every unit, with figures frozen when it is published."""

    subpage_urls = "wagtail_allyship.reports.urls.report_page"

    year = models.PositiveSmallIntegerField(
        _("programme year"),
        validators=[MinValueValidator(FIRST_YEAR)],
        default=current_programme_year,
        help_text=_("The programme year this report covers, e.g. 2026."),
    )
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_("A few paragraphs that open the report: what the year was about."),
    )
    refresh_figures = models.BooleanField(
        _("refresh figures"),
        default=False,
        help_text=_(
            "Tick to compute the figures again from today's data when this version is "
            "published. Leave unticked to keep the figures of the published report."
        ),
    )
    figures = models.JSONField(
        _("figures"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The figures stored when the report was published."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("refresh_figures")]),
        FieldPanel("introduction"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    template = "wagtail_allyship/reports/annual_report_page.html"

    override_translatable_fields = [
        SynchronizedField("year"),
        SynchronizedField("refresh_figures"),
        SynchronizedField("figures"),
    ]

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    # Figures

    @property
    def figures_are_frozen(self) -> bool:
        return bool(self.figures) and not self.refresh_figures

    def current_figures(self) -> dict:
        """The stored figures, or live ones while the report has none (or is to refresh)."""
        if self.figures_are_frozen:
            return self.figures
        return compute_figures(self.year)

    def freeze_figures(self, revision=None) -> None:
        """Store today's figures in the live page and in the revision that was published."""
        figures = compute_figures(self.year)
        with transaction.atomic():
            AnnualReportPage.objects.filter(pk=self.pk).update(
                figures=figures, refresh_figures=False
            )
            revision = revision or self.live_revision
            if revision is not None:
                revision.content = {
                    **revision.content,
                    "figures": figures,
                    "refresh_figures": False,
                }
                revision.save(update_fields=["content"])
        self.figures, self.refresh_figures = figures, False

    @property
    def year_label(self) -> str:
        return programme_year_label(self.year)

    # Views

    def unit_names(self) -> dict[str, str]:
        """Names of units in the page's language, by translation key (one query)."""
        return {
            str(key): name
            for key, name in OrganisationUnit.objects.filter(locale_id=self.locale_id).values_list(
                "translation_key", "name"
            )
        }

    def report_sections(self, figures: dict) -> dict:
        """Updates grouped by region, units that did not submit, and the charts."""
        names = self.unit_names()

        def name_of(key: str, stored: str) -> str:
            return names.get(key, stored)

        units = figures["units"]
        image_model = get_image_model()
        updates = {
            update.pk: update
            for update in AnnualUpdate.objects.filter(pk__in=figures.get("update_ids", []))
            .select_related("unit")
            .prefetch_related(
                models.Prefetch(
                    "image", queryset=image_model.objects.prefetch_renditions(UPDATE_RENDITION)
                )
            )
        }
        by_key: dict[str, list] = {}
        for update in updates.values():
            by_key.setdefault(str(update.unit.translation_key), []).append(update)

        regions: OrderedDict[str, dict] = OrderedDict()
        for unit in sorted(
            units,
            key=lambda u: (
                sort_key(name_of(u["region_key"], u["region"])),
                sort_key(name_of(u["key"], u["name"])),
            ),
        ):
            region = regions.setdefault(
                unit["region_key"],
                {"name": name_of(unit["region_key"], unit["region"]), "entries": []},
            )
            for update in by_key.get(unit["key"], []):
                region["entries"].append(
                    {"unit": name_of(unit["key"], unit["name"]), "update": update}
                )
        missing = sorted(
            (name_of(u["key"], u["name"]) for u in units if u["expected"] and not u["submitted"]),
            key=sort_key,
        )
        by_unit = sorted(
            ((name_of(u["key"], u["name"]), u["allies_total"]) for u in units if u["expected"]),
            key=lambda item: (-item[1], sort_key(item[0])),
        )
        trend = charts.without_leading_empty(
            [(programme_year_label(row["year"]), row["total"]) for row in figures["allies_by_year"]]
        )
        draw = charts.mirrored if translation.get_language_bidi() else (lambda chart: chart)
        return {
            "green_by_region": sorted(
                green_share_by_region(units, name_of), key=lambda row: sort_key(row["name"])
            ),
            "regions": [region for region in regions.values() if region["entries"]],
            "missing_units": missing,
            "session_rows": session_rows(units, name_of),
            "unit_rows": [
                {**unit, "display_name": name_of(unit["key"], unit["name"])}
                for unit in sorted(units, key=lambda u: sort_key(name_of(u["key"], u["name"])))
            ],
            "allies_chart": draw(
                charts.horizontal_bars(
                    gettext("Allies by unit, %(year)s") % {"year": self.year_label},
                    gettext(
                        "Registered allies in each unit at the end of the year, largest first."
                    ),
                    by_unit,
                )
            ),
            "trend_chart": draw(
                charts.columns(
                    gettext("Allies year on year"),
                    gettext(
                        "Registered allies at the end of each year since the first ally "
                        "joined, with the change on the year before in brackets."
                    ),
                    trend,
                    charts.change_notes([value for _label, value in trend]),
                )
            ),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        with translation.override(self.locale.language_code):
            figures = self.current_figures()
            context.update(self.report_sections(figures))
        context.update(
            {
                "figures": figures,
                "totals": figures["totals"],
                "session_rate": attendance_rate(
                    figures["totals"].get("session_places", 0),
                    figures["totals"].get("session_attended", 0),
                ),
                "figures_frozen": self.figures_are_frozen,
                "computed_on": datetime.date.fromisoformat(figures["computed_on"]),
                "csv_url": self.get_url(request=request) + self.reverse_subpage("figures_csv")
                if self.get_url(request=request)
                else "",
            }
        )
        return context


def attendance_rate(places: int, attended: int) -> int | None:
    """Attended places as a whole percentage of the places taken; ``None`` without places."""
    return round(100 * attended / places) if places else None


def session_rows(units: list[dict], name_of) -> list[dict]:
    """The units whose people held places at the year's sessions, by name, with their rate.

    Reports frozen before sessions were counted have no such figures and give no rows.
    """
    rows = [
        {
            "name": name_of(unit["key"], unit["name"]),
            "places": unit["session_places"],
            "attended": unit["session_attended"],
            "rate": attendance_rate(unit["session_places"], unit["session_attended"]),
        }
        for unit in units
        if unit.get("session_places")
    ]
    return sorted(rows, key=lambda row: sort_key(row["name"]))


def freeze_report_figures(sender, instance, revision=None, **kwargs):
    """Publishing a report stores its figures, unless it already holds figures to keep.

    A receiver of Wagtail's ``page_published`` signal (connected in ``AppConfig.ready``).
    """
    if isinstance(instance, AnnualReportPage) and not instance.figures_are_frozen:
        instance.freeze_figures(revision)
