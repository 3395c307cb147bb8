"""factory-boy factories for the package's models and the users that act on them."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale, Page

from wagtail_allyship.calendar.models import AwarenessDate, AwarenessDateKind
from wagtail_allyship.calendar.pages import CalendarPage
from wagtail_allyship.models import (
    ActionKind,
    AllyAction,
    AllyRegistration,
    AllyRoleProfilePage,
    AnnualReportPage,
    AnnualUpdate,
    AnnualUpdateStatus,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    CommitmentUpdate,
    FeedbackRequest,
    FeedbackState,
    FeedbackSurveyPage,
    GlossaryPage,
    GlossaryTerm,
    MyAllyshipPage,
    OrganisationUnit,
    Pledge,
    PledgePage,
    PledgeWallPage,
    ProgrammeHomePage,
    ProgrammeUpdatePage,
    RecruitmentArticlePage,
    SurveyQuestion,
    UnitKind,
    Visibility,
)
from wagtail_allyship.pledges.models import current_programme_year
from wagtail_allyship.resources.hub import ResourceHubPage
from wagtail_allyship.resources.models import ResourcePage, ResourceTopic, ResourceType
from wagtail_allyship.stories.models import (
    GoodPracticeIndexPage,
    GoodPracticeStoryPage,
    GoodPracticeStoryTopic,
)
from wagtail_allyship.topics.models import Topic


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    password = factory.django.Password("password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        """``UserFactory(permissions=["wagtailadmin.access_admin", ...])``."""
        for name in extracted or ():
            app_label, codename = name.split(".")
            self.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class SuperuserFactory(UserFactory):
    is_superuser = True
    is_staff = True


class GroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")

    class Meta:
        model = Group


#: Wagtail's page permissions an editors' group gets from the root of the tree.
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]


def admin_group(name: str, codenames=(), pages: bool = False, units=()) -> Group:
    """A group with admin access and ``codenames``; page rights everywhere, bound to ``units``."""
    from wagtail.models import GroupPagePermission

    from wagtail_allyship.models import UnitEditorGroup

    group = GroupFactory(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    if pages:
        root = Page.get_first_root_node()
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
    if units:
        UnitEditorGroup.objects.create(group=group).units.add(*units)
    return group


class OrganisationUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Unit {n}")
    short_name = factory.Sequence(lambda n: f"U{n}")
    kind = UnitKind.FORCE
    contact_name = "Jo Contact"
    contact_email = factory.Sequence(lambda n: f"allies{n}@example.org")
    sign_up_url = "https://intranet.example.org/allies/sign-up/"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = OrganisationUnit


class AllyActionFactory(factory.django.DjangoModelFactory):
    kind = ActionKind.EVERYDAY
    title = factory.Sequence(lambda n: f"Action {n}")
    description = "Something an ally does, described in a sentence."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AllyAction


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Term {n}")
    definition = "<p>What the term means.</p>"
    source_title = "A public source"
    source_url = "https://www.example.org/source"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = GlossaryTerm


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under ``parent`` (the site's root page by default) and publishes it."""

    title = factory.Sequence(lambda n: f"Page {n}")

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        parent = parent or Page.objects.get(depth=2, locale=Locale.get_default())
        kwargs.setdefault("live", publish)
        page = parent.add_child(instance=cls._instance(model_class, **kwargs))
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page

    @classmethod
    def _instance(cls, model_class, **kwargs):
        """The unsaved page; factories of pages with inline children add them here."""
        return model_class(**kwargs)


class AllyRoleProfilePageFactory(PageFactory):
    title = "Ally role profile"

    class Meta:
        model = AllyRoleProfilePage


class ProgrammeHomePageFactory(PageFactory):
    title = "Allies at work"

    class Meta:
        model = ProgrammeHomePage


class GlossaryPageFactory(PageFactory):
    title = "Glossary"

    class Meta:
        model = GlossaryPage


class RecruitmentArticlePageFactory(PageFactory):
    title = "Could you be an ally in [FORCE NAME]?"
    body = factory.LazyFunction(
        lambda: [
            ("rich_text", "<p>Join the allies of [FORCE NAME] today.</p>"),
            (
                "call_to_action",
                {"label": "Sign up in [FORCE NAME]", "link": "[SIGN-UP LINK]", "text": ""},
            ),
            ("contact", {"heading": "", "text": "", "show_unit_contact": True}),
        ]
    )

    class Meta:
        model = RecruitmentArticlePage


# Pledges ------------------------------------------------------------------------------


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class AllyRegistrationFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(OrganisationUnitFactory)
    role = "Police constable"
    consent_to_contact = True

    class Meta:
        model = AllyRegistration


class PledgeFactory(factory.django.DjangoModelFactory):
    """A published pledge of this programme year; ``PledgeFactory(commitments=3)`` adds some."""

    user = factory.SubFactory(UserFactory)
    programme_year = factory.LazyFunction(current_programme_year)
    visibility = Visibility.PUBLISHED
    published_consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Pledge
        skip_postgeneration_save = True

    @factory.post_generation
    def commitments(self, create, extracted, **kwargs):
        for position in range(1, (extracted or 0) + 1):
            CommitmentFactory(pledge=self, position=position, **kwargs)


class CommitmentFactory(factory.django.DjangoModelFactory):
    pledge = factory.SubFactory(PledgeFactory)
    position = 1
    kind = CommitmentKind.PERSONAL
    text = factory.Sequence(lambda n: f"Mentor a colleague through promotion, commitment {n}")
    kpi = "One mentoring meeting a month"
    deadline = factory.LazyFunction(lambda: in_days(90))
    plan_what = "Find a mentee through the network"
    plan_how = "Monthly meetings, notes shared"
    plan_who = "Me, my mentee and the network lead"
    plan_when = "First meeting within a month"

    class Meta:
        model = Commitment


class CommitmentUpdateFactory(factory.django.DjangoModelFactory):
    commitment = factory.SubFactory(CommitmentFactory)
    status = CommitmentStatus.IN_PROGRESS
    note = "First meeting held."
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = CommitmentUpdate


class PledgePageFactory(PageFactory):
    title = "Make your pledge"
    introduction = "<p>Choose up to three things you will do this year.</p>"

    class Meta:
        model = PledgePage


class PledgeWallPageFactory(PageFactory):
    title = "Pledge wall"

    class Meta:
        model = PledgeWallPage


class MyAllyshipPageFactory(PageFactory):
    title = "My allyship"

    class Meta:
        model = MyAllyshipPage


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    description = "What the topic covers."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class AwarenessDateFactory(factory.django.DjangoModelFactory):
    """A yearly date (8 March by default); pass ``kind`` and event fields for one-off entries."""

    kind = AwarenessDateKind.YEARLY
    title = factory.Sequence(lambda n: f"Awareness day {n}")
    description = "Why the day matters and how allies can mark it."
    month = 3
    day = 8
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = AwarenessDate


class EventFactory(AwarenessDateFactory):
    """A one-off timed event, two weeks from today, in London."""

    kind = AwarenessDateKind.EVENT
    title = factory.Sequence(lambda n: f"Event {n}")
    month = None
    day = None
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    start_time = datetime.time(12, 30)
    end_time = datetime.time(13, 30)
    time_zone = "Europe/London"
    location = "Training room 2, Head office"


class SessionFactory(EventFactory):
    """A good-practice session: a one-off online event on a theme."""

    kind = AwarenessDateKind.SESSION
    title = factory.Sequence(lambda n: f"Good-practice session {n}")
    topic = factory.SubFactory(TopicFactory)
    location = ""
    online_link = "https://meet.example.org/good-practice"


class CalendarPageFactory(PageFactory):
    title = "Allyship calendar"

    class Meta:
        model = CalendarPage


class GoodPracticeIndexPageFactory(PageFactory):
    title = "Good-practice stories"

    class Meta:
        model = GoodPracticeIndexPage


class GoodPracticeStoryPageFactory(PageFactory):
    """A story; ``parent`` must be a story index. ``topics=[...]`` links topics to it."""

    title = factory.Sequence(lambda n: f"Story {n}")
    organisation_name = "Northshire Police"
    date = factory.LazyFunction(timezone.localdate)
    summary = "What the team did, and what changed."
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>How it started.</p>"),
            ("quote", {"text": "It changed how we run meetings.", "attribution": "An ally"}),
        ]
    )

    class Meta:
        model = GoodPracticeStoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        for order, topic in enumerate(extracted or ()):
            GoodPracticeStoryTopic.objects.create(
                page=self, topic=topic, sort_order=order, locale_id=self.locale_id
            )


class ProgrammeUpdatePageFactory(PageFactory):
    """A programme update (newsletter) with a paragraph and a call to action."""

    title = factory.Sequence(lambda n: f"Programme update {n}")
    intro = "What happened in the programme this quarter."
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>Forty new allies signed up.</p>"),
            ("quote", {"text": "Small actions add up.", "attribution": "A coordinator"}),
        ]
    )

    class Meta:
        model = ProgrammeUpdatePage


class ResourceHubPageFactory(PageFactory):
    title = "Resource hub"

    class Meta:
        model = ResourceHubPage


class ResourcePageFactory(PageFactory):
    """A resource; ``parent`` must be a hub. ``topics=[...]`` and ``tags=[...]`` are linked."""

    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = "What the resource is for."
    resource_type = ResourceType.LINK
    external_url = "https://learning.example.org/course"

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, topics=(), tags=(), **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        for order, topic in enumerate(topics):
            ResourceTopic.objects.create(
                page=page, topic=topic, sort_order=order, locale_id=page.locale_id
            )
        if tags:
            page.tags.add(*tags)
            page.save()
            page.save_revision().publish()
            page.refresh_from_db()
        return page


class AnnualUpdateFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(OrganisationUnitFactory)
    year = factory.LazyFunction(current_programme_year)
    title = factory.Sequence(lambda n: f"What unit {n} is doing")
    body = "<p>Monthly listening sessions with the leadership team.</p>"
    status = AnnualUpdateStatus.APPROVED

    class Meta:
        model = AnnualUpdate


class AnnualReportPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Annual report {n}")
    year = factory.LazyFunction(current_programme_year)
    introduction = "<p>What the year was about.</p>"

    class Meta:
        model = AnnualReportPage


class FeedbackSurveyPageFactory(PageFactory):
    """A survey; ``questions=[(label, field_type, choices), ...]`` are added before publishing."""

    title = factory.Sequence(lambda n: f"Ally survey {n}")
    introduction = "<p>Answers are anonymous.</p>"
    thank_you_text = "<p>Thank you.</p>"

    class Meta:
        model = FeedbackSurveyPage

    @classmethod
    def _instance(cls, model_class, questions=None, **kwargs):
        page = model_class(**kwargs)
        questions = questions if questions is not None else DEFAULT_SURVEY_QUESTIONS
        for order, (label, field_type, choices) in enumerate(questions):
            page.form_fields.add(
                SurveyQuestion(
                    label=label,
                    field_type=field_type,
                    choices=choices,
                    required=field_type != "multiline",
                    sort_order=order,
                )
            )
        return page


#: A scale, a choice and a free-text question.
DEFAULT_SURVEY_QUESTIONS = [
    ("How confident do you feel calling out sexism?", "scale", ""),
    ("Which activity helped most?", "radio", "Mentoring\nListening sessions\nTraining"),
    ("What should the programme do next?", "multiline", ""),
]


# Retention ----------------------------------------------------------------------------


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    """An anonymous response; ``month`` is the first day of the month it was given in."""

    page = factory.SubFactory(FeedbackSurveyPageFactory)
    form_data = factory.LazyFunction(lambda: {"how_confident_do_you_feel_calling_out_sexism": 4})
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))

    class Meta:
        model = "wagtail_allyship.SurveyResponse"


# Form data ------------------------------------------------------------------------------


def commitment_data(**overrides) -> dict:
    """One commitment of the pledge form, as a person fills it in."""
    return {
        "kind": "personal",
        "text": "Mentor a woman colleague through her promotion board",
        "kpi": "Six mentoring sessions held",
        "deadline": in_days(120).isoformat(),
        "plan_what": "Find a mentee through the network",
        "plan_how": "A meeting every month",
        "plan_who": "Me and my mentee",
        "plan_when": "First meeting by next month",
        **overrides,
    }


def pledge_data(
    commitments: list[dict],
    *,
    visibility: str = "published",
    consent: bool = True,
    pledge_id: str = "",
    initial: int = 0,
    total: int = 3,
) -> dict:
    """The pledge form's POST data: its options and one block of fields per commitment."""
    data = {
        "pledge_id": pledge_id,
        "visibility": visibility,
        "commitments-TOTAL_FORMS": str(total),
        "commitments-INITIAL_FORMS": str(initial),
        "commitments-MIN_NUM_FORMS": "0",
        "commitments-MAX_NUM_FORMS": "3",
    }
    if consent:
        data["consent"] = "on"
    for index, values in enumerate(commitments):
        for name, value in values.items():
            if value is not None:
                data[f"commitments-{index}-{name}"] = value
    return data


class FeedbackRequestFactory(factory.django.DjangoModelFactory):
    """A request to a named colleague, this programme year, waiting for an answer."""

    ally = factory.SubFactory(UserFactory)
    colleague = factory.SubFactory(UserFactory)
    programme_year = factory.LazyFunction(current_programme_year)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))

    class Meta:
        model = FeedbackRequest


def answered(request, text="He backed my proposal in the board meeting.", **fields):
    """Mark ``request`` answered with ``text``."""
    request.state = FeedbackState.ANSWERED
    request.text = text
    request.answered_at = timezone.now()
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()
    return request
