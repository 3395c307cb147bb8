"""A check in front of wagtail-localize's PO upload, so that a wrong file never ends in a 500.

wagtail-localize reads the uploaded file and its ``X-WagtailLocalize-TranslationID`` header
without checking that either is there: an empty file, a PO file made by hand or a form sent
without a file raise an error. Here such an upload is refused with a message and nothing
changes; any other upload goes on to wagtail-localize's own view unchanged.
"""

from __future__ import annotations

import polib
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views import edit_translation

#: The header wagtail-localize writes into every PO file it exports.
HEADER = "X-WagtailLocalize-TranslationID"


def refusal(upload) -> str | None:
    """Why ``upload`` cannot be imported, or ``None`` when wagtail-localize can take it."""
    if upload is None:
        return _("Choose a PO file to upload.")
    content = upload.read()
    upload.seek(0)
    try:
        po = polib.pofile(content.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None  # wagtail-localize says "Please upload a valid PO file." itself
    if not po.metadata.get(HEADER):
        return _(
            "This PO file was not downloaded from this translation: it lacks the line "
            "that says which translation it belongs to. Download the PO file again, "
            "translate it and upload that file."
        )
    return None


@require_POST
def upload_pofile(request, translation_id: int):
    reason = refusal(request.FILES.get("file"))
    if reason is None:
        return edit_translation.upload_pofile(request, translation_id=translation_id)
    messages.error(request, reason)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
