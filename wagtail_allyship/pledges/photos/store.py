"""Saving, approving and removing sign photos: every write in one place, each in a transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from wagtail_allyship.pledges.models import Pledge
from wagtail_allyship.pledges.photos.images import Processed
from wagtail_allyship.pledges.photos.models import PhotoStatus, SignPhoto


def save_photo(pledge: Pledge, processed: Processed) -> SignPhoto:
    """Replace the pledge's photo with a new one, waiting for approval, consent given now.

    The pledge's row is locked first, so that two uploads at once end with one photo and no
    file left over; the files of a photo whose row could not be saved are removed again.
    """
    with transaction.atomic():
        Pledge.objects.select_for_update().filter(pk=pledge.pk).first()
        for old in SignPhoto.objects.filter(pledge=pledge):
            old.delete()  # the files go with it (post_delete)
        photo = SignPhoto(pledge=pledge, consent_at=timezone.now())
        try:
            photo.image.save("photo.jpg", processed.full, save=False)
            photo.wall_image.save("photo.jpg", processed.wall, save=False)
            photo.width, photo.height = processed.width, processed.height
            photo.save()
        except BaseException:
            photo.delete_files()
            raise
    return photo


def remove_photo(pledge: Pledge) -> bool:
    """Withdraw consent: the photo and its files go everywhere; ``False`` if there was none."""
    removed = 0
    for photo in SignPhoto.objects.filter(pledge=pledge):
        photo.delete()
        removed += 1
    return bool(removed)


def review(photo_id: int, approve: bool, reviewer) -> SignPhoto | None:
    """Approve, or refuse, a photo waiting for approval; ``None`` if it is no longer waiting.

    A refused photo's files are removed at once (nothing is kept that will not be shown); the
    row stays, so that the ally sees that it was not approved and may upload another.
    """
    with transaction.atomic():
        photo = SignPhoto.objects.select_for_update().filter(pk=photo_id).first()
        if photo is None or photo.status != PhotoStatus.PENDING:
            return None
        photo.status = PhotoStatus.APPROVED if approve else PhotoStatus.REJECTED
        photo.reviewed_at = timezone.now()
        photo.reviewed_by = reviewer
        if not approve:
            photo.delete_files()
            photo.image = photo.wall_image = ""
        photo.save()
    return photo
