"""The admin's "Translation status" report: the programme's content across the site's languages.

Rows come from :class:`~wagtail_allyship.translations.status.TranslationStatus`; a reader
narrows them by kind, language and state with a plain GET form, sees how many items are in
each state per language, follows each cell's link to act on it (translate, sync, edit), and
downloads the same rows as CSV or XLSX.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_allyship.access.roles import is_coordinator
from wagtail_allyship.exports.reports import SpreadsheetReportView
from wagtail_allyship.translations.status import STATES, TranslationStatus
from wagtail_allyship.units.denied import forbidden

URL_NAME = "wagtail_allyship_translation_status"


def may_see_status(user) -> bool:
    """Coordinators, and editors who may change or publish pages."""
    return is_coordinator(user) or PagePermissionPolicy().user_has_any_permission(
        user, {"change", "publish"}
    )


class StateColumn(Column):
    """One language's cell: the state, the share translated, and a link to act on it."""

    cell_template_name = "wagtail_allyship/translations/status_cell.html"

    def __init__(self, language: str, label: str, may_act) -> None:
        super().__init__(f"state_{language}", label=label)
        self.language = language
        self.may_act = may_act

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        cell = instance.cells.get(self.language)
        context["cell"] = cell
        # A link only where the reader may act: wagtail-localize would turn the others away.
        context["url"] = cell.url if cell is not None and self.may_act(instance.model) else ""
        return context


class TranslationStatusView(SpreadsheetReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "wagtail_allyship/translations/status.html"
    results_template_name = "wagtail_allyship/translations/status_results.html"
    index_url_name = URL_NAME
    index_results_url_name = URL_NAME + "_results"
    filename_prefix = "allyship-translation-status"
    export_log_model = Page
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not may_see_status(request.user):
            return forbidden(request, _("Only coordinators and editors can see this report."))
        return super().dispatch(request, *args, **kwargs)

    def user_has_permission(self, permission):
        return may_see_status(self.request.user)

    def may_act(self, model) -> bool:
        """Whether the reader may translate, sync or edit items of ``model`` at all.

        Checked once per kind, not per item: pages by any page permission to add or change,
        snippets by the model's change permission. The view that a link opens checks the item
        itself (and the unit rights) again.
        """
        if model not in self._may_act:
            user = self.request.user
            if issubclass(model, Page):
                allowed = PagePermissionPolicy().user_has_any_permission(user, {"add", "change"})
            else:
                allowed = user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
            self._may_act[model] = allowed
        return self._may_act[model]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self._may_act: dict[type, bool] = {}

    @cached_property
    def status(self) -> TranslationStatus:
        return TranslationStatus()

    @cached_property
    def languages(self) -> list[tuple[str, str]]:
        return [(locale.language_code, locale.get_display_name()) for locale in self.status.locales]

    @cached_property
    def chosen(self) -> dict[str, str]:
        """The filters asked for, each kept only if it is one of the choices offered."""
        kinds = {row.kind for row in self.status.rows}
        allowed = {
            "kind": kinds,
            "language": {code for code, _name in self.languages},
            "state": set(STATES),
        }
        return {
            name: value
            for name in allowed
            if (value := self.request.GET.get(name, "")) in allowed[name]
        }

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Content"),
                url_name=None,
                get_url=lambda row: row.edit_url if self.may_act(row.model) else None,
            ),
            Column("kind", label=_("Kind")),
            Column("source_language", label=_("Source language")),
            *[StateColumn(code, name, self.may_act) for code, name in self.languages],
        ]

    @property
    def list_export(self):
        return [
            "title",
            "kind",
            "source_language",
            *[f"state_{code}" for code, _n in self.languages],
        ]

    @property
    def export_headings(self):
        headings = {
            "title": _("Content"),
            "kind": _("Kind"),
            "source_language": _("Source language"),
        }
        headings.update({f"state_{code}": name for code, name in self.languages})
        return headings

    def get_queryset(self):
        return self.listed

    @cached_property
    def listed(self) -> list:
        """The rows the filters keep, by kind and title (worked out once per request)."""
        rows = self.status.rows
        chosen = self.chosen
        if "kind" in chosen:
            rows = [row for row in rows if row.kind == chosen["kind"]]
        if "state" in chosen:
            languages = [chosen["language"]] if "language" in chosen else None
            rows = [
                row
                for row in rows
                if any(
                    cell.state == chosen["state"]
                    for code, cell in row.cells.items()
                    if languages is None or code in languages
                )
            ]
        return sorted(rows, key=lambda row: (row.kind, row.title.casefold()))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        totals = self.status.totals(self.listed)
        context.update(
            {
                "languages": self.languages,
                "kinds": sorted({row.kind for row in self.status.rows}),
                "states": list(STATES.items()),
                "chosen": self.chosen,
                "totals": [
                    (name, [totals[code][state] for state in STATES])
                    for code, name in self.languages
                    if any(totals[code].values())
                ],
            }
        )
        return context


def urls() -> list:
    return [
        path(
            "reports/allyship-translation-status/", TranslationStatusView.as_view(), name=URL_NAME
        ),
        path(
            "reports/allyship-translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name=URL_NAME + "_results",
        ),
    ]


class StatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_status(request.user)


def menu_item() -> MenuItem:
    return StatusMenuItem(
        _("Translation status"),
        reverse(URL_NAME),
        name="allyship-translation-status",
        icon_name="globe",
        order=950,
    )
