# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHECKSUM := $(shell cat pyproject.toml | cksum | cut -d' ' -f1)
STAMP := $(VENV)/.installed-$(CHECKSUM)
DEMO_STAMP := $(VENV)/.installed-demo-$(CHECKSUM)
MANAGE := cd example_site && ../$(BIN)/python manage.py
EXTRAS ?= test,docs,example,postgres

.PHONY: install demo serve screenshots test test-postgres test-mariadb browser-test bench load-test load-test-outage docs lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# pip shows its own progress: a first install downloads about 150 MB and takes a minute or two.
$(STAMP): $(BIN)/python
	@echo "==> Installing wagtail-allyship and its extras ($(EXTRAS)) into $(VENV)"
	$(BIN)/python -m pip install --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --disable-pip-version-check -e ".[$(EXTRAS)]"
	rm -f $(VENV)/.installed-[0-9]*
	touch $@ $(DEMO_STAMP)

install: $(STAMP)

# The demo needs only the package and the example site's extras: a fraction of the download of
# the full set (no test, docs or browser tools), so a first `make demo` is quick.
$(DEMO_STAMP): $(BIN)/python
	@echo "==> Installing wagtail-allyship and what the demo needs (extra: example) into $(VENV)"
	$(BIN)/python -m pip install --disable-pip-version-check -e ".[example]"
	rm -f $(VENV)/.installed-demo-*
	touch $@

# The web server and, beside it, the background worker that sends the emails (reminders); the
# worker takes its tasks from the database (manage.py db_worker). Ctrl+C stops both.
demo: $(DEMO_STAMP)
	@echo "==> Creating or updating the demo database (example_site/db.sqlite3)"
	$(MANAGE) migrate --noinput
	@echo "==> Loading the demo content (about 30 s the first time, a few seconds after)"
	$(MANAGE) allyship_demo
	@echo "Serving the demo intranet on http://127.0.0.1:8000"
	@echo "Background worker: manage.py db_worker (sends the reminder emails; they print here)"
	@echo "Ctrl+C stops both"
	cd example_site; ../$(BIN)/python manage.py db_worker --queue-name '*' --interval 2 --no-reload & \
		worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		../$(BIN)/python manage.py runserver 127.0.0.1:8000

# The package's tests (tests/, on their own minimal host) and the example intranet's own tests
# (example_site/intranet/tests/, on its demo content).
PYTEST_ARGS ?= -n auto
test: install
	$(BIN)/pytest $(PYTEST_ARGS)
	cd example_site && ../$(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/allyship} $(MAKE) --no-print-directory test

test-mariadb: install
	$(BIN)/python -m pip install --quiet -e ".[mysql]"
	DATABASE_URL=$${DATABASE_URL:-mysql://root@127.0.0.1:3306/allyship} $(MAKE) --no-print-directory test

# Browser journeys: Playwright drives Debian's Chromium (/usr/bin/chromium, never a downloaded
# browser); axe-core and vnu.jar (the W3C Nu HTML checker, run on the system Java) come from npm
# into tests/browser/node_modules, without install scripts (nothing is downloaded besides them).
AXE_STAMP := tests/browser/node_modules/.installed-from-lock

$(AXE_STAMP): tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --ignore-scripts
	touch $@

browser-test: install $(AXE_STAMP)
	@$(BIN)/python -c "import playwright, gunicorn" 2>/dev/null || \
		$(BIN)/python -m pip install --quiet playwright gunicorn
	PYTHONPATH=example_site $(BIN)/pytest -p no:cacheprovider -o addopts="-ra --strict-markers" \
		--ds=intranet.settings.test -m browser tests/browser

# The docs' pictures: Chromium (/usr/bin/chromium) on the demo site, PNGs in docs/pages/images/.
# SCREENS="dashboard calendar" takes only those.
SCREENS ?=

screenshots: install
	@$(BIN)/python -c "import playwright, gunicorn" 2>/dev/null || \
		$(BIN)/python -m pip install playwright gunicorn
	$(BIN)/python -m tests.browser.screenshots $(if $(SCREENS),--only $(SCREENS))

# Benchmarks: fresh database (SQLite, or PostgreSQL when DATABASE_URL names one), generated
# data at BENCH_SCALE, render times and queries beside the baseline page, then throughput.
BENCH_SCALE ?= 0.1
BENCH_ARGS ?=

bench: install
	@$(BIN)/python -c "import gunicorn, tqdm" 2>/dev/null || \
		$(BIN)/python -m pip install --quiet gunicorn tqdm
	$(BIN)/python -m benchmarks --scale $(BENCH_SCALE) $(BENCH_ARGS)

# Write load: LOAD_ALLIES allies sign up, pledge and log progress at once against gunicorn on
# 127.0.0.1, PostgreSQL (a fresh database named after DATABASE_URL's, plus "_load") and Redis
# (database 14, emptied before and after); the rows are then counted against what was sent.
LOAD_ALLIES ?= 50
LOAD_ARGS ?=

load-test: install
	@$(BIN)/python -c "import gunicorn, redis" 2>/dev/null || \
		$(BIN)/python -m pip install --quiet gunicorn redis
	$(BIN)/python -m benchmarks.write_load --allies $(LOAD_ALLIES) \
		--database-url $${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/allyship} $(LOAD_ARGS)

# The same load with the PostgreSQL server restarted 4 s in (root and pg_ctlcluster; without
# them, LOAD_OUTAGE=cut ends the load database's sessions and refuses new ones for 5 s).
LOAD_OUTAGE ?= restart
load-test-outage:
	$(MAKE) load-test LOAD_ARGS="--database-outage $(LOAD_OUTAGE) $(LOAD_ARGS)"

docs: install
	$(BIN)/mkdocs build --strict -f docs/mkdocs.yml

# Style (ruff), the architecture's contracts (import-linter, in pyproject.toml) and the shape
# checks import-linter cannot express (module cycles, sizes, complexity, where hooks live).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo
	$(BIN)/python .ci/check_structure.py

messages: install
	cd wagtail_allyship && ../$(BIN)/django-admin makemessages -l fr -l es -l ar -l pt --no-obsolete
	cd wagtail_allyship && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) .nox build dist site *.egg-info
