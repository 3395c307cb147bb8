"""Personal data behind one guard, on every surface: the URL resolver is walked, not a list kept.

Every admin and API route is requested by an editor who holds every permission of the site
but the registry's (so is no coordinator): routes that take no argument, and routes whose
arguments can name one of the personal models (by app and model name, by content type, or by
an object of a model's own admin views). None may show a word of the personal data, and every
route that names a personal model must be refused by the guard (403). A surface added later,
by Wagtail, wagtail-localize or this package, is walked the same way.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    CommitmentUpdateFactory,
    FeedbackRequestFactory,
    FeedbackSurveyPageFactory,
    MyAllyshipPageFactory,
    PledgeFactory,
    PledgePageFactory,
    PledgeWallPageFactory,
    SessionFactory,
    SurveyResponseFactory,
    UserFactory,
    admin_group,
    answered,
)
from wagtail_allyship.access.personal import (
    PERSONAL_DATA,
    is_personal,
    personal_data_refusal,
    personal_models,
)
from wagtail_allyship.models import (
    AllyCircle,
    CircleMembership,
    CircleRequest,
    DeliveryKind,
    DeliveryStatus,
    FeedbackBlock,
    NewsletterDelivery,
    ReminderDelivery,
    ReminderKind,
    SentReminder,
    SignPhoto,
    SurveyParticipation,
    Visibility,
)
from wagtail_allyship.session_feedback.models import SessionFeedback, SessionFeedbackParticipation
from wagtail_allyship.session_feedback.models import respondent_key as session_respondent_key
from wagtail_allyship.sessions.models import (
    SessionNotice,
    SessionRegistration,
    SessionSignup,
    SignupStatus,
)
from wagtail_allyship.survey.models import respondent_key

pytestmark = pytest.mark.django_db

#: Words that appear only in the personal data made below.
MARKERS = (
    "Zebedee",
    "Quixotic-Marker",
    "marker-commitment",
    "marker-progress",
    "marker-answer",
    "marker-feedback",
    "marker-error",
)

#: Parameters that name an object; filled with the personal object of the route's model.
OBJECT_PARAMETERS = ("pk", "id", "object_id", "instance_id")

#: Routes that are not surfaces of data: log-out, the language switch, and Wagtail's route
#: that fails on purpose to show its error page.
NOT_SURFACES = re.compile(r"logout|set_language|error_test")


def walk(patterns, prefix="", namespace=""):
    """Every named route: (full name, the names of its arguments)."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            regex = entry.pattern.regex
            if regex.groups > len(regex.groupindex):
                continue  # positional arguments: none of them names a model
            route = prefix + str(entry.pattern)
            yield f"{namespace}{entry.name}", route, set(regex.groupindex)


@pytest.fixture
def personal(locales):
    """One ally's data of every kind, private, in words found nowhere else."""
    registration = AllyRegistrationFactory(
        user=UserFactory(username="zebedee", first_name="Zebedee", last_name="Quixotic-Marker"),
        role="marker-role",
    )
    pledge = PledgeFactory(user=registration.user, visibility=Visibility.PRIVATE)
    commitment = CommitmentFactory(pledge=pledge, text="marker-commitment to mentor")
    CommitmentUpdateFactory(commitment=commitment, note="marker-progress made")
    SentReminder.objects.create(
        user=registration.user,
        commitment=commitment,
        kind=ReminderKind.DUE_SOON,
        for_date=commitment.deadline,
    )
    ReminderDelivery.objects.create(
        user=registration.user,
        kind=DeliveryKind.ALLY,
        for_date=commitment.deadline,
        status=DeliveryStatus.FAILED,
        last_error="marker-error from the mail server",
    )
    NewsletterDelivery.objects.create(
        user=registration.user,
        kind="digest",
        language="en",
        for_date=commitment.deadline,
        status=DeliveryStatus.FAILED,
        last_error="marker-error from the mail server, digest",
    )
    survey = FeedbackSurveyPageFactory(slug="survey")
    SurveyParticipation.objects.create(
        survey_key=survey.translation_key, respondent=respondent_key(survey, registration.user)
    )
    SurveyResponseFactory(page=survey, form_data={"what_would_help": "marker-answer given"})
    # Feedback a colleague wrote and did not agree to show: nobody but the two may read it.
    colleague = UserFactory(username="colleague-of-zebedee")
    answered(
        FeedbackRequestFactory(ally=registration.user, colleague=colleague),
        text="marker-feedback of support",
        commitment=commitment,
    )
    FeedbackBlock.objects.create(person=colleague, ally=registration.user)
    signup = SessionSignup.objects.create(entry=SessionFactory(), places=3)
    booking = SessionRegistration.objects.create(
        signup=signup, user=registration.user, status=SignupStatus.PLACE, attended=True
    )
    SessionNotice.objects.create(
        registration=booking, kind="moved_up", last_error="marker-error of a session email"
    )
    SessionFeedbackParticipation.objects.create(
        signup=signup, respondent=session_respondent_key(signup, registration.user)
    )
    SessionFeedback.objects.create(signup=signup, answers={"better": "marker-session answer"})
    # An ally circle he is in and asked to join (its name is not personal: allies see the
    # open circles listed; who is in it is).
    circle = AllyCircle.objects.create(name="Circle of the walk", facilitator=colleague)
    CircleMembership.objects.create(circle=circle, user=registration.user, how="placed")
    CircleRequest.objects.create(circle=circle, user=registration.user, status="accepted")
    # A photo with the sign, waiting for approval (files named, never opened for a refusal).
    SignPhoto.objects.create(
        pledge=pledge,
        consent_at=pledge.created_at,
        image="allyship/sign-photos/marker.jpg",
        wall_image="allyship/sign-photos/marker-wall.jpg",
    )
    PledgePageFactory(slug="pledge")
    PledgeWallPageFactory(slug="wall")
    MyAllyshipPageFactory(slug="mine")
    return {
        model._meta.label_lower: model.objects.order_by("pk").first() for model in personal_models()
    }


@pytest.fixture
def editor():
    """Every permission of the site except the registry's: an editor, not a coordinator.

    Nor the host's user administration, whose lists name every member of staff anyway.
    """
    user = UserFactory(username="over-privileged-editor")
    user.user_permissions.set(
        Permission.objects.exclude(codename__endswith="_allyregistration").exclude(
            content_type__app_label="auth"
        )
    )
    user.groups.add(admin_group("Editors of every page", pages=True))
    return user


def requests_for(name, argument_names, personal):
    """The URLs of one route that could reach personal data, each with the model it names."""
    if NOT_SURFACES.search(name):
        return
    if not argument_names:
        flat = name.replace(":", "_")
        owner = next((label for label in personal if label.replace(".", "_") in flat), None)
        yield reverse(name), owner
        return
    for label, instance in personal.items():
        app_label, model_name = label.split(".")
        candidates = {
            "app_label": app_label,
            "model_name": model_name,
            "content_type_id": ContentType.objects.get_for_model(instance).pk,
            "type": type(instance)._meta.label,  # Wagtail's API v3
        }
        for parameter in OBJECT_PARAMETERS:
            candidates[parameter] = instance.pk
        candidates["action"] = "delete"  # bulk actions
        kwargs = {key: value for key, value in candidates.items() if key in argument_names}
        if set(kwargs) != argument_names:
            continue
        names_model = {"app_label", "model_name"} <= argument_names or bool(
            {"content_type_id", "type"} & argument_names
        )
        route_of_model = model_name in name.replace(":", "_")
        if not (names_model or route_of_model):
            continue
        try:
            yield reverse(name, kwargs=kwargs), label
        except NoReverseMatch:
            continue


def test_every_route_that_can_reach_personal_data_is_refused_or_shows_none(personal, editor):
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    routes = list(walk(get_resolver().url_patterns))
    assert len(routes) > 300, "the walk should see Wagtail's, wagtail-localize's and ours"
    leaks, unguarded, failures, guarded = [], [], [], []
    for name, _route, arguments in routes:
        if not (_route.startswith(("admin/", "api/")) or "allyship" in name):
            continue
        for url, label in requests_for(name, arguments, personal):
            response = client.get(url)
            body = response.content.decode(errors="replace")
            if response.status_code >= 500:
                failures.append((url, response.status_code))
            if any(marker in body for marker in MARKERS):
                leaks.append(url)
            if label is not None:
                if response.status_code != 403:
                    unguarded.append((url, response.status_code))
                else:
                    guarded.append(url)
    assert leaks == []
    assert unguarded == []
    assert failures == [], failures
    # The guard answered for Wagtail's snippet views, its choosers and bulk actions, and for
    # wagtail-localize's snippet API: the surfaces of the first audit.
    assert any("/localize/api/snippets/wagtail_allyship/allyregistration/" in u for u in guarded)
    assert "/admin/snippets/wagtail_allyship/allyregistration/" in guarded
    assert "/admin/snippets/choose/wagtail_allyship/allyregistration/" in guarded
    if settings.WAGTAIL_API_V3:
        assert "/api/v3/snippets/wagtail_allyship.AllyRegistration/" in guarded
    assert any("/bulk/wagtail_allyship/" in u for u in guarded), guarded
    # The queue of photos with the sign, and each photo's file, are the coordinators' only.
    assert "/admin/allyship/sign-photos/" in guarded
    assert any(u.endswith("/image/") and "/sign-photos/" in u for u in guarded), guarded


@pytest.mark.parametrize("path", ["", "3/"])
def test_localize_snippet_api_lists_no_ally_to_a_local_editor(personal, editor, path):
    """The audit's first finding: wagtail-localize's chooser API named every ally."""
    client = Client()
    client.force_login(editor)
    base = "/admin/localize/api/snippets/wagtail_allyship/allyregistration/"
    registration = personal["wagtail_allyship.allyregistration"]
    response = client.get(base + (f"{registration.pk}/" if path else ""))
    assert response.status_code == 403
    assert "Zebedee" not in response.content.decode()


def test_coordinators_still_reach_the_registry(personal, coordinator_client):
    registration = personal["wagtail_allyship.allyregistration"]
    response = coordinator_client.get(
        f"/admin/localize/api/snippets/wagtail_allyship/allyregistration/{registration.pk}/"
    )
    assert response.status_code == 200
    assert "Zebedee" in response.content.decode()


def test_survey_answers_are_refused_even_to_coordinators(personal, coordinator):
    assert personal_data_refusal(coordinator, "wagtail_allyship.surveyresponse")
    assert personal_data_refusal(coordinator, "wagtail_allyship.allyregistration") is None


def test_previews_of_personal_pages_show_only_the_previewer(personal, editor):
    """An editor previewing the pledge wall or My allyship sees no one's private data."""
    client = Client()
    client.force_login(editor)
    for page in Page.objects.filter(slug__in=["pledge", "wall", "mine"]):
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code == 200
        assert not any(marker in response.content.decode() for marker in MARKERS), page


def test_no_personal_model_is_translatable():
    """wagtail-localize's string tables would keep the text of a translated model."""
    from wagtail.models import TranslatableMixin

    for model in personal_models():
        assert not issubclass(model, TranslatableMixin), model
        assert not hasattr(model, "translatable_fields"), model


def test_the_list_names_installed_models_only():
    assert len(personal_models()) == len(PERSONAL_DATA)
    assert all(is_personal(model) for model in personal_models())


def test_the_audit_logs_description_of_a_registration_is_for_coordinators(
    personal, editor, coordinator
):
    """Editing a registration logs its name; the site history shows it to coordinators only."""
    from wagtail.log_actions import log

    registration = personal["wagtail_allyship.allyregistration"]
    log(registration, "wagtail.edit", user=coordinator)
    for user, sees in ((editor, False), (coordinator, True)):
        client = Client()
        client.force_login(user)
        body = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
        assert ("Zebedee" in body) is sees, user
