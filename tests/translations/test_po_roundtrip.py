"""Translating by PO file, and in wagtail-localize's string editor, as a translator would.

Each test writes the source in English, starts a French translation through wagtail-localize,
then works only through the admin: the translation editor's "Download PO" and "Upload PO"
endpoints (or its string-saving API), and its Publish action. The French page or snippet must
then show the French wording, keep what is synchronised, and, for recruitment articles, keep
every ``[FORCE NAME]``-style token so that the unit's details are still filled in.
"""

from __future__ import annotations

import datetime
import html
from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import (
    AllyRoleProfilePageFactory,
    EventFactory,
    OrganisationUnitFactory,
    RecruitmentArticlePageFactory,
    ResourceHubPageFactory,
    ResourcePageFactory,
    TopicFactory,
)
from wagtail_allyship.models import (
    AllyRoleProfilePage,
    AwarenessDate,
    RecruitmentArticlePage,
    ResourcePage,
)
from wagtail_allyship.resources.models import Audience, ResourceType
from wagtail_allyship.translations.translate import translate

PO_CONTENT_TYPE = "text/x-gettext-translation"

# Helpers: what a translator's browser does ------------------------------------------


def start_translation(instance, locale) -> Translation:
    """Start a synced translation, as "Translate" in the admin does, and make its draft."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    # The draft the translator then edits; a snippet without drafts is saved straight away.
    translation.save_target(publish=not isinstance(instance, DraftStateMixin))
    return translation


def editor_url(instance) -> str:
    """The admin edit view, which wagtail-localize turns into its translation editor."""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(
        f"wagtailsnippets_{instance._meta.app_label}_{instance._meta.model_name}:edit",
        args=[instance.pk],
    )


def download_po(client, translation) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == PO_CONTENT_TYPE
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith("-fr.po")
    return polib.pofile(response.content.decode("utf-8"))


def upload_po(client, translation, content: bytes, next_url: str):
    """Upload a PO file from the translation editor; returns the page it leads back to."""
    upload = SimpleUploadedFile("translation.po", content, content_type=PO_CONTENT_TYPE)
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": next_url},
        follow=True,
    )


def fill_po(po: polib.POFile, strings: dict[str, str]) -> polib.POFile:
    """Translate every entry; the file must hold exactly the strings we expect to translate."""
    assert {entry.msgid for entry in po} == set(strings), "strings offered for translation"
    for entry in po:
        entry.msgstr = strings[entry.msgid]
    return po


def po_entries(po: polib.POFile) -> list[tuple[str, str, str]]:
    return [(entry.msgctxt, entry.msgid, entry.msgstr) for entry in po]


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


def publish_in_editor(client, target, capture):
    """Press Publish in the translation editor (publishing happens when the request commits)."""
    with capture(execute=True):
        response = client.post(editor_url(target), {"action": "publish"}, follow=True)
    assert response.status_code == 200
    return response


def save_string(client, translation, source_text: str, value: str) -> dict:
    """Save one string as the editor's JavaScript does when the translator types it."""
    segment = translation.source.stringsegment_set.get(string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content
    return response.json()


def round_trip(client, instance, locale, strings, capture):
    """Start a French translation, translate it by PO file and publish it in the editor."""
    translation = start_translation(instance, locale)
    target = instance.get_translation(locale)
    editor = editor_url(target)
    po = fill_po(download_po(client, translation), strings)
    response = upload_po(client, translation, str(po).encode("utf-8"), editor)
    assert response.status_code == 200
    assert "Successfully imported translations from PO File." in messages_of(response)
    response = publish_in_editor(client, target, capture)
    published = [m for m in messages_of(response) if m.startswith("Published")]
    assert published, messages_of(response)
    assert "missing translations" not in published[0]
    return translation, type(target).objects.get(pk=target.pk)


# Source content ----------------------------------------------------------------------


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2)


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


RECRUITMENT_FR = {
    "Could you be an ally in [FORCE NAME]?": "Pourriez-vous être allié à [FORCE NAME] ?",
    "join-us": "rejoignez-nous",
    "Join the allies of [FORCE NAME] today.": "Rejoignez les alliés de [FORCE NAME] sans tarder.",
    "Sign up in [FORCE NAME]": "Inscrivez-vous à [FORCE NAME]",
    "[SIGN-UP LINK]": "[SIGN-UP LINK]",
    "Questions? Write to [CONTACT EMAIL].": "Des questions ? Écrivez à [CONTACT EMAIL].",
}


@pytest.fixture
def recruitment_template(home):
    return RecruitmentArticlePageFactory(
        parent=home,
        slug="join-us",
        body=[
            ("rich_text", "<p>Join the allies of [FORCE NAME] today.</p>"),
            (
                "call_to_action",
                {"label": "Sign up in [FORCE NAME]", "link": "[SIGN-UP LINK]", "text": ""},
            ),
            ("rich_text", "<p>Questions? Write to [CONTACT EMAIL].</p>"),
        ],
    )


PROFILE_FR = {
    "The ally role": "Le rôle d'allié",
    "the-ally-role": "le-role-d-allie",
    "Allies make the workplace fairer.": "Les alliés rendent le travail plus juste.",
    "We will train every ally.": "Nous formerons chaque allié.",
    "listens before offering help": "écoute avant de proposer son aide",
    "speak up when a colleague is belittled": "prendra la parole quand un collègue est rabaissé",
    "These lists are a start, not the end.": "Ces listes sont un début, pas une fin.",
    "Sign up as an ally": "Devenir allié",
}


@pytest.fixture
def profile(home):
    return AllyRoleProfilePageFactory(
        parent=home,
        title="The ally role",
        slug="the-ally-role",
        introduction="<p>Allies make the workplace fairer.</p>",
        commitments=[("commitment", "We will train every ally.")],
        qualities=[("quality", "listens before offering help")],
        responsibilities=[("responsibility", "speak up when a colleague is belittled")],
        closing_note="<p>These lists are a start, not the end.</p>",
        call_to_action_label="Sign up as an ally",
        call_to_action_url="https://intranet.example.org/allies/sign-up/",
    )


RESOURCE_FR = {
    "Running a listening session": "Animer une séance d'écoute",
    "listening-session": "seance-ecoute",
    "How to host an hour of listening.": "Comment animer une heure d'écoute.",
    "Book a quiet room first.": "Réservez d'abord une salle calme.",
    "20 minutes": "20 minutes",
}


@pytest.fixture
def resource(home, locales):
    topic = TopicFactory(name="Mentoring")
    translate(topic, locales["fr"], {"Mentoring": "Mentorat"})
    hub = ResourceHubPageFactory(parent=home, slug="resources")
    return ResourcePageFactory(
        parent=hub,
        title="Running a listening session",
        slug="listening-session",
        summary="How to host an hour of listening.",
        body="<p>Book a quiet room first.</p>",
        duration="20 minutes",
        resource_type=ResourceType.GUIDE,
        audience=Audience.LEADERS,
        external_url="https://learning.example.org/listening",
        review_date=datetime.date(2031, 1, 31),
        topics=[topic],
        tags=["induction"],
    )


AWARENESS_FR = {
    "Listening lunch": "Déjeuner d'écoute",
    "An hour to hear colleagues' experience.": "Une heure pour entendre vos collègues.",
    "Training room 2, Head office": "Salle de formation 2, siège",
}


@pytest.fixture
def awareness_date(locales):
    return EventFactory(
        title="Listening lunch",
        description="An hour to hear colleagues' experience.",
        location="Training room 2, Head office",
        link="https://www.example.org/listening-lunch",
        starts_on=datetime.date(2031, 3, 6),
    )


# Round trips by PO file ------------------------------------------------------------


class TestPoRoundTrip:
    def test_recruitment_template(self, admin_client, home, recruitment_template, locales, capture):
        _translation, french = round_trip(
            admin_client, recruitment_template, locales["fr"], RECRUITMENT_FR, capture
        )
        assert french.live
        assert french.locale == locales["fr"]
        assert french.is_template
        # Tokens are kept verbatim in the French template.
        assert french.title == "Pourriez-vous être allié à [FORCE NAME] ?"
        body = str(french.body.raw_data)
        assert "Rejoignez les alliés de [FORCE NAME] sans tarder." in body
        assert "Inscrivez-vous à [FORCE NAME]" in body
        assert "[SIGN-UP LINK]" in body
        assert "Écrivez à [CONTACT EMAIL]." in body
        assert "Join the allies" not in body
        shown = admin_client.get(french.url).content.decode()
        assert 'class="allyship-placeholder">[FORCE NAME]</mark>' in shown

        # A French local version fills the tokens from the French copy of the unit.
        unit = OrganisationUnitFactory(
            name="Essex Police",
            contact_email="allies@essex.example.org",
            sign_up_url="https://intranet.example.org/essex/join/",
        )
        french_unit = translate(unit, locales["fr"], {"Essex Police": "Police de l'Essex"})
        local = french.create_local_version(french_unit, french.get_parent())
        local.save_revision().publish()
        local.refresh_from_db()
        assert local.title == "Pourriez-vous être allié à Police de l'Essex ?"
        shown = admin_client.get(local.url).content.decode()
        assert "Rejoignez les alliés de Police de l&#x27;Essex sans tarder." in shown
        assert "Écrivez à allies@essex.example.org." in shown
        assert 'href="https://intranet.example.org/essex/join/"' in shown
        assert "[FORCE NAME]" not in shown

    def test_ally_role_profile(self, admin_client, profile, locales, capture):
        _translation, french = round_trip(admin_client, profile, locales["fr"], PROFILE_FR, capture)
        assert isinstance(french, AllyRoleProfilePage)
        assert french.live
        assert french.title == "Le rôle d'allié"
        assert french.slug == "le-role-d-allie"
        assert "Les alliés rendent le travail plus juste." in french.introduction
        assert [b.value for b in french.commitments] == ["Nous formerons chaque allié."]
        assert [b.value for b in french.qualities] == ["écoute avant de proposer son aide"]
        assert "Ces listes sont un début" in french.closing_note
        assert french.call_to_action_label == "Devenir allié"
        # The sign-up form's address is synchronised, not translated.
        assert french.call_to_action_url == "https://intranet.example.org/allies/sign-up/"
        shown = admin_client.get(french.url).content.decode()
        assert "prendra la parole quand un collègue est rabaissé" in shown
        assert "Devenir allié" in shown
        assert "Allies make the workplace fairer." not in shown

    def test_resource(self, admin_client, resource, locales, capture):
        _translation, french = round_trip(
            admin_client, resource, locales["fr"], RESOURCE_FR, capture
        )
        assert isinstance(french, ResourcePage)
        assert french.live
        assert french.get_parent().locale == locales["fr"]
        assert french.title == "Animer une séance d'écoute"
        assert french.summary == "Comment animer une heure d'écoute."
        assert "Réservez d'abord une salle calme." in french.body
        # Synchronised: what the resource is, where it lives, when it is reviewed, its tags.
        assert french.resource_type == ResourceType.GUIDE
        assert french.audience == Audience.LEADERS
        assert french.external_url == "https://learning.example.org/listening"
        assert french.review_date == datetime.date(2031, 1, 31)
        assert french.tag_names == ["induction"]
        # Localised: the topic is the French copy.
        assert french.topic_names == ["Mentorat"]
        shown = admin_client.get(french.url).content.decode()
        assert "Comment animer une heure d&#x27;écoute." in shown
        assert "Mentorat" in shown

    def test_resource_update_brings_synchronised_fields_along(
        self, admin_client, resource, locales, capture
    ):
        """A later change to the English resource reaches the French one when it is synced."""
        translation, french = round_trip(
            admin_client, resource, locales["fr"], RESOURCE_FR, capture
        )
        resource.show_in_menus = True
        resource.external_url = "https://learning.example.org/listening-v2"
        resource.save_revision().publish()
        translation.source.update_from_db()
        with capture(execute=True):
            translation.save_target(publish=True)
        french.refresh_from_db()
        assert french.show_in_menus
        assert french.external_url == "https://learning.example.org/listening-v2"
        assert french.title == "Animer une séance d'écoute"

    def test_awareness_date(self, admin_client, awareness_date, locales, capture):
        _translation, french = round_trip(
            admin_client, awareness_date, locales["fr"], AWARENESS_FR, capture
        )
        assert isinstance(french, AwarenessDate)
        assert french.title == "Déjeuner d'écoute"
        assert french.description == "Une heure pour entendre vos collègues."
        assert french.location == "Salle de formation 2, siège"
        # Synchronised: kind, dates, times, time zone and link.
        for name in ("kind", "starts_on", "start_time", "end_time", "time_zone", "link"):
            assert getattr(french, name) == getattr(awareness_date, name), name
        assert french.starts_at == awareness_date.starts_at


# What a translator gets wrong ------------------------------------------------------


class TestRefusedUploads:
    @pytest.mark.parametrize(
        "broken,tokens",
        [
            # Dropped.
            ("Rejoignez les alliés sans tarder.", ["[FORCE NAME]"]),
            # Misspelt.
            (
                "Rejoignez les alliés de [FORCE NOM] sans tarder.",
                ["[FORCE NAME]", "[FORCE NOM]"],
            ),
            # Translated.
            ("Rejoignez les alliés de [NOM DE LA FORCE].", ["[FORCE NAME]"]),
        ],
    )
    def test_po_losing_a_token_is_flagged_and_not_published(
        self, admin_client, recruitment_template, locales, capture, broken, tokens
    ):
        translation = start_translation(recruitment_template, locales["fr"])
        french = recruitment_template.get_translation(locales["fr"])
        revisions = french.revisions.count()
        strings = {**RECRUITMENT_FR, "Join the allies of [FORCE NAME] today.": broken}
        po = fill_po(download_po(admin_client, translation), strings)
        upload_po(admin_client, translation, str(po).encode("utf-8"), editor_url(french))

        flagged = StringTranslation.objects.filter(
            locale=locales["fr"], context__object_id=recruitment_template.translation_key
        ).filter(has_error=True)
        assert [string.data for string in flagged] == [broken]
        for token in tokens:
            assert token in flagged[0].get_error()
        # The translator downloading the file again sees which string to correct.
        assert broken in str(download_po(admin_client, translation))

        response = publish_in_editor(admin_client, french, capture)
        assert any(
            "1 translated string leaves out or changes a placeholder" in message
            for message in messages_of(response)
        )
        french.refresh_from_db()
        assert not french.live
        assert french.revisions.count() == revisions

        # Fixing the string in a second upload lets the translation go out.
        po = fill_po(download_po(admin_client, translation), RECRUITMENT_FR)
        upload_po(admin_client, translation, str(po).encode("utf-8"), editor_url(french))
        assert not StringTranslation.objects.filter(has_error=True).exists()
        publish_in_editor(admin_client, french, capture)
        french.refresh_from_db()
        assert french.live
        assert "sans tarder" in str(french.body.raw_data)

    @pytest.mark.parametrize(
        "content",
        [
            pytest.param(b"this is not a PO file\n", id="syntax-error"),
            pytest.param(b"\xff\xfe\x00\x01binary", id="not-utf-8"),
        ],
    )
    def test_malformed_po_changes_nothing(
        self, admin_client, recruitment_template, locales, content
    ):
        translation = start_translation(recruitment_template, locales["fr"])
        french = recruitment_template.get_translation(locales["fr"])
        before = po_entries(download_po(admin_client, translation))
        revisions = french.revisions.count()

        response = upload_po(admin_client, translation, content, editor_url(french))

        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == editor_url(french)
        assert "Please upload a valid PO file." in messages_of(response)
        assert not StringTranslation.objects.filter(locale=locales["fr"]).exists()
        assert po_entries(download_po(admin_client, translation)) == before
        assert french.revisions.count() == revisions

    @pytest.mark.parametrize(
        "content",
        [
            pytest.param(b"", id="empty-file"),
            pytest.param(b'msgid "Join us"\nmsgstr "Rejoignez-nous"\n', id="no-header"),
            pytest.param(None, id="no-file"),
        ],
    )
    def test_po_without_its_header_is_refused_without_a_server_error(
        self, admin_client, recruitment_template, locales, content
    ):
        translation = start_translation(recruitment_template, locales["fr"])
        french = recruitment_template.get_translation(locales["fr"])
        url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
        data = {"next": editor_url(french)}
        if content is not None:
            data["file"] = SimpleUploadedFile("t.po", content, content_type=PO_CONTENT_TYPE)

        response = admin_client.post(url, data, follow=True)

        assert response.status_code == 200
        expected = "Choose a PO file" if content is None else "not downloaded from this translation"
        assert expected in " ".join(messages_of(response))
        assert not StringTranslation.objects.filter(locale=locales["fr"]).exists()

    def test_po_of_another_translation_changes_nothing(
        self, admin_client, recruitment_template, profile, locales
    ):
        translation = start_translation(recruitment_template, locales["fr"])
        other = start_translation(profile, locales["fr"])
        french = recruitment_template.get_translation(locales["fr"])
        po = fill_po(download_po(admin_client, other), PROFILE_FR)

        response = upload_po(admin_client, translation, str(po).encode("utf-8"), editor_url(french))

        assert response.status_code == 200
        assert "Cannot import PO file that was created for a different translation." in messages_of(
            response
        )
        assert not StringTranslation.objects.filter(locale=locales["fr"]).exists()


# The in-admin string editor ---------------------------------------------------------


class TestStringEditor:
    def translate_in_editor(self, client, instance, locale, strings, capture):
        translation = start_translation(instance, locale)
        target = instance.get_translation(locale)
        page = client.get(editor_url(target))
        assert page.status_code == 200
        shown = html.unescape(page.content.decode())
        for source_text in strings:
            assert source_text in shown, source_text
        for source_text, value in strings.items():
            saved = save_string(client, translation, source_text, value)
            assert saved["error"] is None
            assert saved["data"] == value
        publish_in_editor(client, target, capture)
        return type(target).objects.get(pk=target.pk)

    def test_awareness_date(self, admin_client, awareness_date, locales, capture):
        french = self.translate_in_editor(
            admin_client, awareness_date, locales["fr"], AWARENESS_FR, capture
        )
        assert french.title == "Déjeuner d'écoute"
        assert french.location == "Salle de formation 2, siège"
        assert french.link == awareness_date.link
        assert french.starts_on == awareness_date.starts_on

    def test_resource(self, admin_client, resource, locales, capture):
        french = self.translate_in_editor(
            admin_client, resource, locales["fr"], RESOURCE_FR, capture
        )
        assert french.live
        assert french.summary == "Comment animer une heure d'écoute."
        assert french.duration == "20 minutes"
        assert french.external_url == resource.external_url
        assert french.topic_names == ["Mentorat"]

    def test_recruitment_template_keeps_tokens(
        self, admin_client, recruitment_template, locales, capture
    ):
        french = self.translate_in_editor(
            admin_client, recruitment_template, locales["fr"], RECRUITMENT_FR, capture
        )
        assert isinstance(french, RecruitmentArticlePage)
        assert french.live
        assert french.title == "Pourriez-vous être allié à [FORCE NAME] ?"
        assert "Inscrivez-vous à [FORCE NAME]" in str(french.body.raw_data)

    def test_ally_role_profile(self, admin_client, profile, locales, capture):
        french = self.translate_in_editor(admin_client, profile, locales["fr"], PROFILE_FR, capture)
        assert french.live
        assert [b.value for b in french.responsibilities] == [
            "prendra la parole quand un collègue est rabaissé"
        ]
