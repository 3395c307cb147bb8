#!/usr/bin/env bash
# Install the built wheel into a new `wagtail start` project by following the installation guide
# (docs/pages/installation.md) to the letter, then migrate it on SQLite and on PostgreSQL.
set -euo pipefail
wheel=$(ls "$1"/wagtail_allyship-*.whl)
pg_url=$2
pg_name=${pg_url##*/}
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pg_name" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pg_name"
# The steps are the installation guide's own code blocks, each marked in the Markdown with an
# HTML comment "<!-- fresh-project: KIND -->" (install, settings, urls or shell): what a
# reader follows is what runs here, never a second copy of the steps.
guide="$(cd "$(dirname "$0")/.." && pwd)/docs/pages/installation.md"
blocks() {
  python3 - "$guide" "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
pattern = r"<!-- fresh-project: ([\w-]+) -->\s*```\w*\n(.*?)```"
found = [code for kind, code in re.findall(pattern, text, re.DOTALL) if kind == sys.argv[2]]
if not found:
    sys.exit(f"installation.md has no block marked fresh-project: {sys.argv[2]}")
print("\n".join(found))
PY
}
python3 -m venv "$work/venv"
cp "$wheel" "$work/"
cd "$work"
echo "installation guide, step 1 (from the wheel):"
blocks install | sed 's/^pip /venv\/bin\/pip /' | tee /dev/stderr | bash -euo pipefail
venv/bin/pip install --quiet "psycopg[binary]" dj-database-url
venv/bin/wagtail start hostsite >/dev/null
cd hostsite
# The database this check runs on (not part of the guide), then the guide's settings.
cat >> hostsite/settings/base.py <<'PY'

# --- the check's database ---
import os as _os

import dj_database_url as _dj_database_url

if _os.environ.get("DATABASE_URL"):
    DATABASES = {"default": _dj_database_url.parse(_os.environ["DATABASE_URL"])}
PY
{ echo; echo "# --- wagtail-allyship, from the installation guide ---"; blocks settings; } \
  >> hostsite/settings/base.py
{ echo; echo "# --- wagtail-allyship, from the installation guide ---"; blocks urls; } \
  >> hostsite/urls.py
for app in taggit modelcluster; do
  grep -q "\"$app\"" hostsite/settings/base.py || { echo "wagtail start template lacks $app"; exit 1; }
done
echo "installation guide, steps 7 and 8 (migrate, check, starter content):"
blocks shell | sed 's/^python /..\/venv\/bin\/python /' | tee /dev/stderr | bash -euo pipefail
../venv/bin/python manage.py check --fail-level WARNING
../venv/bin/python manage.py shell -v0 -c '
from wagtail_allyship.models import AllyRoleProfilePage, CalendarPage
assert AllyRoleProfilePage.objects.live().exists() and CalendarPage.objects.live().exists()
print("the starter content is published, as the guide says")
'
echo "fresh wagtail project: the installation guide works as written on SQLite"
# The host imports every model from wagtail_allyship.models and overrides one template by path.
mkdir -p hostsite/templates/wagtail_allyship/glossary
cat > hostsite/templates/wagtail_allyship/glossary/glossary_page.html <<'HTML'
{% extends "wagtail_allyship/page.html" %}
{% block allyship_class %}allyship-glossary host-override{% endblock %}
{% block allyship_main %}<p>The host's own glossary template.</p>{% endblock %}
HTML
../venv/bin/python manage.py shell -v0 -c '
import wagtail_allyship.models as models
from django.test import Client
from wagtail.models import Page
assert len(models.__all__) >= 40, models.__all__
for name in models.__all__:
    getattr(models, name)
home = Page.objects.get(depth=2)
page = home.add_child(instance=models.GlossaryPage(title="Glossary", slug="glossary"))
html = Client().get(page.url).content.decode()
assert "host-override" in html, html[:500]
print("host imports", len(models.__all__), "names from wagtail_allyship.models; its override of a template is used")
'
DATABASE_URL=$pg_url ../venv/bin/python manage.py migrate --noinput -v0
DATABASE_URL=$pg_url ../venv/bin/python manage.py check --fail-level WARNING
echo "fresh wagtail project: migrate + check OK on PostgreSQL"
