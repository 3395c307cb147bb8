"""Prepare the example site for the browser journeys, in one process (``support.py`` runs it).

Migrates the database named by ``DATABASE_URL``, loads the demo content with the example
site's own ``allyship_demo`` command, and writes every live page (all languages) as JSON to
the file named on the command line.
"""

import json
import sys

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from wagtail.models import Page  # noqa: E402

call_command("migrate", interactive=False, verbosity=0)
call_command("allyship_demo")

rows = []
for page in Page.objects.live().filter(depth__gt=1).specific().select_related("locale"):
    parts = page.get_url_parts()
    if parts is None:
        continue
    rows.append(
        {
            "id": page.pk,
            "model": page._meta.label_lower,
            "verbose_name": str(page._meta.verbose_name),
            "locale": page.locale.language_code,
            "path": parts[2],
            "title": page.title,
            "depth": page.depth,
        }
    )
with open(sys.argv[1], "w", encoding="utf-8") as output:
    json.dump(rows, output)
