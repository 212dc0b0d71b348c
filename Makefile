# Two commands for a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install engine-start engine-stop engine-status lint messages audit
.PHONY: check-system-test check-system-run check-system-messages
# Prerequisites run in the order written: the machine is checked before anything is installed.
.NOTPARALLEL:

# Debian packages (system/packages.txt) and a JDK 21+: installed when root with apt-get, else the
# command that installs them is printed and make stops.
check-system-test check-system-run check-system-messages:
	@sh system/check $(@:check-system-%=%)

install: $(INSTALLED)

$(INSTALLED): pyproject.toml Makefile
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# Python 3.11's venv seeds setuptools 65.5.0, which has published advisories (bench/RESULTS.md).
	$(PY) -m pip install --quiet --upgrade pip setuptools
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

# Every absolute URL (logins, API, feeds, pages) names the address this server listens on, unless
# PUBLIC_BASE_URL is set already.
run: export PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)
run: check-system-run install
	$(PY) manage.py migrate --noinput
	@if [ -z "$$SEARCH_URL" ]; then $(PY) manage.py search_engine start; \
	 else echo "Using the search engine at $$SEARCH_URL"; fi
	$(PY) manage.py load_demo
	$(PY) manage.py update_index >/dev/null
	@echo "Admin: http://$(HOST):$(PORT)/admin/  API: http://$(HOST):$(PORT)/api/v1/health  Site: http://$(HOST):$(PORT)/"
	@echo "The search engine keeps running after you stop the server: 'make engine-stop' ends it."
	@# The publish worker publishes and expires pages on time, keeps the search index in step with the
	@# publishing log and sends webhook deliveries; it stops with the server.
	$(PY) manage.py publish_worker --interval 30 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: check-system-test install lint
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

engine-start: install
	$(PY) manage.py search_engine start

engine-stop: install
	$(PY) manage.py search_engine stop

engine-status: install
	$(PY) manage.py search_engine status

# Our own strings: extract (unwrapped, so each entry is one line), then translate and compile.
messages: check-system-messages install
	$(PY) manage.py makemessages -l vi --no-wrap --ignore=.venv --ignore=var --ignore=tests --ignore=static --ignore=artifacts --ignore=bench
	msgfmt --check --statistics -o cms/locale/vi/LC_MESSAGES/django.mo cms/locale/vi/LC_MESSAGES/django.po

# The installed packages against PyPI's advisories (needs the network; not part of `make test`).
audit: install
	$(PY) bench/dependency_audit.py
