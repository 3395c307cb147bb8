"""Topics: the programme's own taxonomy, shared by stories, calendar entries and resources.

A short, curated list (mentoring, menopause, flexible working, gender-based violence…) that
readers filter by. Each language holds its own translated copy of a topic. ``TopicLink`` is
the base of the rows that give a page its topics (stories, resources).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
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


def topic_field(help_text) -> models.ForeignKey:
    """The ``topic`` of a :class:`TopicLink`, with help text that names the page's kind."""
    return models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=help_text,
    )


class TopicLink(TranslatableMixin, Orderable):
    """Links a page to one of its topics; translated along with the page.

    A page type subclasses it with ``page = ParentalKey(<page type>, related_name=
    "topic_links")``, ``topic = topic_field(...)`` and ``other_language_message``, the error
    shown when an editor picks a topic of another language.
    """

    panels = [FieldPanel("topic", widget=forms.Select)]

    #: The error for a topic of another language, e.g. "“%(topic)s” is in another language.
    #: Choose the topic in the story's language…", set by each subclass.
    other_language_message: str

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return str(self.topic)

    def clean(self) -> None:
        super().clean()
        page = getattr(self, "page", None)
        if (
            self.topic_id
            and page is not None
            and page.locale_id
            and self.topic.locale_id != page.locale_id
        ):
            raise ValidationError({"topic": self.other_language_message % {"topic": self.topic}})
