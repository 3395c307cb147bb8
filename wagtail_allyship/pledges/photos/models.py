"""The photo of an ally holding his pledge sign, kept private until a coordinator approves it.

Why a private file of our own rather than a Wagtail image: Wagtail's image library is shared
by every editor (choosers, the image listing, the API) and serves its renditions from public
addresses that outlive the image's removal in caches and CDNs; nothing in it asks about
consent. A :class:`SignPhoto` holds exactly two files, the photo and the smaller version the
wall shows, under random names, in the storage named by the ``SIGN_PHOTO_STORAGE`` setting
(a private bucket in production). They are never linked directly: the package's views serve
them to the ally, to coordinators, and, once approved, to the logged-in staff who may see the
pledge. Removing the photo removes both files, so no rendition is left behind.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_allyship.conf import get_setting
from wagtail_allyship.pledges.models import Pledge


class PhotoStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


def photo_storage():
    """The storage the photos live in (``SIGN_PHOTO_STORAGE``), read when a file is used."""
    return storages[get_setting("SIGN_PHOTO_STORAGE")]


def photo_name(instance, filename: str) -> str:
    """A random name: nothing in it names the ally, and nobody can guess it."""
    return f"allyship/sign-photos/{secrets.token_hex(16)}.jpg"


class SignPhotoQuerySet(models.QuerySet):
    def approved(self) -> SignPhotoQuerySet:
        return self.filter(status=PhotoStatus.APPROVED)

    def pending(self) -> SignPhotoQuerySet:
        return self.filter(status=PhotoStatus.PENDING)


class SignPhoto(models.Model):
    """One ally's photo with the sign of one pledge, and his consent to show it."""

    pledge = models.OneToOneField(
        Pledge,
        verbose_name=_("pledge"),
        on_delete=models.CASCADE,
        related_name="sign_photo",
        help_text=_("The pledge whose sign the ally holds in the photo."),
    )
    image = models.FileField(
        _("photo"),
        storage=photo_storage,
        upload_to=photo_name,
        max_length=200,
        blank=True,
        help_text=_("The photo, re-encoded without its metadata (location, camera)."),
    )
    wall_image = models.FileField(
        _("photo for the wall"),
        storage=photo_storage,
        upload_to=photo_name,
        max_length=200,
        blank=True,
        help_text=_("The smaller version of the photo that the pledge wall shows."),
    )
    width = models.PositiveIntegerField(
        _("width"), default=0, help_text=_("Width of the wall version, in pixels.")
    )
    height = models.PositiveIntegerField(
        _("height"), default=0, help_text=_("Height of the wall version, in pixels.")
    )
    consent_at = models.DateTimeField(
        _("consent given at"),
        help_text=_("When the ally agreed that the photo may be shown on the pledge wall."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PhotoStatus.choices,
        default=PhotoStatus.PENDING,
        help_text=_("Only an approved photo appears on the pledge wall."),
    )
    uploaded_at = models.DateTimeField(
        _("uploaded at"), default=timezone.now, help_text=_("When the ally uploaded the photo.")
    )
    reviewed_at = models.DateTimeField(
        _("reviewed at"),
        null=True,
        blank=True,
        help_text=_("When a coordinator approved or refused the photo."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The coordinator who approved or refused the photo."),
    )

    objects = SignPhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge sign photo")
        verbose_name_plural = _("pledge sign photos")
        indexes = [models.Index(fields=["status", "uploaded_at"], name="allyship_photo_queue_idx")]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.uploaded_at:%Y-%m-%d})"

    @property
    def is_approved(self) -> bool:
        return self.status == PhotoStatus.APPROVED

    def file_names(self) -> list[str]:
        return [field.name for field in (self.image, self.wall_image) if field]

    def delete_files(self) -> None:
        """Remove the photo and every smaller version of it from the storage."""
        storage = photo_storage()
        for name in self.file_names():
            storage.delete(name)


def remove_photo_files(sender, instance: SignPhoto, **kwargs) -> None:
    """``post_delete`` receiver (connected in ``AppConfig.ready``): the files go with the row.

    Whatever removes the row, the ally withdrawing his consent, his pledge or his account
    being deleted, or the retention run, removes the files too. They go at once, not after
    the transaction: a rolled-back removal leaves a row without its photo, never a photo
    without the consent that allowed it.
    """
    instance.delete_files()
