#!/usr/bin/env bash
# Every migration of the package applies, reverses to zero and applies again, on SQLite,
# PostgreSQL and MariaDB, with the example intranet's settings; then the starter content
# command runs twice on the result (the second run must add nothing).
set -euo pipefail
run_id=$1
cd "$(dirname "$0")/../example_site"
python=../.venv/bin/python
work=$(mktemp -d)
pg_db="allyship_mig_${run_id}"
my_db="allyship_mig_${run_id}"
cleanup() {
  rm -rf "$work"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
  mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $my_db" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pg_db"
mariadb -h 127.0.0.1 -u root -e "CREATE DATABASE $my_db CHARACTER SET utf8mb4"

count_rows='
from wagtail.models import Page
from wagtail_allyship.models import AllyAction, AwarenessDate, GlossaryTerm, Topic
print(*(f"{m.__name__}={m.objects.count()}" for m in (Page, AllyAction, GlossaryTerm, Topic, AwarenessDate)))
'

for url in "sqlite:///$work/db.sqlite3" \
  "postgres://postgres@127.0.0.1:5432/$pg_db" \
  "mysql://root@127.0.0.1:3306/$my_db"; do
  engine=${url%%:*}
  export DATABASE_URL=$url DJANGO_SETTINGS_MODULE=intranet.settings.dev
  $python manage.py migrate --noinput -v0
  $python manage.py migrate wagtail_allyship zero --noinput -v0
  $python manage.py migrate --noinput -v0
  $python manage.py allyship_starter >/dev/null
  before=$($python manage.py shell -v 0 -c "$count_rows")
  $python manage.py allyship_starter >/dev/null
  after=$($python manage.py shell -v 0 -c "$count_rows")
  [ "$before" = "$after" ] || { echo "$engine: a second allyship_starter added rows ($before -> $after)"; exit 1; }
  echo "$engine: migrations apply, reverse to zero and apply again; allyship_starter is idempotent ($after)"
done
