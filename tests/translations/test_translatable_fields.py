"""Every field of every translatable model is either translated or kept in sync, on purpose.

wagtail-localize decides what a translator sees from ``get_translatable_fields(model)``: a
``TranslatableField`` is offered for translation (or, for a link to a translatable snippet or
for inline rows, re-pointed at the copy in the target language); a ``SynchronizedField`` is
copied from the source as it is. A field in neither list is silently left as it was when the
translation was first made, which is how translations drift apart. These tests resolve each
model the way wagtail-localize does and compare the result, field by field, with the table
below, so that a new field, or a new model, cannot be added without deciding how it is
translated.

How to read the table
---------------------

``translated``
    Words a translator rewrites: titles, text, labels, summaries, descriptions, alt text,
    rich text and StreamField bodies.
``localised``
    Links that follow the language: a foreign key to a translatable snippet (a unit, a topic)
    points at that snippet's copy in the target language, and inline rows (a resource's
    topics, a survey's questions) are copied and translated with their page. wagtail-localize
    declares these as ``TranslatableField`` too.
``synchronised``
    Copied from the source unchanged: kinds and statuses, dates and times, numbers and years,
    documents and images, web addresses and e-mail addresses, anchors, flags, ``figures``.

What is left out of the comparison, and why
-------------------------------------------

* ``PAGE_MACHINERY``: the fields of ``wagtailcore.Page`` that Wagtail keeps for each page in
  each language by itself (tree position, URL path, publishing state, revisions, locks,
  scheduling, owner, aliases, comments). A translation has its own; wagtail-localize never
  copies them. The page fields an editor fills in (title, slug, SEO title, search
  description, "show in menus") are *not* left out: every page is checked for them.
* ``TRANSLATION_MACHINERY``: ``locale`` and ``translation_key``, which say which language an
  object is in and which objects are copies of each other.
* The primary key, a page's link to its ``Page`` row (``page_ptr``), an inline row's
  ``ParentalKey`` to its page and its ``sort_order``: modelcluster copies a row whole.
* The through relation behind a ``ClusterTaggableManager`` (``tagged_items``): the
  ``tags`` manager stands for it and is checked instead.
* ``MANAGED``: a few fields the package computes itself and that no editor types, listed
  per model with the reason. They must stay ``editable=False`` for that to hold.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.test.utils import isolate_apps
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

APP_LABEL = "wagtail_allyship"

#: Fields of every page that editors fill in; checked on every page type.
PAGE_TRANSLATED = frozenset({"title", "slug", "seo_title", "search_description"})
PAGE_SYNCHRONISED = frozenset({"show_in_menus"})

#: Fields of ``wagtailcore.Page`` that Wagtail keeps for each page and language by itself.
PAGE_MACHINERY = frozenset(
    {
        "path",
        "depth",
        "numchild",
        "url_path",
        "draft_title",
        "content_type",
        "owner",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "latest_revision",
        "latest_revision_created_at",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "alias_of",
        "wagtail_admin_comments",
    }
)

#: ``TranslatableMixin``'s own bookkeeping.
TRANSLATION_MACHINERY = frozenset({"locale", "translation_key"})

#: Inline rows' position, copied with the row by modelcluster.
INLINE_MACHINERY = frozenset({"sort_order"})

#: Fields the package fills in itself (never typed by an editor), with the reason each one
#: needs no translation rule.
MANAGED = {
    "wagtail_allyship.RecruitmentArticlePage": {
        # Which template a local version was copied from, and which revision of it: kept up
        # to date by the package (create_local_version, mark_template_reviewed).
        "template_page",
        "template_revision",
    },
    "wagtail_allyship.AwarenessDate": {
        # Computed on every save from the synchronised dates, times and time zone.
        "starts_at",
        "ends_at",
        # Set by Django for each copy.
        "created_at",
        "updated_at",
    },
}

#: The decision for every translatable model of the app.
EXPECTED: dict[str, dict[str, set[str]]] = {
    # Snippets -------------------------------------------------------------------------
    "wagtail_allyship.OrganisationUnit": {
        "translated": {"name", "short_name"},
        "localised": {"parent"},
        # Contact details and the sign-up form are the same in every language.
        "synchronised": {"kind", "contact_name", "contact_email", "sign_up_url"},
    },
    "wagtail_allyship.Topic": {
        "translated": {"name", "description"},
        "localised": set(),
        "synchronised": {"order"},
    },
    "wagtail_allyship.AllyAction": {
        "translated": {"title", "description", "source_title"},
        "localised": set(),
        "synchronised": {"kind", "order", "source_url"},
    },
    "wagtail_allyship.GlossaryTerm": {
        "translated": {"term", "definition", "source_title"},
        "localised": set(),
        # The anchor stays the same in every language so that links to a term keep working.
        "synchronised": {"slug", "source_url"},
    },
    "wagtail_allyship.AwarenessDate": {
        "translated": {"title", "description", "location"},
        "localised": {"topic"},
        "synchronised": {
            "kind",
            "link",
            "online_link",
            "month",
            "day",
            "end_month",
            "end_day",
            "starts_on",
            "start_time",
            "ends_on",
            "end_time",
            "time_zone",
        },
    },
    # Inline rows ----------------------------------------------------------------------
    "wagtail_allyship.ResourceTopic": {
        "translated": set(),
        "localised": {"topic"},
        "synchronised": set(),
    },
    "wagtail_allyship.GoodPracticeStoryTopic": {
        "translated": set(),
        "localised": {"topic"},
        "synchronised": set(),
    },
    "wagtail_allyship.SurveyQuestion": {
        "translated": {"label", "help_text", "choices", "default_value"},
        "localised": set(),
        # ``clean_name`` keys the answers: it must be the same in every language so that
        # answers given in French and in English are counted together.
        "synchronised": {"field_type", "required", "clean_name"},
    },
    # Pages (plus PAGE_TRANSLATED and PAGE_SYNCHRONISED) -------------------------------
    "wagtail_allyship.AllyRoleProfilePage": {
        "translated": {
            "introduction",
            "commitments",
            "qualities",
            "responsibilities",
            "closing_note",
            "call_to_action_label",
        },
        # Chosen actions follow the language (wagtail-localize swaps each snippet chooser).
        "localised": {"selected_actions"},
        # The button's page is localised when the page is shown; its address is a URL.
        "synchronised": {"actions_shown", "call_to_action_page", "call_to_action_url"},
    },
    "wagtail_allyship.RecruitmentArticlePage": {
        "translated": {"body"},
        "localised": {"unit"},
        "synchronised": set(),
    },
    "wagtail_allyship.PledgePage": {
        "translated": {"introduction", "sign_up_introduction", "privacy_notice"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.PledgeWallPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": {"per_page"},
    },
    "wagtail_allyship.MyAllyshipPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.ResourceHubPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.ResourcePage": {
        "translated": {"summary", "image_alt", "body", "duration"},
        "localised": {"owner_unit", "topic_links"},
        "synchronised": {
            "image",
            "image_is_decorative",
            "resource_type",
            "audience",
            "toolkit_step",
            "document",
            "external_url",
            "video_url",
            "review_date",
            # Free keywords, shared by every language (see NOT_TRANSLATABLE).
            "tags",
        },
    },
    "wagtail_allyship.GoodPracticeIndexPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.GoodPracticeStoryPage": {
        "translated": {"organisation_name", "summary", "image_alt", "body"},
        "localised": {"unit", "topic_links"},
        "synchronised": {"date", "image", "image_is_decorative"},
    },
    "wagtail_allyship.ProgrammeHomePage": {
        "translated": {"strapline", "introduction"},
        "localised": set(),
        # How many stories and whether the figures show: one choice for every language.
        "synchronised": {"story_count", "show_figures"},
    },
    "wagtail_allyship.ProgrammeUpdatePage": {
        "translated": {"intro", "body", "featured"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.CalendarPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.GlossaryPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": set(),
    },
    "wagtail_allyship.AnnualReportPage": {
        "translated": {"introduction"},
        "localised": set(),
        "synchronised": {"year", "refresh_figures", "figures"},
    },
    "wagtail_allyship.FeedbackSurveyPage": {
        "translated": {"introduction", "thank_you_text"},
        "localised": {"form_fields"},
        "synchronised": {"closed"},
    },
}

#: Models that are deliberately not translatable, and why.
NOT_TRANSLATABLE = {
    # Personal data: written by one person, in their language, for themselves.
    "wagtail_allyship.AllyRegistration": "one person's entry in the ally registry",
    "wagtail_allyship.Pledge": "one ally's pledge",
    "wagtail_allyship.Commitment": "one commitment of an ally's pledge",
    "wagtail_allyship.CommitmentUpdate": "an ally's progress note",
    "wagtail_allyship.SentReminder": "a record of a reminder e-mailed to one ally",
    "wagtail_allyship.ReminderDelivery": "one reminder email on its way to one person",
    "wagtail_allyship.NewsletterDelivery": "one newsletter or digest on its way to one person",
    "wagtail_allyship.NewsletterSend": "one send of a newsletter, for all its translations at once",
    "wagtail_allyship.AnnualUpdate": "one unit's own submission for one year",
    "wagtail_allyship.SurveyResponse": "one anonymous set of answers",
    "wagtail_allyship.SurveyParticipation": "a keyed hash saying someone answered",
    "wagtail_allyship.SessionFeedback": "one attendee's answers, kept as given",
    "wagtail_allyship.SessionFeedbackParticipation": "a keyed hash saying someone answered",
    "wagtail_allyship.FeedbackRequest": "one colleague's answer to one ally, in her words",
    "wagtail_allyship.FeedbackBlock": "one person's wish to hear no more from one ally",
    "wagtail_allyship.SessionRegistration": "one person's sign-up for a session",
    "wagtail_allyship.SessionNotice": "one email about a change to a person's sign-up",
    "wagtail_allyship.AllyCircle": "a group of named people, run in the language they share",
    "wagtail_allyship.CircleMembership": "one ally in one circle",
    "wagtail_allyship.CircleRequest": "one ally's request to join a circle",
    "wagtail_allyship.SignPhoto": "one ally's photo with his sign, personal data",
    # Configuration and plumbing.
    "wagtail_allyship.UnitEditorGroup": "which Wagtail group edits which units",
    "wagtail_allyship.ResourceTag": "free keywords, shared by every language",
    "wagtail_allyship.TaggedResource": "the link from a resource to its tags",
    "wagtail_allyship.ResourceLibraryVersion": "a counter that invalidates cached hub pages",
    "wagtail_allyship.SessionSignup": "places and dates of a calendar entry, shared by all of "
    "its translations (the entry holds the words)",
}


# Resolution -------------------------------------------------------------------------


def is_translatable(model) -> bool:
    return issubclass(model, Page | TranslatableMixin)


def tag_through_relations(model) -> set[str]:
    """Names of the child relations that only store the rows of a tag manager."""
    throughs = {
        field.remote_field.through
        for field in model._meta.get_fields()
        if isinstance(field, ClusterTaggableManager)
    }
    return {
        relation.name
        for relation in get_all_child_relations(model)
        if relation.related_model in throughs
    }


def content_fields(model) -> set[str]:
    """Every field and inline relation of ``model`` that holds content of its own."""
    names = set()
    for field in model._meta.concrete_fields + model._meta.many_to_many:
        if field.primary_key or isinstance(field, ParentalKey):
            continue
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        names.add(field.name)
    names.update(relation.name for relation in get_all_child_relations(model))
    names -= tag_through_relations(model)
    names -= TRANSLATION_MACHINERY | INLINE_MACHINERY
    if issubclass(model, Page):
        names -= PAGE_MACHINERY
    return names


def is_reference(model, name: str) -> bool:
    """Whether a translatable field of ``model`` re-points links rather than holding words."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    if isinstance(field, models.ManyToOneRel):
        return issubclass(field.related_model, TranslatableMixin)
    if isinstance(field, models.ForeignKey):
        return issubclass(field.related_model, TranslatableMixin) and not issubclass(
            field.related_model, Page
        )
    if isinstance(field, StreamField):
        return all(
            type(child).__name__ == "SnippetChooserBlock"
            for child in field.stream_block.child_blocks.values()
        )
    return False


def resolve(model) -> dict[str, set[str]]:
    """What wagtail-localize does with each field of ``model``, in the table's terms."""
    resolved = {"translated": set(), "localised": set(), "synchronised": set()}
    for declared in get_translatable_fields(model):
        if isinstance(declared, SynchronizedField):
            resolved["synchronised"].add(declared.field_name)
        elif isinstance(declared, TranslatableField):
            kind = "localised" if is_reference(model, declared.field_name) else "translated"
            resolved[kind].add(declared.field_name)
    return resolved


def expected_for(model) -> dict[str, set[str]]:
    expected = {kind: set(names) for kind, names in EXPECTED[model._meta.label].items()}
    if issubclass(model, Page):
        expected["translated"] |= PAGE_TRANSLATED
        expected["synchronised"] |= PAGE_SYNCHRONISED
    return expected


def problems(model, expected: dict[str, set[str]], managed: set[str] = frozenset()) -> list[str]:
    """Everything that is wrong with ``model``'s translation rules, as readable sentences."""
    found = []
    declared = [f.field_name for f in get_translatable_fields(model)]
    for name in sorted({n for n in declared if declared.count(n) > 1}):
        found.append(f"{name}: declared more than once")
    for name in sorted(set(declared)):
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            found.append(f"{name}: declared but the model has no such field")
    resolved = resolve(model)
    covered = set().union(*resolved.values())
    for name in sorted(content_fields(model) - covered - set(managed)):
        found.append(f"{name}: neither translated nor synchronised")
    for kind in ("translated", "localised", "synchronised"):
        for name in sorted(resolved[kind] - expected[kind]):
            others = [k for k in expected if name in expected[k]]
            told = f"the table says {others[0]}" if others else "the table does not list it"
            found.append(f"{name}: {kind} by wagtail-localize, but {told}")
        for name in sorted(expected[kind] - covered):
            found.append(f"{name}: the table says {kind}, but wagtail-localize does nothing")
    for name in sorted(set(managed) & covered):
        found.append(f"{name}: managed by the package, yet declared for translation")
    return found


# Tests ------------------------------------------------------------------------------


def test_every_model_is_either_translatable_or_deliberately_not():
    labels = {model._meta.label: model for model in apps.get_app_config(APP_LABEL).get_models()}
    unlisted = set(labels) - set(EXPECTED) - set(NOT_TRANSLATABLE)
    assert not unlisted, f"Decide how these models are translated: {sorted(unlisted)}"
    assert not set(EXPECTED) & set(NOT_TRANSLATABLE)
    assert not (set(EXPECTED) | set(NOT_TRANSLATABLE)) - set(labels), "stale entries"
    for label in EXPECTED:
        assert is_translatable(labels[label]), f"{label} is listed as translatable but is not"
    for label in NOT_TRANSLATABLE:
        assert not is_translatable(labels[label]), f"{label} is translatable; add it to EXPECTED"


def test_the_inline_rows_of_translatable_pages_are_translatable_too():
    """A page's inline rows must follow it into each language, or its copy would share them."""
    for model in apps.get_app_config(APP_LABEL).get_models():
        if not issubclass(model, Page):
            continue
        for relation in get_all_child_relations(model):
            if relation.name in tag_through_relations(model) | PAGE_MACHINERY:
                continue
            assert relation.related_model._meta.label in EXPECTED, relation


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_fields_are_translated_or_synchronised_as_the_table_says(label):
    model = apps.get_model(label)
    assert problems(model, expected_for(model), MANAGED.get(label, set())) == []


@pytest.mark.parametrize("label", sorted(MANAGED))
def test_managed_fields_are_out_of_editors_reach(label):
    """wagtail-localize skips fields editors cannot edit; these must stay that way."""
    model = apps.get_model(label)
    for name in MANAGED[label]:
        assert not model._meta.get_field(name).editable, f"{label}.{name} became editable"


#: Field types that never hold words to translate, whatever wagtail-localize would guess.
ALWAYS_SYNCHRONISED_TYPES = (
    models.URLField,
    models.EmailField,
    models.DateField,  # DateTimeField included
    models.TimeField,
    models.BooleanField,
    models.IntegerField,  # every integer size and positive variant
    models.DecimalField,
    models.FloatField,
    models.JSONField,
    models.UUIDField,
    models.FileField,
)


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_urls_dates_numbers_and_choices_are_never_sent_to_translators(label):
    model = apps.get_model(label)
    resolved = resolve(model)
    for name in resolved["translated"] | resolved["localised"]:
        field = model._meta.get_field(name)
        if isinstance(field, models.ManyToOneRel):
            continue
        assert not isinstance(field, ALWAYS_SYNCHRONISED_TYPES), f"{label}.{name}"
        assert not getattr(field, "choices", None), f"{label}.{name} has choices"
        if isinstance(field, models.ForeignKey):
            # Documents, images and pages are the same object in every language.
            assert name in resolved["localised"], f"{label}.{name}"
        if isinstance(field, models.SlugField):
            assert issubclass(model, Page) and name == "slug", f"{label}.{name}"


@pytest.mark.parametrize("label", sorted(EXPECTED))
def test_translated_fields_hold_words(label):
    model = apps.get_model(label)
    for name in resolve(model)["translated"]:
        field = model._meta.get_field(name)
        assert isinstance(field, models.CharField | models.TextField | RichTextField | StreamField)


# The checks themselves can fail ----------------------------------------------------


@isolate_apps(APP_LABEL)
def test_a_new_text_field_without_a_rule_is_reported():
    """What a developer sees when adding a field but not its translation rule."""

    class Leaflet(TranslatableMixin, models.Model):
        title = models.CharField(max_length=100)
        subtitle = models.CharField(max_length=100, blank=True)
        handout_url = models.URLField(blank=True)
        printed_on = models.DateField(null=True)

        translatable_fields = [
            TranslatableField("title"),
            TranslatableField("handout_url"),
            SynchronizedField("title"),
        ]

        class Meta(TranslatableMixin.Meta):
            app_label = APP_LABEL

        def __str__(self) -> str:
            return self.title

    expected = {"translated": {"title"}, "localised": set(), "synchronised": {"handout_url"}}
    found = problems(Leaflet, expected)
    assert "title: declared more than once" in found
    assert "subtitle: neither translated nor synchronised" in found
    assert "printed_on: neither translated nor synchronised" in found
    assert "handout_url: translated by wagtail-localize, but the table says synchronised" in found
    assert "title: synchronised by wagtail-localize, but the table says translated" in found


@isolate_apps(APP_LABEL)
def test_a_declaration_naming_a_missing_field_is_reported():
    class Flyer(TranslatableMixin, models.Model):
        title = models.CharField(max_length=100)

        translatable_fields = [TranslatableField("title"), TranslatableField("titel")]

        class Meta(TranslatableMixin.Meta):
            app_label = APP_LABEL

        def __str__(self) -> str:
            return self.title

    expected = {"translated": {"title"}, "localised": set(), "synchronised": set()}
    assert problems(Flyer, expected) == [
        "titel: declared but the model has no such field",
        "titel: translated by wagtail-localize, but the table does not list it",
    ]
