"""The ally role profile: what the organisation commits to, what an ally is and does.

``AllyAction`` is the catalogue of actions an ally can take, shared by every profile page;
``AllyRoleProfilePage`` holds the profile itself in structured fields (one list item per
commitment, quality or responsibility), so that translators get one clean segment per item
and every unit's profile has the same shape.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from wagtail_allyship.content.blocks import SHORT_TEXT_FEATURES
from wagtail_allyship.content.pages import AllyshipPageMixin


class ActionKind(models.TextChoices):
    EVERYDAY = "everyday", _("Everyday action")
    STRUCTURAL = "structural", _("Structural change")


class AllyAction(TranslatableMixin, models.Model):
    """One thing an ally can do: an everyday habit or work towards structural change."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ActionKind.choices,
        default=ActionKind.EVERYDAY,
        help_text=_(
            "Everyday actions are habits anyone can keep; structural changes improve policies, "
            "targets and processes."
        ),
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        help_text=_("A short name for the action, e.g. 'Share the airtime in meetings'."),
    )
    description = models.TextField(
        _("description"),
        help_text=_("One to three sentences on what the action looks like in practice."),
    )
    order = models.PositiveIntegerField(
        _("order"),
        null=True,
        blank=True,
        help_text=_(
            "Position among actions of the same kind; lower numbers come first. Leave empty to "
            "add the action at the end."
        ),
    )
    source_title = models.CharField(
        _("source title"),
        max_length=255,
        blank=True,
        help_text=_("Where the action comes from, e.g. a guide or a campaign. Optional."),
    )
    source_url = models.URLField(
        _("source URL"),
        blank=True,
        max_length=500,
        help_text=_("Public address of that source. Optional."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("order")]),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("source_title"), FieldPanel("source_url")],
            heading=_("Source"),
        ),
    ]

    translatable_fields = [
        SynchronizedField("kind"),
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("order"),
        TranslatableField("source_title"),
        SynchronizedField("source_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ally action")
        verbose_name_plural = _("ally actions")
        ordering = ["kind", "order", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.order is None:
            highest = AllyAction.objects.filter(kind=self.kind, locale_id=self.locale_id).aggregate(
                highest=Max("order")
            )["highest"]
            self.order = (highest or 0) + 1
        super().save(*args, **kwargs)


class ActionsShown(models.TextChoices):
    ALL = "all", _("All actions in the catalogue")
    SELECTED = "selected", _("Only the actions chosen below")


def _list_field(item_name: str, item_label, help_text) -> StreamField:
    """A list of short texts, one translation segment per item."""
    return StreamField(
        [(item_name, blocks.TextBlock(label=item_label, rows=2))],
        blank=True,
        help_text=help_text,
    )


class AllyRoleProfilePage(AllyshipPageMixin, Page):
    """The ally role profile: commitments, qualities, responsibilities and actions."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("A few sentences on what the programme is and why it matters here."),
    )
    commitments = _list_field(
        "commitment",
        _("Commitment"),
        _("What the organisation has promised to do, one promise per item."),
    )
    qualities = _list_field(
        "quality",
        _("Quality"),
        _(
            "Completes the sentence 'An ally is someone who…', one quality per item, e.g. "
            "'listens before offering help'."
        ),
    )
    responsibilities = _list_field(
        "responsibility",
        _("Responsibility"),
        _(
            "Completes the sentence 'An ally will…', one responsibility per item, e.g. "
            "'speak up when a colleague is belittled'."
        ),
    )
    closing_note = RichTextField(
        _("closing note"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("E.g. that the lists are not complete and allies may be asked to help more."),
    )
    actions_shown = models.CharField(
        _("actions shown"),
        max_length=20,
        choices=ActionsShown.choices,
        default=ActionsShown.ALL,
        help_text=_("Show every action in the catalogue, or only a selection."),
    )
    selected_actions = StreamField(
        [("action", SnippetChooserBlock("wagtail_allyship.AllyAction", label=_("Action")))],
        blank=True,
        verbose_name=_("selected actions"),
        help_text=_("Used when 'Only the actions chosen below' is selected; shown in this order."),
    )
    call_to_action_label = models.CharField(
        _("button text"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 'Sign up as an ally'. Leave empty to show no button."),
    )
    call_to_action_page = models.ForeignKey(
        Page,
        verbose_name=_("button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The sign-up or pledge page the button leads to."),
    )
    call_to_action_url = models.URLField(
        _("button link"),
        blank=True,
        max_length=500,
        help_text=_("A web address, used when no page is chosen."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("commitments"),
        MultiFieldPanel(
            [FieldPanel("qualities"), FieldPanel("responsibilities")],
            heading=_("The ally"),
        ),
        MultiFieldPanel(
            [FieldPanel("actions_shown"), FieldPanel("selected_actions")],
            heading=_("Actions"),
        ),
        FieldPanel("closing_note"),
        MultiFieldPanel(
            [
                FieldPanel("call_to_action_label"),
                PageChooserPanel("call_to_action_page"),
                FieldPanel("call_to_action_url"),
            ],
            heading=_("Call to action"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("commitments"),
        index.SearchField("qualities"),
        index.SearchField("responsibilities"),
    ]

    template = "wagtail_allyship/profile/role_profile_page.html"

    class Meta:
        verbose_name = _("ally role profile page")
        verbose_name_plural = _("ally role profile pages")

    def clean(self) -> None:
        super().clean()
        if self.call_to_action_label and not (
            self.call_to_action_page_id or self.call_to_action_url
        ):
            raise ValidationError(
                {
                    "call_to_action_page": _(
                        "The button needs somewhere to go: choose a page or enter a link, or "
                        "clear the button text."
                    )
                }
            )

    def get_actions(self) -> dict[str, list[AllyAction]]:
        """The actions shown on this page, by kind, everyday first."""
        if self.actions_shown == ActionsShown.SELECTED:
            chosen = [block.value for block in self.selected_actions if block.value is not None]
        else:
            chosen = list(AllyAction.objects.filter(locale_id=self.locale_id))
        grouped: dict[str, list[AllyAction]] = {kind: [] for kind in ActionKind.values}
        seen = set()
        for action in chosen:
            if action.pk not in seen:
                seen.add(action.pk)
                grouped[action.kind].append(action)
        return grouped

    def get_call_to_action_url(self, request=None) -> str:
        if self.call_to_action_page_id:
            page = self.call_to_action_page.localized
            url = page.get_url(request=request) if page.live else None
            if url:
                return url
        return self.call_to_action_url

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        actions = self.get_actions()
        context["everyday_actions"] = actions[ActionKind.EVERYDAY]
        context["structural_actions"] = actions[ActionKind.STRUCTURAL]
        context["call_to_action_url"] = (
            self.get_call_to_action_url(request) if self.call_to_action_label else ""
        )
        return context
