"""The size limit on files attached to the programme's pages and forms (``UPLOAD_MAX_MB``).

Wagtail refuses an upload above ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``, and above
``WAGTAILDOCS_MAX_UPLOAD_SIZE`` on the Wagtail versions that have it; on every version, a host
that sets ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` to
:class:`~wagtail_allyship.content.documents.LimitedDocumentForm` refuses larger documents at
upload (a system check says when neither is in place). A page or form of the package also
refuses to take a document or image above the limit, however it was uploaded, with a message
that says how large the file is and what the limit is.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail_allyship.conf import get_setting


def max_upload_bytes() -> int:
    return get_setting("UPLOAD_MAX_MB") * 1024 * 1024


def file_size(stored) -> int | None:
    """The size of a Wagtail document or image, or of an uploaded file; ``None`` if unknown."""
    size = getattr(stored, "file_size", None)
    if size:
        return size
    for candidate in (stored, getattr(stored, "file", None)):
        try:
            size = getattr(candidate, "size", None)
        except (OSError, ValueError):
            size = None
        if isinstance(size, int):
            return size
    return None


def upload_size_error(stored) -> ValidationError | None:
    """Why ``stored`` is too large for the programme's pages, or ``None`` if it is not."""
    size = file_size(stored)
    limit = max_upload_bytes()
    if size is None or size <= limit:
        return None
    return ValidationError(
        _(
            "“%(name)s” is %(size)s; files on the programme's pages may be at most %(limit)s. "
            "Choose a smaller file, or make this one smaller (compress it, or split it)."
        )
        % {"name": stored, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="file_too_large",
    )
