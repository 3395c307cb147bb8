"""Annual updates: what each unit is doing for the programme, one submission per unit and year.

A local editor writes the unit's update and submits it; a coordinator approves it, and only
approved updates appear in the annual report. The text is the unit's own account, so it is
not translated: the report shows it as the unit wrote it.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index

from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.uploads import upload_size_error
from wagtail_allyship.pledges.models import current_programme_year, programme_year_label
from wagtail_allyship.units.models import OrganisationUnit

#: The first programme year an update may be written for.
FIRST_YEAR = 2000


class AnnualUpdateStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")


def validate_web_link(value: str) -> None:
    """Evidence is a web page: only http and https addresses are accepted."""
    URLValidator(
        schemes=["http", "https"],
        message=_("Enter a web address that starts with https:// or http://."),
    )(value)


class EvidenceLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("label"),
        max_length=255,
        help_text=_("What the link shows, e.g. 'Minutes of the March board meeting'."),
    )
    url = blocks.CharBlock(
        label=_("address"),
        max_length=500,
        validators=[validate_web_link],
        help_text=_("A web address starting with https://."),
    )

    class Meta:
        icon = "link"
        label = _("Evidence link")


class AnnualUpdateQuerySet(models.QuerySet):
    def approved(self) -> AnnualUpdateQuerySet:
        return self.filter(status=AnnualUpdateStatus.APPROVED)

    def for_year(self, year: int) -> AnnualUpdateQuerySet:
        return self.filter(year=year)


class AnnualUpdate(index.Indexed, models.Model):
    """One unit's account of the thing it is doing for the programme in one year."""

    unit = models.ForeignKey(
        OrganisationUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="annual_updates",
        help_text=_("The force, region or business unit this update is from."),
    )
    year = models.PositiveSmallIntegerField(
        _("programme year"),
        validators=[MinValueValidator(FIRST_YEAR)],
        default=current_programme_year,
        help_text=_("The programme year the update reports on, e.g. 2026."),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_(
            "One line that names what the unit is doing, e.g. 'Mentoring for new sergeants'."
        ),
    )
    body = RichTextField(
        _("what the unit is doing"),
        features=SHORT_TEXT_FEATURES,
        help_text=_("What the unit did this year, who took part and what changed as a result."),
    )
    evidence_links = StreamField(
        [("link", EvidenceLinkBlock())],
        verbose_name=_("evidence"),
        blank=True,
        help_text=_("Links to pages that show the work: minutes, reports, news items."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An optional photograph for the report. Give it a description (alt text)."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AnnualUpdateStatus.choices,
        default=AnnualUpdateStatus.DRAFT,
        help_text=_(
            "Draft while you write it; Submitted when it is ready for the programme "
            "coordinator; Approved updates appear in the annual report."
        ),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = AnnualUpdateQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("unit", widget=forms.Select), FieldPanel("year")]),
                FieldPanel("title"),
            ],
            heading=_("Unit and year"),
        ),
        FieldPanel("body"),
        FieldPanel("evidence_links"),
        FieldPanel("image"),
        FieldPanel("status"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.FilterField("year"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("annual update")
        verbose_name_plural = _("annual updates")
        ordering = ["-year", "unit__name"]
        permissions = [("approve_annualupdate", _("Can approve annual updates"))]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"], name="wagtail_allyship_one_update_per_unit_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year_label}: {self.title}"

    @property
    def year_label(self) -> str:
        return programme_year_label(self.year)

    @property
    def is_approved(self) -> bool:
        return self.status == AnnualUpdateStatus.APPROVED

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        too_large = upload_size_error(self.image) if self.image_id else None
        if too_large is not None:
            errors.setdefault("image", []).append(too_large)
        this_year = current_programme_year()
        if self.year and self.year > this_year:
            errors.setdefault("year", []).append(
                _(
                    "%(year)s has not started yet. Write the update for %(current)s or an "
                    "earlier year."
                )
                % {"year": self.year, "current": programme_year_label(this_year)}
            )
        if self.unit_id and self.year:
            unit = self.unit
            # Each language has its own copy of a unit; one update covers all of them.
            others = AnnualUpdate.objects.filter(
                unit__translation_key=unit.translation_key, year=self.year
            ).exclude(pk=self.pk)
            if others.exists():
                errors.setdefault("unit", []).append(
                    _(
                        "%(unit)s already has an update for %(year)s. Edit that update "
                        "instead of adding a second one."
                    )
                    % {"unit": unit, "year": programme_year_label(self.year)}
                )
        if errors:
            raise ValidationError(errors)

    def record_status_change(self, user, previous_status: str | None) -> None:
        """Note who submitted or approved the update, and when, as the status moves on."""
        now = timezone.now()
        if self.status == previous_status:
            return
        if self.status == AnnualUpdateStatus.SUBMITTED:
            self.submitted_by, self.submitted_at = user, now
            self.approved_by = self.approved_at = None
        elif self.status == AnnualUpdateStatus.APPROVED:
            if self.submitted_at is None:
                self.submitted_by, self.submitted_at = user, now
            self.approved_by, self.approved_at = user, now
        else:
            self.approved_by = self.approved_at = None
