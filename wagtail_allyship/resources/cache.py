"""Caching of a resource hub's results, safe with many app servers.

Counting facets over thousands of resources is the hub's heaviest work, and most readers ask
for the same few states. The rendered results are kept in Django's cache under a key that
holds a version number stored in the database: every change to what a hub lists (a resource
or hub published, unpublished, moved or deleted; a topic, tag or view restriction changed)
raises that number in the same transaction, so no server ever serves results older than
the data, whatever cache backend the host uses.
"""

from __future__ import annotations

import hashlib

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_allyship.conf import get_setting
from wagtail_allyship.resources.models import (
    ResourceLibraryVersion,
    ResourceTag,
    ResourceTopic,
    TaggedResource,
)
from wagtail_allyship.topics.models import Topic


def current_version() -> int:
    version = ResourceLibraryVersion.objects.filter(pk=1).values_list("version", flat=True)
    return version.first() or 0


def bump_version(**_kwargs) -> None:
    """Make every cached hub result out of date (called by the signals below)."""
    if ResourceLibraryVersion.objects.filter(pk=1).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            ResourceLibraryVersion.objects.create(pk=1, version=1)
    except IntegrityError:
        ResourceLibraryVersion.objects.filter(pk=1).update(version=F("version") + 1)


#: Raised when the hub's markup changes, so that no page shows results cached by an older release.
MARKUP_VERSION = 2


def cache_key(hub, request) -> str | None:
    """The key of ``hub``'s results for ``request``, or ``None`` when caching is off."""
    if not get_setting("RESOURCES_CACHE_SECONDS"):
        return None
    site = getattr(request, "_wagtail_site", None)
    params = sorted((name, value) for name, values in request.GET.lists() for value in values)
    state = repr(
        (
            MARKUP_VERSION,
            current_version(),
            hub.pk,
            get_language(),
            getattr(site, "pk", None),
            get_setting("RESOURCES_PER_PAGE"),
            get_setting("RESOURCES_SHOW_UNTRANSLATED"),
            get_setting("RESOURCES_SEARCH_LIMIT"),
            params,
        )
    )
    return "wagtail_allyship:hub:" + hashlib.sha256(state.encode()).hexdigest()


def connect(page_types: tuple[type, ...]) -> None:
    """Hook the version to every change that alters what a hub lists.

    ``page_types`` are the hub and resource page types (called from ``AppConfig.ready``).
    """

    def page_changed(sender, **kwargs) -> None:
        if isinstance(sender, type) and issubclass(sender, page_types):
            bump_version()

    def page_moved(sender, instance, **kwargs) -> None:
        if isinstance(instance.specific_deferred, page_types):
            bump_version()

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(page_changed, weak=False, dispatch_uid=f"allyship-hub-{id(signal)}")
    post_page_move.connect(page_moved, weak=False, dispatch_uid="allyship-hub-move")
    for model in (Topic, ResourceTag, ResourceTopic, TaggedResource, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_version,
                sender=model,
                dispatch_uid=f"allyship-hub-{model.__name__}-{id(signal)}",
            )
