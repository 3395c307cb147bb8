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
PY
for app in taggit modelcluster; do
  grep -q "\"$app\"" hostsite/settings/base.py || { echo "wagtail start template lacks $app"; exit 1; }
done
../venv/bin/python manage.py migrate --noinput -v0
../venv/bin/python manage.py check --fail-level WARNING
echo "fresh wagtail project: migrate + check OK on SQLite"
DATABASE_URL=$pg_url ../venv/bin/python manage.py migrate --noinput -v0
DATABASE_URL=$pg_url ../venv/bin/python manage.py check --fail-level WARNING
echo "fresh wagtail project: migrate + check OK on PostgreSQL"
