"""Files on the programme's pages have a size limit (UPLOAD_MAX_MB), said in words."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model

from tests.factories import ResourceHubPageFactory, ResourcePageFactory
from wagtail_allyship.content.uploads import max_upload_bytes, upload_size_error

pytestmark = pytest.mark.django_db

ONE_MB = 1024 * 1024


def limit(megabytes: int):
    return override_settings(
        WAGTAIL_ALLYSHIP={**settings.WAGTAIL_ALLYSHIP, "UPLOAD_MAX_MB": megabytes},
        WAGTAILDOCS_MAX_UPLOAD_SIZE=megabytes * ONE_MB,
    )


def document(size: int, title="Slide deck"):
    doc = get_document_model()(title=title)
    doc.file.save("deck.pdf", ContentFile(b"%" * size), save=False)
    doc.save()
    return doc


def test_the_default_is_twenty_megabytes():
    assert max_upload_bytes() == 20 * ONE_MB


def test_a_resource_refuses_a_document_above_the_limit(locales):
    hub = ResourceHubPageFactory()
    with limit(1):
        resource = ResourcePageFactory.build(document=document(2 * ONE_MB))
        resource.locale = hub.locale
        with pytest.raises(ValidationError) as error:
            resource.full_clean(exclude=["path", "depth", "slug", "url_path"])
    message = error.value.message_dict["document"][0]
    assert "2.0\xa0MB" in message and "1.0\xa0MB" in message
    assert "Choose a smaller file" in message


def test_the_message_is_translated():
    big = document(2 * ONE_MB)
    with limit(1), translation.override("fr"):
        message = upload_size_error(big).messages[0]
    assert "Choose a smaller file" not in message


def test_a_document_within_the_limit_is_taken():
    with limit(1):
        assert upload_size_error(document(ONE_MB // 2)) is None


def test_wagtails_upload_form_refuses_it_too(admin_client):
    """The host sets Wagtail's own limit to the package's, as the guide says."""
    with limit(1):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Too big",
                "file": SimpleUploadedFile("big.pdf", b"%" * (2 * ONE_MB)),
                "collection": 1,
            },
        )
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="Too big").exists()
