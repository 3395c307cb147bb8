"""Load the starter content (step 1 and the calendar) in every language of the site we write in."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Page, Site

from wagtail_allyship.starter.calendar import load_calendar_starter
from wagtail_allyship.starter.step1 import load_starter
from wagtail_allyship.starter.texts import SHIPPED, language_of
from wagtail_allyship.starter.translating import localise_originals, translate_starter
from wagtail_allyship.text.progress import Progress


class Command(BaseCommand):
    help = (
        "Load the starter content for step 1 of the programme (ten everyday and four "
        "structural actions, the glossary, a role profile page and a recruitment article "
        "template) and the allyship calendar (topics, the toolkit's dates and a calendar "
        "page), with its translations into every language of the site among "
        + ", ".join(SHIPPED)
        + ". Safe to run again: what is already there is left as it is, and a language "
        "added since the last run gets its translations."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale",
            default=None,
            help="Language code of the originals, e.g. 'fr' (default: the default language). "
            "The site's other languages get translations of them.",
        )
        parser.add_argument(
            "--parent",
            type=int,
            default=None,
            help="ID of the page to put the pages under (default: the default site's home page).",
        )
        parser.add_argument(
            "--no-pages",
            action="store_true",
            help="Load the actions and glossary terms only.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the pages and their translations (default: drafts).",
        )
        parser.add_argument(
            "--no-translations",
            action="store_true",
            help="Load the originals only, without translations into the site's other languages.",
        )
        parser.add_argument(
            "--sign-up-url",
            default="",
            help="Where the role profile's sign-up button leads (default: no button).",
        )

    def handle(self, *args, **options):
        locale = self.get_locale(options["locale"])
        parent = None if options["no_pages"] else self.get_parent(options["parent"], locale)
        translations = not options["no_translations"]
        total = 3 if translations else 2
        verbosity = options["verbosity"]
        with (
            Progress(self.stdout, total, "Starter", verbosity) as progress,
            transaction.atomic(),
        ):
            progress.step("actions, glossary, role profile and recruitment article")
            result = load_starter(
                locale,
                parent=parent,
                publish=options["publish"],
                sign_up_url=options["sign_up_url"],
            )
            progress.step("topics, awareness dates and the calendar page")
            calendar = load_calendar_starter(locale, parent=parent, publish=options["publish"])
            if language_of(locale) not in (None, "en"):
                localise_originals(result.new_objects + calendar.new_objects, language_of(locale))
            translated = None
            if translations:
                progress.step("translations into the site's other languages")
                translated = translate_starter(locale, publish=options["publish"])
        if not verbosity:
            return
        result.created += calendar.created
        result.existing += calendar.existing
        self.stdout.write(
            self.style.SUCCESS(
                f"Starter content in '{locale.language_code}': {len(result.created)} created, "
                f"{len(result.existing)} already there."
            )
        )
        for name in result.created:
            self.stdout.write(f"  + {name}")
        if translated is not None:
            self.report_translations(translated)
        if not options["publish"] and parent is not None and result.created:
            self.stdout.write(
                self.style.WARNING(
                    "The pages are drafts: publish them in the admin, or run this command "
                    "again with --publish."
                )
            )

    def report_translations(self, translated) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                f"Translations: {len(translated.created)} created, "
                f"{len(translated.existing)} already there."
            )
        )
        for name in translated.created:
            self.stdout.write(f"  + {name}")
        for name in translated.skipped:
            self.stdout.write(
                self.style.WARNING(
                    f"  ! {name}: not translated, its parent page has no version in that "
                    "language. Translate the parent page, then run this command again."
                )
            )

    def get_locale(self, code: str | None) -> Locale:
        if code is None:
            return Locale.get_default()
        try:
            return Locale.objects.get(language_code=code)
        except Locale.DoesNotExist:
            known = ", ".join(Locale.objects.values_list("language_code", flat=True)) or "none"
            raise CommandError(
                f"There is no locale '{code}'. Add it under Settings › Locales first "
                f"(existing: {known})."
            ) from None

    def get_parent(self, page_id: int | None, locale: Locale) -> Page:
        if page_id is not None:
            parent = Page.objects.filter(pk=page_id).first()
            if parent is None:
                raise CommandError(f"There is no page with ID {page_id}.")
            if parent.locale_id != locale.pk:
                raise CommandError(
                    f"Page {page_id} is in '{parent.locale.language_code}', not "
                    f"'{locale.language_code}'. Choose a page in that language."
                )
            return parent
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site. Pass --parent with a page ID.")
        parent = site.root_page.get_translation_or_none(locale)
        if parent is None:
            raise CommandError(
                f"The home page has no '{locale.language_code}' version. Translate it first, "
                "or pass --parent with a page ID."
            )
        return parent
