"""Create translations through wagtail-localize, so translators find them in its editor later."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import models, transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import Translation, TranslationSource


@transaction.atomic
def translate(
    instance: models.Model, locale: Locale, strings: Mapping[str, str], publish: bool = True
) -> models.Model:
    """Translate ``instance`` into ``locale`` and return the translated object.

    ``strings`` maps source text to its translation; text not in it keeps the source wording
    (wagtail-localize's fallback), and a translator can change any of it afterwards. Running
    it again updates the same translation rather than creating another.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgstr or entry.msgid)
    translation.import_po(po, tool_name="wagtail-allyship")
    drafts = isinstance(instance, DraftStateMixin)
    # wagtail-localize publishes a page translation only when the transaction commits, from
    # an object loaded before any sub-page was added; publishing that stale object would
    # reset the tree's child count and hide the sub-pages. Publish the fresh revision now.
    translation.save_target(publish=publish and not drafts)
    target = instance.get_translation(locale)
    if publish and drafts:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
