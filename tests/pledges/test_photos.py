"""The photo with the pledge sign: upload and consent, bad files, approval, the wall, removal
everywhere (files included), "My data", and constant queries."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image

from tests.factories import (
    AllyRegistrationFactory,
    CommitmentFactory,
    MyAllyshipPageFactory,
    OrganisationUnitFactory,
    PledgeFactory,
    PledgeWallPageFactory,
    UserFactory,
)
from wagtail_allyship.models import PhotoStatus, RegistrationStatus, SignPhoto
from wagtail_allyship.pledges.photos.models import photo_storage
from wagtail_allyship.privacy.retention import apply_retention

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    translation.deactivate()


def picture(kind: str = "JPEG", size=(900, 1200), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (180, 40, 90))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # camera make: must not survive
        image.save(out, kind, exif=data)
    else:
        image.save(out, kind)
    return out.getvalue()


def upload(content: bytes, name: str = "me.jpg", kind: str = "image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=kind)


@pytest.fixture
def mine(db):
    return MyAllyshipPageFactory(slug="my-allyship")


@pytest.fixture
def wall(db):
    return PledgeWallPageFactory(slug="pledge-wall")


def make_ally(username: str, unit=None):
    user = UserFactory(username=username, first_name=username.title(), last_name="Ally")
    AllyRegistrationFactory(user=user, unit=unit or OrganisationUnitFactory(name="Essex Police"))
    pledge = PledgeFactory(user=user)
    CommitmentFactory(pledge=pledge, position=1, text=f"{username} mentors a starter")
    return user


@pytest.fixture
def ally(db):
    return make_ally("omar")


def post_photo(client, mine, content=None, consent=True, **kwargs):
    data = {"photo": upload(content or picture(), **kwargs)}
    if consent:
        data["consent"] = "on"
    return client.post(mine.url + "sign/photo/", data)


def stored(photo: SignPhoto) -> list[bool]:
    return [photo_storage().exists(name) for name in photo.file_names()]


class TestUpload:
    def test_upload_with_consent_waits_for_approval(self, client, mine, ally):
        client.force_login(ally)
        response = post_photo(client, mine)
        assert response.status_code == 302
        photo = SignPhoto.objects.get()
        assert photo.pledge.user == ally and photo.status == PhotoStatus.PENDING
        assert photo.consent_at is not None
        assert stored(photo) == [True, True]
        page = client.get(mine.url + "sign/photo/").content.decode()
        assert "Waiting for a coordinator" in page
        assert "Thank you. Your photo is waiting for a coordinator" in page
        image = client.get(mine.url + "sign/photo/image/")
        assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
        assert "private" in image["Cache-Control"]

    def test_metadata_is_stripped_and_the_photo_made_smaller(self, client, mine, ally):
        client.force_login(ally)
        post_photo(client, mine, picture(size=(3000, 2000), exif=True))
        photo = SignPhoto.objects.get()
        with photo_storage().open(photo.image.name) as handle:
            kept = Image.open(handle)
            assert max(kept.size) == 1600 and not kept.getexif()
        assert (photo.width, photo.height) == (480, 320)

    def test_no_consent_no_photo(self, client, mine, ally):
        client.force_login(ally)
        response = post_photo(client, mine, consent=False)
        assert response.status_code == 400
        assert "Tick the box to agree" in response.content.decode()
        assert not SignPhoto.objects.exists()

    @pytest.mark.parametrize(
        ("content", "name"),
        [
            (b"%PDF-1.4 not a picture", "me.pdf"),
            (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "me.svg"),
            (picture("GIF"), "me.gif"),
            (b"", "empty.jpg"),
        ],
    )
    def test_files_that_are_not_photos_are_refused(self, client, mine, ally, content, name):
        client.force_login(ally)
        response = client.post(
            mine.url + "sign/photo/",
            {"photo": SimpleUploadedFile(name, content), "consent": "on"},
        )
        assert response.status_code == 400
        assert not SignPhoto.objects.exists()

    def test_a_gif_gets_the_formats_named(self, client, mine, ally):
        client.force_login(ally)
        response = post_photo(client, mine, picture("GIF"), name="me.gif")
        assert "Upload a JPEG, PNG or WebP picture." in response.content.decode()

    @override_settings(WAGTAIL_ALLYSHIP={"SIGN_PHOTO_MAX_BYTES": 1000})
    def test_the_size_limit_is_a_setting(self, client, mine, ally):
        client.force_login(ally)
        response = post_photo(client, mine, picture("PNG"), name="me.png")
        assert response.status_code == 400
        assert "The photo is too large" in response.content.decode()
        assert not SignPhoto.objects.exists()

    def test_the_error_is_translated(self, client, mine, ally, locales):
        from wagtail_allyship.translations.translate import translate

        french = translate(mine, locales["fr"], {})
        client.force_login(ally)
        response = client.post(
            french.url + "sign/photo/",
            {"photo": SimpleUploadedFile("x.pdf", b"%PDF"), "consent": "on"},
        )
        assert "Téléversez une image JPEG, PNG ou WebP." in response.content.decode()

    def test_a_new_photo_replaces_the_old_and_its_files(self, client, mine, ally):
        client.force_login(ally)
        post_photo(client, mine)
        first = SignPhoto.objects.get()
        post_photo(client, mine, picture("PNG"), name="me.png")
        assert SignPhoto.objects.count() == 1
        assert stored(first) == [False, False]

    def test_no_pledge_no_photo_page(self, client, mine):
        client.force_login(UserFactory(username="nopledge"))
        assert client.get(mine.url + "sign/photo/").status_code == 404

    def test_anonymous_visitors_log_in_first(self, client, mine):
        assert client.get(mine.url + "sign/photo/").status_code == 302


@pytest.fixture
def pending(client, mine, ally):
    client.force_login(ally)
    post_photo(client, mine)
    client.logout()
    return SignPhoto.objects.get()


class TestApproval:
    def test_only_coordinators_reach_the_queue(self, client, pending, ally, staff_user):
        queue = reverse("wagtail_allyship_signphoto")
        image = reverse("wagtail_allyship_signphoto_image", args=[pending.pk])
        editor = UserFactory(username="editor", permissions=["wagtailadmin.access_admin"])
        for user in (ally, editor):
            client.force_login(user)
            assert client.get(queue).status_code in (302, 403)
            assert client.get(image).status_code in (302, 403)
            review = reverse("wagtail_allyship_signphoto_review", args=[pending.pk])
            client.post(review, {"action": "approve"})
        pending.refresh_from_db()
        assert pending.status == PhotoStatus.PENDING

    def test_approve_then_the_wall_shows_it(
        self, client, coordinator, pending, wall, ally, staff_user
    ):
        client.force_login(staff_user)
        assert "holding his pledge sign" not in client.get(wall.url).content.decode()
        assert client.get(f"{wall.url}{pending.pledge_id}/photo/").status_code == 404

        client.force_login(coordinator)
        listing = client.get(reverse("wagtail_allyship_signphoto")).content.decode()
        assert "Omar Ally" in listing
        image = client.get(reverse("wagtail_allyship_signphoto_image", args=[pending.pk]))
        assert image.status_code == 200
        client.post(
            reverse("wagtail_allyship_signphoto_review", args=[pending.pk]),
            {"action": "approve"},
        )
        pending.refresh_from_db()
        assert pending.status == PhotoStatus.APPROVED and pending.reviewed_by == coordinator

        client.force_login(staff_user)
        html = client.get(wall.url).content.decode()
        assert "Omar Ally holding his pledge sign" in html
        assert f"{wall.url}{pending.pledge_id}/photo/" in html
        assert client.get(f"{wall.url}{pending.pledge_id}/photo/").status_code == 200
        detail = client.get(f"{wall.url}{pending.pledge_id}/").content.decode()
        assert "holding his pledge sign" in detail

    def test_an_approved_photo_of_a_private_pledge_stays_private(
        self, client, pending, wall, staff_user
    ):
        pending.status = PhotoStatus.APPROVED
        pending.save()
        pending.pledge.visibility = "private"
        pending.pledge.save()
        client.force_login(staff_user)
        assert client.get(f"{wall.url}{pending.pledge_id}/photo/").status_code == 404

    def test_refusing_deletes_the_files(self, client, coordinator, pending, mine, ally):
        names = pending.file_names()
        client.force_login(coordinator)
        client.post(
            reverse("wagtail_allyship_signphoto_review", args=[pending.pk]),
            {"action": "reject"},
        )
        pending.refresh_from_db()
        assert pending.status == PhotoStatus.REJECTED and pending.file_names() == []
        assert [photo_storage().exists(name) for name in names] == [False, False]
        client.force_login(ally)
        assert "did not approve" in client.get(mine.url + "sign/photo/").content.decode()

    def test_a_second_decision_changes_nothing(self, client, coordinator, pending):
        client.force_login(coordinator)
        url = reverse("wagtail_allyship_signphoto_review", args=[pending.pk])
        client.post(url, {"action": "approve"})
        client.post(url, {"action": "reject"})
        pending.refresh_from_db()
        assert pending.status == PhotoStatus.APPROVED and stored(pending) == [True, True]

    def test_a_bad_action_changes_nothing(self, client, coordinator, pending):
        client.force_login(coordinator)
        url = reverse("wagtail_allyship_signphoto_review", args=[pending.pk])
        assert client.post(url, {"action": "publish"}).status_code == 302
        assert client.get(url).status_code == 405
        pending.refresh_from_db()
        assert pending.status == PhotoStatus.PENDING


class TestRemoval:
    def test_withdrawing_consent_removes_it_everywhere(self, client, mine, wall, pending, ally):
        pending.status = PhotoStatus.APPROVED
        pending.save()
        client.force_login(ally)
        assert client.get(mine.url + "sign/photo/remove/").status_code == 405
        client.post(mine.url + "sign/photo/remove/")
        assert not SignPhoto.objects.exists()
        assert stored(pending) == [False, False]
        assert client.get(f"{wall.url}{pending.pledge_id}/photo/").status_code == 404

    def test_deleting_the_user_removes_the_files(self, pending, ally):
        ally.delete()
        assert not SignPhoto.objects.exists() and stored(pending) == [False, False]

    def test_deleting_the_pledge_removes_the_files(self, pending):
        pending.pledge.delete()
        assert stored(pending) == [False, False]

    def test_retention_removes_the_files(self, pending, ally):
        import datetime

        registration = ally.ally_registration
        registration.status = RegistrationStatus.LEFT
        registration.left_on = datetime.date(2020, 1, 1)
        registration.save()
        apply_retention()
        assert not SignPhoto.objects.exists() and stored(pending) == [False, False]


class TestPersonalData:
    def test_my_data_holds_the_photo(self, client, mine, pending, ally):
        client.force_login(ally)
        data = json.loads(client.get(mine.url + "my-data/").content)
        [photo] = data["pledge_sign_photos"]
        assert photo["status"] == "pending" and photo["consent_given_at"]
        assert photo["photo"].startswith("data:image/jpeg;base64,")

    def test_nobody_else_reads_the_pending_photo(self, client, wall, pending, staff_user):
        client.force_login(staff_user)
        assert client.get(f"{wall.url}{pending.pledge_id}/photo/").status_code == 404
        other = make_ally("sam")
        client.force_login(other)
        assert client.get(f"{wall.url}{pending.pledge_id}/photo/").status_code == 404

    def test_the_snippet_and_api_guard_covers_the_model(self, client, pending, staff_user):
        from wagtail_allyship.access.personal import personal_data_refusal

        assert personal_data_refusal(staff_user, SignPhoto)


def approved_photos(count: int, batch: str = "a") -> None:
    unit = OrganisationUnitFactory(name=f"Kent Police {batch}")
    for number in range(count):
        user = UserFactory(username=f"ally-{batch}-{number}")
        AllyRegistrationFactory(user=user, unit=unit)
        pledge = PledgeFactory(user=user)
        CommitmentFactory(pledge=pledge, position=1)
        SignPhoto.objects.create(
            pledge=pledge,
            consent_at=pledge.created_at,
            status=PhotoStatus.APPROVED,
            image=f"allyship/sign-photos/{batch}-{number}.jpg",
            wall_image=f"allyship/sign-photos/{batch}-{number}w.jpg",
            width=480,
            height=640,
        )


def same_queries_at_10_and_200(client, url, django_assert_max_num_queries, limit, check):
    """Queries of ``url`` with 10 photos, then with 200: the same number, within ``limit``."""

    def measure() -> int:
        client.get(url)  # caches of the first request (site root, content types) filled
        with django_assert_max_num_queries(limit) as captured:
            response = client.get(url)
        assert response.status_code == 200
        check(response.content.decode())
        return len(captured)

    approved_photos(10, "few")
    few = measure()
    approved_photos(190, "many")
    assert SignPhoto.objects.count() >= 200
    many = measure()
    assert many == few, f"{few} queries with 10 photos, {many} with 200"
    return few


def test_wall_queries_do_not_grow_with_photos(
    client, wall, staff_user, django_assert_max_num_queries
):
    client.force_login(staff_user)

    def check(html):
        shown = min(SignPhoto.objects.count(), wall.per_page)
        assert html.count("holding his pledge sign") == shown

    queries = same_queries_at_10_and_200(client, wall.url, django_assert_max_num_queries, 20, check)
    print(f"pledge wall: {queries} queries at 10 and at 200 approved photos")


def test_queue_queries_do_not_grow_with_photos(client, coordinator, django_assert_max_num_queries):
    client.force_login(coordinator)

    def check(html):
        assert html.count('value="approve"') == min(SignPhoto.objects.count(), 20)

    def waiting(*args):
        SignPhoto.objects.update(status=PhotoStatus.PENDING)

    url = reverse("wagtail_allyship_signphoto")
    approved_photos(10, "few")
    waiting()
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        html = client.get(url).content.decode()
    check(html)
    approved_photos(190, "many")
    waiting()
    with django_assert_max_num_queries(14) as many:
        html = client.get(url).content.decode()
    check(html)
    assert len(few) == len(many)
    print(f"approval queue: {len(few)} queries at 10 and at 200 waiting photos")


def test_the_allys_photo_page_queries_do_not_grow_with_photos(
    client, mine, pending, ally, django_assert_max_num_queries
):
    client.force_login(ally)
    queries = same_queries_at_10_and_200(
        client, mine.url + "sign/photo/", django_assert_max_num_queries, 12, lambda html: None
    )
    print(f"the ally's photo page: {queries} queries at 10 and at 200 other photos")


def test_too_many_pixels_is_refused_before_decoding(client, mine, ally, monkeypatch):
    from wagtail_allyship.pledges.photos import images

    monkeypatch.setattr(images, "MAX_PIXELS", 900 * 1199)
    client.force_login(ally)
    response = post_photo(client, mine)
    assert response.status_code == 400
    assert "The photo has too many pixels." in response.content.decode()
    assert not SignPhoto.objects.exists()


@override_settings(WAGTAIL_ALLYSHIP={"FORM_SUBMISSIONS_PER_HOUR": 2})
def test_uploads_are_limited_per_hour(client, mine, ally):
    from django.core.cache import cache

    cache.clear()
    client.force_login(ally)
    assert post_photo(client, mine).status_code == 302
    assert post_photo(client, mine).status_code == 302
    first = SignPhoto.objects.get()
    response = post_photo(client, mine)
    assert response.status_code == 429
    assert "too many times this hour" in response.content.decode()
    assert SignPhoto.objects.get() == first
    cache.clear()


def test_a_storage_that_is_not_there_is_reported(settings):
    from wagtail_allyship.checks import check_sign_photo_storage

    settings.WAGTAIL_ALLYSHIP = {"SIGN_PHOTO_STORAGE": "private-photos"}
    [error] = check_sign_photo_storage()
    assert error.id == "wagtail_allyship.E008" and "private-photos" in error.msg
    settings.STORAGES = {**settings.STORAGES, "private-photos": settings.STORAGES["default"]}
    assert check_sign_photo_storage() == []
