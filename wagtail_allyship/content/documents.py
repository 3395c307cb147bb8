"""The document upload form that refuses a file above ``UPLOAD_MAX_MB``.

Named by the host's ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, so that Wagtail's own upload views use
it (a module of its own: Wagtail's document forms can only be imported once apps are ready).
"""

from __future__ import annotations

from wagtail.documents.forms import BaseDocumentForm

from wagtail_allyship.content.uploads import upload_size_error


class LimitedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing a file above ``UPLOAD_MAX_MB`` when it is uploaded.

    For ``WAGTAILDOCS_DOCUMENT_FORM_BASE``: it works on every Wagtail the package supports,
    including those without ``WAGTAILDOCS_MAX_UPLOAD_SIZE``.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        error = upload_size_error(file) if file else None
        if error is not None:
            raise error
        return file
