"""Recruitment articles: templates, local versions, placeholders, translations and video."""

from __future__ import annotations

import datetime
import io
import logging
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import (
    GroupFactory,
    OrganisationUnitFactory,
    RecruitmentArticlePageFactory,
    UserFactory,
)
from tests.offline import network_off  # noqa: F401  (fixture)
from wagtail_allyship.conf import setting_errors
from wagtail_allyship.content.blocks import CallToActionBlock, find_embed
from wagtail_allyship.models import RecruitmentArticlePage
from wagtail_allyship.recruitment.tokens import token_sources, unit_values
from wagtail_allyship.translations.translate import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def offline(request):
    """No test in this module may reach another machine (a database on loopback is fine)."""
    request.getfixturevalue("network_off")
    cache.clear()
    yield
    cache.clear()


class FailingFinder:
    """An embed finder for an intranet that cannot reach the video site."""

    calls = 0

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        FailingFinder.calls += 1
        raise EmbedNotFoundException("provider unreachable")


class WorkingFinder:
    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "A video",
            "author_name": "",
            "provider_name": "Example video",
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": f'<iframe title="player" src="https://video.example/embed?{url[-1]}"></iframe>',
        }


def finders(*found):
    return mock.patch("wagtail.embeds.embeds.get_finders", return_value=list(found))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def local_version_url(page):
    return reverse("wagtail_allyship_recruitment:create_local_version", args=[page.pk])


def page_form(page=None, **fields):
    data = {
        "title": fields.pop("title", page.title if page else "Join us in [FORCE NAME]"),
        "slug": fields.pop("slug", page.slug if page else "join-us"),
        "unit": fields.pop("unit", ""),
        "body": streamfield(
            fields.pop(
                "body",
                [("rich_text", rich_text("<p>Talk to [CONTACT NAME] in [FORCE NAME].</p>"))],
            )
        ),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2)


@pytest.fixture
def unit(db):
    return OrganisationUnitFactory(
        name="Essex Police",
        short_name="EP",
        contact_name="Jo Bloggs",
        contact_email="allies@essex.example.org",
        sign_up_url="https://intranet.example.org/essex/join/",
    )


@pytest.fixture
def template(home):
    return RecruitmentArticlePageFactory(parent=home, slug="template")


class TestRendering:
    def test_template_highlights_its_tokens(self, client, superuser, template):
        client.force_login(superuser)
        html = client.get(template.url).content.decode()
        assert '<h1><mark class="allyship-placeholder">' not in html
        assert (
            'Could you be an ally in <mark class="allyship-placeholder">[FORCE NAME]</mark>?'
            in (html)
        )
        assert "This is a template." in html
        assert '<mark class="allyship-placeholder">[CONTACT EMAIL]</mark>' in html
        # A link with an unfilled token is no link.
        assert 'href="[SIGN-UP LINK]"' not in html

    def test_local_version_fills_tokens(self, admin_client, home, unit):
        page = RecruitmentArticlePageFactory(parent=home, unit=unit)
        html = admin_client.get(page.url).content.decode()
        assert "Could you be an ally in Essex Police?" in html
        assert "Join the allies of Essex Police today." in html
        assert 'href="https://intranet.example.org/essex/join/">Sign up in Essex Police</a>' in html
        assert '<a href="mailto:allies@essex.example.org">allies@essex.example.org</a>' in html
        assert "Jo Bloggs" in html
        assert "allyship-placeholder" not in html
        assert "<title>Could you be an ally in Essex Police?</title>" in html

    def test_local_version_stores_its_title_filled(self, home, unit):
        page = RecruitmentArticlePageFactory(parent=home, unit=unit, title="Allies of [FORCE NAME]")
        page.refresh_from_db()
        assert page.title == "Allies of Essex Police"
        template = RecruitmentArticlePageFactory(parent=home, title="Allies of [FORCE NAME]")
        template.refresh_from_db()
        assert template.title == "Allies of [FORCE NAME]"

    def test_values_are_escaped_everywhere(self, admin_client, home):
        unit = OrganisationUnitFactory(name="<script>alert(1)</script>", contact_name="A & B")
        page = RecruitmentArticlePageFactory(parent=home, unit=unit)
        html = admin_client.get(page.url).content.decode()
        assert "<script>alert(1)</script>" not in html
        escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        assert f"<h1>Could you be an ally in {escaped}?</h1>" in html
        assert f"Join the allies of {escaped} today." in html
        assert f"Sign up in {escaped}</a>" in html
        assert "A &amp; B" in html

    def test_unfilled_value_stays_visible(self, admin_client, home):
        """A unit that loses a value after its page went live: the token shows, not a gap."""
        unit = OrganisationUnitFactory()
        page = RecruitmentArticlePageFactory(parent=home, unit=unit)
        unit.contact_email = ""
        unit.save()
        html = admin_client.get(page.url).content.decode()
        assert "[CONTACT EMAIL]" in html
        assert "mailto:" not in html

    @override_settings(
        WAGTAIL_ALLYSHIP={"EXTRA_PLACEHOLDERS": {"REGION": "parent", "SHOUT": f"{__name__}.shout"}}
    )
    def test_extra_tokens_from_settings(self, admin_client, home):
        region = OrganisationUnitFactory(name="Eastern Region")
        unit = OrganisationUnitFactory(name="Kent Police", parent=region)
        assert set(token_sources()) >= {"FORCE NAME", "REGION", "SHOUT"}
        assert unit_values(unit)["REGION"] == "Eastern Region"
        page = RecruitmentArticlePageFactory(
            parent=home,
            unit=unit,
            title="[SHOUT] in [REGION]",
            body=[("rich_text", "<p>[FORCE NAME] is part of [REGION].</p>")],
        )
        html = admin_client.get(page.url).content.decode()
        assert "KENT POLICE in Eastern Region" in html
        assert "Kent Police is part of Eastern Region." in html

    def test_bad_extra_token_setting_is_refused(self):
        with override_settings(WAGTAIL_ALLYSHIP={"EXTRA_PLACEHOLDERS": {"Region": "parent"}}):
            assert any("EXTRA_PLACEHOLDERS" in error for error in setting_errors())
        with override_settings(WAGTAIL_ALLYSHIP={"EXTRA_PLACEHOLDERS": {"REGION": "a b"}}):
            assert any("EXTRA_PLACEHOLDERS" in error for error in setting_errors())

    def test_queries_do_not_grow_with_blocks(self, admin_client, home, unit):
        counts = []
        for size in (5, 50):
            body = []
            for index in range(size):
                body.append(("rich_text", f"<p>Paragraph {index} of [FORCE NAME].</p>"))
                body.append(
                    (
                        "video",
                        {
                            "url": f"https://video.example/watch/{size}-{index}",
                            "title": f"Video {index}",
                            "transcript": "",
                        },
                    )
                )
                body.append(("call_to_action", {"label": "Join", "link": "[SIGN-UP LINK]"}))
                body.append(("contact", {"heading": "", "text": "", "show_unit_contact": True}))
            page = RecruitmentArticlePageFactory(
                parent=home, unit=unit, slug=f"size-{size}", body=body
            )
            with finders(FailingFinder()):
                assert admin_client.get(page.url).status_code == 200  # the embeds fail once
                with CaptureQueriesContext(connection) as queries:
                    response = admin_client.get(page.url)
            assert response.status_code == 200
            assert response.content.decode().count("Watch the video:") == size
            counts.append(len(queries))
        assert counts[0] == counts[1], counts

    def test_queries_with_cached_embeds(
        self, admin_client, home, unit, django_assert_max_num_queries
    ):
        for size in (5, 50):
            body = [
                ("video", {"url": f"https://video.example/v/{size}-{i}", "title": f"V{i}"})
                for i in range(size)
            ]
            page = RecruitmentArticlePageFactory(parent=home, unit=unit, slug=f"v{size}", body=body)
            with finders(WorkingFinder()):
                admin_client.get(page.url)
                # One more than a plain page: who the viewer is, for the sign-up button.
                with django_assert_max_num_queries(13):
                    response = admin_client.get(page.url)
            assert response.content.decode().count("<iframe") == size


class TestVideo:
    def video_page(self, home, unit):
        return RecruitmentArticlePageFactory(
            parent=home,
            unit=unit,
            body=[
                (
                    "video",
                    {
                        "url": "https://www.youtube.com/watch?v=abc",
                        "title": "Why allies matter in [FORCE NAME]",
                        "transcript": "Hello.\n\nWe need you.",
                    },
                )
            ],
        )

    def test_link_when_provider_unreachable(self, admin_client, home, unit):
        page = self.video_page(home, unit)
        with finders(FailingFinder()):
            response = admin_client.get(page.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert (
            'Watch the video: <a href="https://www.youtube.com/watch?v=abc">'
            "Why allies matter in Essex Police</a>" in html
        )
        assert "<iframe" not in html
        assert "<p>We need you.</p>" in html

    def test_link_when_network_is_off_with_real_finders(self, admin_client, home, unit):
        """Wagtail's own oEmbed finder, with no network at all, still gives a page."""
        page = self.video_page(home, unit)
        response = admin_client.get(page.url)
        assert response.status_code == 200
        assert "Watch the video:" in response.content.decode()

    def test_embed_when_provider_answers(self, admin_client, home, unit):
        page = self.video_page(home, unit)
        with finders(WorkingFinder()):
            html = admin_client.get(page.url).content.decode()
        assert '<iframe title="player"' in html
        assert "Watch the video:" not in html
        assert Embed.objects.filter(url="https://www.youtube.com/watch?v=abc").exists()

    def test_failure_is_remembered(self):
        FailingFinder.calls = 0
        with finders(FailingFinder()):
            assert find_embed("https://video.example/x") is None
            assert find_embed("https://video.example/x") is None
        assert FailingFinder.calls == 1

    def test_unexpected_errors_do_not_break_the_page(self):
        class Broken(FailingFinder):
            def find_embed(self, url, max_width=None, max_height=None):
                raise TimeoutError("read timed out")

        with finders(Broken()):
            assert find_embed("https://video.example/y") is None


class TestValidation:
    def test_unknown_token_names_it_and_the_valid_ones(self, home):
        page = RecruitmentArticlePage(
            title="Join [FORCE NAM]",
            slug="x",
            body=[("rich_text", "<p>Ask [CONTACT NAM] or [CONTACT NAME]</p>")],
        )
        with pytest.raises(ValidationError) as error:
            home.add_child(instance=page)
        messages = error.value.message_dict
        assert "[FORCE NAM]" in messages["title"][0]
        assert "[CONTACT NAM]" in messages["body"][0]
        for valid in ("[FORCE NAME]", "[ORGANISATION]", "[SIGN-UP LINK]", "[UNIT SHORT NAME]"):
            assert valid in messages["title"][0]

    def test_unknown_token_in_admin_saves_nothing(self, admin_client, home):
        url = reverse(
            "wagtailadmin_pages:add", args=("wagtail_allyship", "recruitmentarticlepage", home.pk)
        )
        response = admin_client.post(
            url,
            page_form(
                body=[
                    (
                        "call_to_action",
                        {
                            "label": "Join [FORCE NAM]",
                            "link": "[SIGN-UP LINK]",
                            "page": "",
                            "text": "",
                        },
                    )
                ]
            ),
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "[FORCE NAM]" in str(errors["body"])
        assert not RecruitmentArticlePage.objects.exists()

    def test_unknown_token_message_is_translated(self, admin_client, home):
        url = reverse(
            "wagtailadmin_pages:add", args=("wagtail_allyship", "recruitmentarticlepage", home.pk)
        )
        with mock.patch("wagtail_allyship.recruitment.tokens.ngettext") as ngettext:
            ngettext.return_value = "Espace réservé inconnu %(tokens)s (%(known)s)"
            response = admin_client.post(url, page_form(title="Rejoignez [FORCE NAM]"))
        assert "Espace réservé inconnu [FORCE NAM]" in str(response.context["form"].errors["title"])

    def test_call_to_action_link_must_be_a_link_or_token(self):
        block = CallToActionBlock()
        for good in ("https://intranet.example.org/join", "/allies/", "[SIGN-UP LINK]"):
            block.clean(block.to_python({"label": "Go", "link": good}))
        for bad in ("javascript:alert(1)", "join here", "//evil.example"):
            with pytest.raises(ValidationError):
                block.clean(block.to_python({"label": "Go", "link": bad}))
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"label": "Go", "link": ""}))

    def test_publishing_needs_every_value(self, admin_client, home):
        unit = OrganisationUnitFactory(name="Kent Police", contact_email="")
        page = RecruitmentArticlePageFactory(parent=home, unit=unit, publish=False)
        revisions = page.revisions.count()
        body = [("rich_text", rich_text("<p>Write to [CONTACT EMAIL].</p>"))]
        response = admin_client.post(
            edit_url(page),
            page_form(page, unit=unit.pk, body=body, **{"action-publish": "publish"}),
        )
        assert response.status_code == 200
        message = str(response.context["form"].errors["unit"])
        assert "contact email" in message and "Kent Police" in message
        page.refresh_from_db()
        assert not page.live
        assert page.revisions.count() == revisions

    def test_saving_a_draft_with_a_missing_value_is_allowed(self, admin_client, home):
        unit = OrganisationUnitFactory(contact_email="")
        page = RecruitmentArticlePageFactory(parent=home, unit=unit, publish=False)
        response = admin_client.post(edit_url(page), page_form(page, unit=unit.pk))
        assert response.status_code == 302
        assert page.revisions.count() == 2

    def test_publishing_with_every_value(self, admin_client, home, unit):
        page = RecruitmentArticlePageFactory(parent=home, unit=unit, publish=False)
        response = admin_client.post(
            edit_url(page), page_form(page, unit=unit.pk, **{"action-publish": "publish"})
        )
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live

    def test_units_in_other_languages_are_refused(self, admin_client, home, locales):
        french_unit = OrganisationUnitFactory(locale=locales["fr"])
        page = RecruitmentArticlePageFactory(parent=home, publish=False)
        response = admin_client.post(edit_url(page), page_form(page, unit=french_unit.pk))
        assert response.status_code == 200
        assert "unit" in response.context["form"].errors
        page.refresh_from_db()
        assert page.unit is None


class TestPublishingPaths:
    """Whichever way a local version is published, a value its unit lacks stops it."""

    @pytest.fixture
    def kent(self):
        return OrganisationUnitFactory(name="Kent Police", contact_email="")

    @pytest.fixture
    def incomplete(self, home, kent):
        return RecruitmentArticlePageFactory(parent=home, unit=kent, slug="kent", publish=False)

    @staticmethod
    def assert_unpublished(page):
        page.refresh_from_db()
        assert not page.live
        assert page.live_revision_id is None and page.first_published_at is None

    @staticmethod
    def messages_of(response):
        return [str(message) for message in response.context["messages"]]

    def test_revision_publish_is_refused(self, incomplete, kent):
        with pytest.raises(ValidationError) as error:
            incomplete.get_latest_revision().publish()
        assert isinstance(error.value, PermissionDenied)
        message = error.value.message_dict["unit"][0]
        assert "[CONTACT EMAIL]" in message and "Kent Police" in message
        assert "contact email" in message
        self.assert_unpublished(incomplete)
        kent.contact_email = "allies@kent.example.org"
        kent.save()
        incomplete.get_latest_revision().publish()
        incomplete.refresh_from_db()
        assert incomplete.live

    def test_refusal_message_is_translated(self, incomplete):
        with mock.patch("wagtail_allyship.recruitment.tokens.ngettext") as ngettext:
            ngettext.return_value = "Publication impossible : %(tokens)s, %(unit)s, %(fields)s"
            with pytest.raises(ValidationError) as error:
                incomplete.get_latest_revision().publish()
        assert error.value.messages == [
            "Publication impossible : [CONTACT EMAIL], Kent Police, contact email"
        ]

    def test_a_draft_with_a_filled_unit_still_publishes(self, home, unit):
        page = RecruitmentArticlePageFactory(parent=home, unit=unit, publish=False)
        page.get_latest_revision().publish()
        page.refresh_from_db()
        assert page.live

    def bulk_publish(self, client, *pages, **data):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        query = "&".join(f"id={page.pk}" for page in pages)
        return client.post(f"{url}?{query}&next=/admin/", data, follow=True)

    def test_bulk_publish_publishes_nothing(self, admin_client, home, incomplete):
        complete = RecruitmentArticlePageFactory(
            parent=home, unit=OrganisationUnitFactory(), slug="complete", publish=False
        )
        response = self.bulk_publish(admin_client, complete, incomplete)
        assert response.status_code == 200
        messages = self.messages_of(response)
        assert any(
            "Nothing was published" in m and "Kent Police" in m and "contact email" in m
            for m in messages
        ), messages
        self.assert_unpublished(incomplete)
        self.assert_unpublished(complete)

    def test_bulk_publish_with_sub_pages(self, admin_client, home, kent):
        section = home.add_child(instance=Page(title="Kent section", slug="kent-section"))
        section.save_revision()
        section.unpublish()
        child = RecruitmentArticlePageFactory(parent=section, unit=kent, publish=False)
        response = self.bulk_publish(admin_client, section, include_descendants="on")
        assert any("Kent Police" in m for m in self.messages_of(response))
        section.refresh_from_db()
        assert not section.live
        self.assert_unpublished(child)
        # Without the sub-pages the section alone is published as usual.
        response = self.bulk_publish(admin_client, section)
        section.refresh_from_db()
        assert section.live
        self.assert_unpublished(child)

    def test_bulk_publish_of_complete_pages_goes_ahead(self, admin_client, home, unit):
        page = RecruitmentArticlePageFactory(parent=home, unit=unit, publish=False)
        self.bulk_publish(admin_client, page)
        page.refresh_from_db()
        assert page.live

    @pytest.fixture
    def workflow(self, home):
        from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

        workflow = Workflow.objects.create(name="Local review")
        for order, name in enumerate(("Check wording", "Final approval")):
            task = GroupApprovalTask.objects.create(name=name)
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        WorkflowPage.objects.create(workflow=workflow, page=home)
        return workflow

    def approve_in_editor(self, client, page):
        return client.post(
            edit_url(page),
            page_form(
                page,
                unit=page.unit_id,
                body=[("rich_text", rich_text("<p>Write to [CONTACT EMAIL].</p>"))],
                **{
                    "action-workflow-action": "True",
                    "workflow-action-name": "approve",
                    "workflow-action-extra-data": "{}",
                },
            ),
        )

    def test_last_workflow_approval_in_editor_is_refused(
        self, admin_client, superuser, workflow, incomplete
    ):
        state = workflow.start(incomplete, superuser)
        # Approving the first task publishes nothing, so it is allowed.
        response = self.approve_in_editor(admin_client, incomplete)
        assert response.status_code == 302
        state.refresh_from_db()
        assert state.current_task_state.task.name == "Final approval"
        # The last approval would publish: refused, with the reason next to the unit.
        response = self.approve_in_editor(admin_client, incomplete)
        assert response.status_code == 200
        assert "contact email" in str(response.context["form"].errors["unit"])
        state.refresh_from_db()
        assert state.status == state.STATUS_IN_PROGRESS
        assert state.current_task_state.status == "in_progress"
        self.assert_unpublished(incomplete)

    def test_workflow_approval_from_the_dashboard_is_refused(
        self, admin_client, superuser, workflow, incomplete
    ):
        state = workflow.start(incomplete, superuser)
        state.current_task_state.approve(user=superuser)
        state.refresh_from_db()
        task_state = state.current_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[incomplete.pk, "approve", task_state.pk]
        )
        response = admin_client.post(url, {"comment": ""}, follow=True)
        assert response.status_code == 200
        assert any("permission" in m for m in self.messages_of(response))
        # The approval dialog posts in the background: it gets a refusal, not a server error.
        response = admin_client.post(url, {"comment": ""}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 403
        task_state.refresh_from_db()
        state.refresh_from_db()
        assert task_state.status == "in_progress"
        assert state.status == state.STATUS_IN_PROGRESS
        self.assert_unpublished(incomplete)

    def test_scheduled_publishing_skips_the_page(self, home, incomplete, kent, caplog):
        ready = RecruitmentArticlePageFactory(
            parent=home, unit=OrganisationUnitFactory(), slug="ready", publish=False
        )
        now = timezone.now()
        for page, minutes in ((incomplete, 10), (ready, 5)):
            revision = page.get_latest_revision()
            revision.approved_go_live_at = now - datetime.timedelta(minutes=minutes)
            revision.save()
        with caplog.at_level(logging.WARNING, logger="wagtail_allyship.recruitment.models"):
            call_command("publish_scheduled", stdout=io.StringIO())
        self.assert_unpublished(incomplete)
        assert "contact email" in caplog.text
        ready.refresh_from_db()
        assert ready.live  # the command went on to the next page
        # The page stays scheduled, and goes live once the unit has the value.
        kent.contact_email = "allies@kent.example.org"
        kent.save()
        call_command("publish_scheduled", stdout=io.StringIO())
        incomplete.refresh_from_db()
        assert incomplete.live


class TestAdmin:
    def test_create_template_through_admin(self, admin_client, home):
        url = reverse(
            "wagtailadmin_pages:add", args=("wagtail_allyship", "recruitmentarticlepage", home.pk)
        )
        assert admin_client.get(url).status_code == 200
        body = [
            ("rich_text", rich_text("<p>Join us in [FORCE NAME].</p>")),
            ("video", {"url": "https://video.example/a", "title": "Why", "transcript": ""}),
            (
                "call_to_action",
                {"label": "Sign up", "link": "[SIGN-UP LINK]", "page": "", "text": ""},
            ),
            ("contact", {"heading": "", "text": rich_text(""), "show_unit_contact": "on"}),
        ]
        response = admin_client.post(url, page_form(body=body, **{"action-publish": "publish"}))
        assert response.status_code == 302, response.context["form"].errors
        page = RecruitmentArticlePage.objects.get()
        assert page.live and page.is_template
        assert [block.block_type for block in page.body] == [
            "rich_text",
            "video",
            "call_to_action",
            "contact",
        ]

    def test_edit_shows_template_status(self, admin_client, template):
        html = admin_client.get(edit_url(template)).content.decode()
        assert "This page is a template" in html
        assert "[SIGN-UP LINK]" in html
        assert local_version_url(template) in html

    def test_create_local_version_is_a_button_at_the_top_and_in_the_header(
        self, admin_client, template
    ):
        html = admin_client.get(edit_url(template)).content.decode()
        url = local_version_url(template)
        # A primary button above the status panel, before the page's own fields...
        button = html.index(f'<a class="button button-primary" href="{url}">')
        assert button < html.index("allyship-status-panel") < html.index('name="title"')
        # ...and an entry of the header's actions menu (Wagtail's page header buttons hook).
        header = html[html.index("w-slim-header") : html.index("</header>")]
        assert url in header

    def test_local_version_button_only_on_templates(self, admin_client, home, template, unit):
        local = RecruitmentArticlePageFactory(parent=home, unit=unit)
        assert local_version_url(template) in admin_client.get(edit_url(template)).content.decode()
        assert "local-version" not in admin_client.get(edit_url(local)).content.decode()
        listing = admin_client.get(reverse("wagtailadmin_explore", args=[home.pk]))
        assert local_version_url(template) in listing.content.decode()

    def test_unit_in_use_cannot_be_deleted(self, admin_client, home, unit):
        RecruitmentArticlePageFactory(parent=home, unit=unit)
        url = reverse("wagtailsnippets_wagtail_allyship_organisationunit:delete", args=[unit.pk])
        admin_client.post(url)
        assert type(unit).objects.filter(pk=unit.pk).exists()


class TestLocalVersions:
    def test_create_local_version(self, admin_client, home, template, unit):
        response = admin_client.get(local_version_url(template))
        assert response.status_code == 200
        response = admin_client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": home.pk}
        )
        local = RecruitmentArticlePage.objects.get(unit=unit)
        assert response.status_code == 302
        assert response["Location"] == edit_url(local)
        assert local.template_page_id == template.pk
        assert local.template_revision_id == template.live_revision_id
        assert local.title == "Could you be an ally in Essex Police?"
        assert local.get_parent().pk == home.pk
        assert not local.live
        assert local.translation_key != template.translation_key
        assert (
            next(iter(local.body.raw_data))["value"] == next(iter(template.body.raw_data))["value"]
        )

    def test_created_from_model_and_published(self, admin_client, home, template, unit):
        local = template.create_local_version(unit, home)
        local.save_revision().publish()
        html = admin_client.get(local.url).content.decode()
        assert "Essex Police" in html and "allies@essex.example.org" in html

    def test_bad_unit_choice_creates_nothing(self, admin_client, home, template, locales):
        french_unit = OrganisationUnitFactory(locale=locales["fr"])
        for bad in (french_unit.pk, 999999, "essex"):
            response = admin_client.post(
                local_version_url(template), {"unit": bad, "parent_page": home.pk}
            )
            assert response.status_code == 200
            assert "Choose one of the units in the list" in str(response.context["form"].errors)
        assert RecruitmentArticlePage.objects.count() == 1

    def test_second_local_version_for_a_unit_is_refused(self, admin_client, home, template, unit):
        template.create_local_version(unit, home)
        response = admin_client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": home.pk}
        )
        assert response.status_code == 200
        assert "already has a local version" in str(response.context["form"].errors["unit"])
        assert RecruitmentArticlePage.objects.count() == 2

    def test_only_templates_have_local_versions(self, admin_client, home, unit):
        local = RecruitmentArticlePageFactory(parent=home, unit=unit)
        assert admin_client.get(local_version_url(local)).status_code == 404

    def test_user_without_page_permission_is_refused(self, client, home, template, unit):
        user = UserFactory(permissions=["wagtailadmin.access_admin"])
        client.force_login(user)
        response = client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": home.pk}
        )
        assert response.status_code in (302, 403)
        assert RecruitmentArticlePage.objects.count() == 1
        assert local_version_url(template) not in client.get(edit_url(template)).content.decode()

    def test_user_may_only_add_where_allowed(self, client, home, template, unit):
        from wagtail.models import GroupPagePermission

        other = home.add_child(instance=Page(title="Elsewhere", slug="elsewhere"))
        group = GroupFactory()
        from django.contrib.auth.models import Permission

        group.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(
            group=group, page=other, permission=Permission.objects.get(codename="add_page")
        )
        user = UserFactory()
        user.groups.add(group)
        client.force_login(user)
        response = client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": home.pk}
        )
        assert response.status_code == 200
        assert "not allowed to add pages" in str(response.context["form"].errors["parent_page"])
        assert RecruitmentArticlePage.objects.count() == 1
        response = client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": other.pk}
        )
        assert response.status_code == 302
        assert RecruitmentArticlePage.objects.get(unit=unit).get_parent().pk == other.pk

    def test_warns_when_the_unit_lacks_a_value(self, admin_client, home):
        template = RecruitmentArticlePageFactory(
            parent=home,
            slug="write-to-us",
            body=[("rich_text", "<p>Write to [CONTACT EMAIL].</p>")],
        )
        unit = OrganisationUnitFactory(name="Kent Police", contact_email="")
        response = admin_client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": home.pk}, follow=True
        )
        messages = [str(m) for m in response.context["messages"]]
        assert any("contact email" in m for m in messages), messages

    def test_no_sign_up_address_on_the_unit_is_no_warning(self, admin_client, home, template):
        """The intranet's own sign-up page stands in for a unit without its own address."""
        unit = OrganisationUnitFactory(name="Kent Police", sign_up_url="")
        response = admin_client.post(
            local_version_url(template), {"unit": unit.pk, "parent_page": home.pk}, follow=True
        )
        messages = [str(m) for m in response.context["messages"]]
        assert not any("sign-up URL" in m for m in messages), messages

    def test_notice_when_template_changes(self, admin_client, home, template, unit):
        local = template.create_local_version(unit, home)
        html = admin_client.get(edit_url(local)).content.decode()
        assert "local version for “Essex Police”" in html
        assert "The template has changed" not in html

        template.title = "Be an ally in [FORCE NAME]"
        template.save_revision().publish()
        template.refresh_from_db()
        html = admin_client.get(edit_url(local)).content.decode()
        assert "The template has changed since this copy was made." in html
        compare = reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[template.pk, local.template_revision_id, template.live_revision_id],
        )
        assert compare in html
        assert admin_client.get(compare).status_code == 200

        reviewed = reverse("wagtail_allyship_recruitment:template_reviewed", args=[local.pk])
        assert admin_client.get(reviewed).status_code == 200
        assert admin_client.post(reviewed).status_code == 302
        html = admin_client.get(edit_url(local)).content.decode()
        assert "The template has changed" not in html

    def test_reviewing_needs_edit_permission(self, client, home, template, unit):
        local = template.create_local_version(unit, home)
        client.force_login(UserFactory(permissions=["wagtailadmin.access_admin"]))
        reviewed = reverse("wagtail_allyship_recruitment:template_reviewed", args=[local.pk])
        assert client.post(reviewed).status_code in (302, 403)


class TestTranslation:
    TITLE = "Could you be an ally in [FORCE NAME]?"
    TEXT = "Join the allies of [FORCE NAME] today."

    def test_translation_keeping_tokens(
        self, template, locales, django_capture_on_commit_callbacks
    ):
        strings = {
            self.TITLE: "Pourriez-vous être allié à [FORCE NAME] ?",
            self.TEXT: "Rejoignez les alliés de [FORCE NAME] dès aujourd'hui.",
        }
        french = translate(template, locales["fr"], strings, publish=False)
        assert french.title == "Pourriez-vous être allié à [FORCE NAME] ?"

    @pytest.mark.parametrize(
        "title,text,named",
        [
            (
                "Pourriez-vous être allié ?",
                "Rejoignez les alliés de [FORCE NAME].",
                {"title": ["[FORCE NAME]"]},
            ),
            (
                "Allié à [FORCE NAME] ?",
                "Rejoignez les alliés de [FORCE NOM].",
                {"body": ["[FORCE NAME]", "[FORCE NOM]"]},
            ),
            (
                "Allié à [ORGANISATION] ?",
                "Rejoignez les alliés de [FORCE NAME].",
                {"title": ["[FORCE NAME]"]},
            ),
        ],
    )
    def test_string_losing_a_token_is_refused(self, template, locales, title, text, named):
        """The string is marked with a message naming the token; the page keeps the token."""
        from wagtail_localize.models import StringTranslation

        french = translate(
            template, locales["fr"], {self.TITLE: title, self.TEXT: text}, publish=False
        )
        refused = StringTranslation.objects.filter(has_error=True)
        assert {string.context.path.split(".")[0] for string in refused} == set(named)
        for string in refused:
            error = string.get_error()
            for token in named[string.context.path.split(".")[0]]:
                assert token in error
        french.refresh_from_db()
        assert "[FORCE NAME]" in french.title
        assert "[FORCE NAME]" in french.body.raw_data[0]["value"]
        assert "[FORCE NOM]" not in str(french.body.raw_data)

    @pytest.fixture
    def french_draft(self, template, locales):
        """A French translation in progress, in wagtail-localize's editor."""
        from wagtail_localize.models import Translation

        strings = {
            self.TITLE: "Pourriez-vous être allié à [FORCE NAME] ?",
            self.TEXT: "Rejoignez les alliés de [FORCE NAME] dès aujourd'hui.",
        }
        french = translate(template, locales["fr"], strings, publish=False)
        translation = Translation.objects.get(
            source__object_id=template.translation_key, target_locale=locales["fr"]
        )
        return french, translation

    def save_string(self, client, translation, source_text, value):
        """Save one string as the translation editor does when the translator types it."""
        segment = translation.source.stringsegment_set.get(string__data=source_text)
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200, response.content
        return response.json()

    @pytest.mark.parametrize(
        "value,named",
        [
            ("Rejoignez les alliés dès aujourd'hui.", ["[FORCE NAME]"]),
            ("Rejoignez les alliés de [FORCE NOM].", ["[FORCE NAME]", "[FORCE NOM]"]),
            ("Rejoignez les alliés de [force name].", ["[FORCE NAME]"]),
        ],
    )
    def test_refusal_is_shown_on_the_translated_string(
        self, admin_client, french_draft, value, named
    ):
        _french, translation = french_draft
        saved = self.save_string(admin_client, translation, self.TEXT, value)
        for token in named:
            assert token in saved["error"]
        assert "Copy it exactly as it is in the original" in saved["error"]
        # Correcting the string clears the message.
        saved = self.save_string(
            admin_client, translation, self.TEXT, "Rejoignez les alliés de [FORCE NAME]."
        )
        assert saved["error"] is None

    def test_refusal_message_is_translated(self, admin_client, french_draft):
        _french, translation = french_draft
        with mock.patch("wagtail_allyship.recruitment.tokens.ngettext") as ngettext:
            ngettext.return_value = "Espace réservé perdu : %(tokens)s"
            saved = self.save_string(admin_client, translation, self.TEXT, "Rejoignez-nous.")
        assert saved["error"] == "Espace réservé perdu : [FORCE NAME]"

    def test_publishing_in_the_editor_is_refused_until_fixed(
        self, admin_client, french_draft, django_capture_on_commit_callbacks
    ):
        french, translation = french_draft
        self.save_string(admin_client, translation, self.TEXT, "Rejoignez les alliés.")
        revisions = french.revisions.count()
        response = admin_client.post(edit_url(french), {"action": "publish"}, follow=True)
        messages = [str(m) for m in response.context["messages"]]
        assert any("1 translated string leaves out or changes a placeholder" in m for m in messages)
        french.refresh_from_db()
        assert not french.live
        assert french.revisions.count() == revisions

        self.save_string(admin_client, translation, self.TEXT, "Rejoignez-nous à [FORCE NAME].")
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(edit_url(french), {"action": "publish"})
        french.refresh_from_db()
        assert french.live
        assert "Rejoignez-nous à [FORCE NAME]." in french.body.raw_data[0]["value"]

    def test_paragraphs_of_one_text_block_are_told_apart(
        self, admin_client, home, locales, django_capture_on_commit_callbacks
    ):
        """Of two paragraphs in one block, only the one that lost its token is marked."""
        from wagtail_localize.models import Translation

        template = RecruitmentArticlePageFactory(
            parent=home,
            slug="two-paragraphs",
            body=[("rich_text", "<p>Allies of [FORCE NAME].</p><p>Ask [CONTACT NAME].</p>")],
        )
        translate(template, locales["fr"], {}, publish=False)
        translation = Translation.objects.get(
            source__object_id=template.translation_key, target_locale=locales["fr"]
        )
        first = self.save_string(
            admin_client, translation, "Allies of [FORCE NAME].", "Alliés de [FORCE NAME]."
        )
        second = self.save_string(
            admin_client, translation, "Ask [CONTACT NAME].", "Demandez au contact."
        )
        assert first["error"] is None
        assert "[CONTACT NAME]" in second["error"]
        french = template.get_translation(locales["fr"])
        response = admin_client.post(edit_url(french), {"action": "publish"}, follow=True)
        assert response.status_code == 200
        assert any("leaves out or changes" in str(m) for m in response.context["messages"])
        french.refresh_from_db()
        assert not french.live

    def test_other_pages_may_use_brackets_freely(self, admin_client, home, locales):
        """Only recruitment articles have tokens; elsewhere ``[NOTE]`` is just text."""
        from wagtail_localize.models import StringTranslation

        other = home.add_child(instance=Page(title="Read the [NOTE] first", slug="note"))
        other.save_revision().publish()
        translate(other, locales["fr"], {"Read the [NOTE] first": "Lisez d'abord"})
        assert not StringTranslation.objects.filter(has_error=True).exists()

    def test_edited_translation_losing_a_token_is_refused(self, french_draft):
        """Outside wagtail-localize's strings, saving the page itself is refused."""
        french, _translation = french_draft
        french.title = "Pourriez-vous être allié ?"
        with pytest.raises(ValidationError) as error:
            french.save_revision()
        assert "[FORCE NAME]" in error.value.message_dict["title"][0]

    def test_translated_local_version_uses_translated_unit(
        self, admin_client, home, template, unit, locales, django_capture_on_commit_callbacks
    ):
        translate(unit, locales["fr"], {"Essex Police": "Police de l'Essex"})
        local = template.create_local_version(unit, home)
        local.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            french = translate(
                local,
                locales["fr"],
                {
                    "Could you be an ally in Essex Police?": "Devenez allié à [FORCE NAME] !",
                    self.TEXT: "Rejoignez les alliés de [FORCE NAME].",
                },
            )
        french.refresh_from_db()
        assert french.unit.locale == locales["fr"]
        html = admin_client.get(french.url).content.decode()
        assert "Devenez allié à Police de l&#x27;Essex !" in html


def shout(unit) -> str:
    """An extra placeholder function, as a host would write one."""
    return unit.name.upper()


@pytest.mark.parametrize("source", ["no_such_field", f"{__name__}.nothing_here"])
def test_system_check_refuses_unfillable_placeholders(source):
    from wagtail_allyship.checks import check_extra_placeholders

    with override_settings(WAGTAIL_ALLYSHIP={"EXTRA_PLACEHOLDERS": {"HELPLINE": source}}):
        errors = check_extra_placeholders()
    assert [error.id for error in errors] == ["wagtail_allyship.E006"]
    assert "[HELPLINE]" in errors[0].msg


def test_system_check_accepts_attributes_and_functions():
    from wagtail_allyship.checks import check_extra_placeholders

    extra = {"REGION": "parent", "SHOUT": f"{__name__}.shout"}
    with override_settings(WAGTAIL_ALLYSHIP={"EXTRA_PLACEHOLDERS": extra}):
        assert check_extra_placeholders() == []
