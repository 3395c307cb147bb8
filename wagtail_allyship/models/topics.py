"""Topics: the programme's own taxonomy, shared by stories, calendar entries and resources.

A short, curated list (mentoring, menopause, flexible working, gender-based violence…) that
readers filter by. Each language holds its own translated copy of a topic.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Topic(TranslatableMixin, models.Model):
    """One theme of the programme, e.g. 'Mentoring' or 'Flexible working'."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("A word or two that readers recognise, e.g. 'Flexible working'."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences on what the topic covers. Optional."),
    )
    order = models.PositiveIntegerField(
        _("order"),
        null=True,
        blank=True,
        help_text=_(
            "Position in filter lists; lower numbers come first. Leave empty to add the topic "
            "at the end."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("order"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        if self.order is None:
            highest = Topic.objects.filter(locale_id=self.locale_id).aggregate(
                highest=Max("order")
            )["highest"]
            self.order = (highest or 0) + 1
        super().save(*args, **kwargs)
