#!/usr/bin/env bash
# Install the built wheel into a new `wagtail start` project, as a host would, and migrate it
# on SQLite and on PostgreSQL.
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
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$wheel" "psycopg[binary]" dj-database-url
cd "$work"
venv/bin/wagtail start hostsite >/dev/null
cd hostsite
cat >> hostsite/settings/base.py <<'PY'

# --- wagtail-allyship ---
import os as _os

import dj_database_url as _dj_database_url

INSTALLED_APPS = [
    "wagtail_allyship",
    "wagtail_localize",
    "wagtail_localize.locales",
] + [app for app in INSTALLED_APPS if app != "wagtail.locales"]
WAGTAIL_I18N_ENABLED = True
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "wagtail_allyship.middleware.UnitRightsMiddleware",
)
if _os.environ.get("DATABASE_URL"):
    DATABASES = {"default": _dj_database_url.parse(_os.environ["DATABASE_URL"])}
# Wagtail's search index on PostgreSQL needs this app, as Wagtail's own docs say.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")
WAGTAILDOCS_MAX_UPLOAD_SIZE = WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_allyship.content.documents.LimitedDocumentForm"
PY
# The package's own addresses (the unsubscribe link of reminder emails), as the guide says.
cat >> hostsite/urls.py <<'PY'

# --- wagtail-allyship ---
urlpatterns.insert(0, path("allyship/", include("wagtail_allyship.urls")))
PY
grep -q "^from django.urls import include, path" hostsite/urls.py || {
  echo "wagtail start template's urls.py no longer imports include and path"; exit 1; }
for app in taggit modelcluster; do
  grep -q "\"$app\"" hostsite/settings/base.py || { echo "wagtail start template lacks $app"; exit 1; }
done
../venv/bin/python manage.py migrate --noinput -v0
../venv/bin/python manage.py check --fail-level WARNING
echo "fresh wagtail project: migrate + check OK on SQLite"
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
