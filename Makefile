# Two commands for a new user: `make run` and `make test` (README.md).
SHELL := /bin/bash
# The Pythons every pinned requirement supports, newest first (pyproject.toml's requires-python).
PYTHONS := 3.13 3.12 3.11
PYENV_ROOT ?= $(HOME)/.pyenv
# A new .venv is made with PYTHON_BIN when given (make run PYTHON_BIN=/usr/bin/python3.12),
# otherwise with the newest supported Python found that runs: python3.X on PATH, then pyenv's
# $(PYENV_ROOT)/versions/3.X.* (a pyenv shim of a version not selected fails and is skipped).
find_python = $(shell for v in $(1); do \
	for p in $$(command -v python$$v) $$(ls -d $(PYENV_ROOT)/versions/$$v.*/bin/python$$v 2>/dev/null | sort -rV); do \
	"$$p" -c 'import sys' >/dev/null 2>&1 && { echo "$$p"; exit; }; done; done)
PYTHON_BIN ?= $(call find_python,$(PYTHONS))
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/eci_test
# make run PORT=8001 serves on another port of 127.0.0.1.
PORT ?= 8000

.PHONY: run check-port install install-run translations voices test test-postgres test-browser test-fault test-deploy test-oldest-python lint format messages bench bench-export clean

define check_python
	@test -n "$(1)" || { echo "No Python $(lastword $(PYTHONS)) to $(firstword $(PYTHONS)) found: install one, or name it: make run PYTHON_BIN=/path/to/python3.12"; exit 1; }
	@"$(1)" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' || { echo "$(1) is Python $$("$(1)" -c 'import platform; print(platform.python_version())'); this project supports 3.11 to 3.13 (PYTHON_BIN=...)"; exit 1; }
endef

$(VENV)/bin/python:
	$(call check_python,$(PYTHON_BIN))
	@echo "Making $(VENV) with $(PYTHON_BIN) (Python $$("$(PYTHON_BIN)" -c 'import platform; print(platform.python_version())')); another one: make clean, then PYTHON_BIN=..."
	"$(PYTHON_BIN)" -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# What running the site needs (make run): requirements.txt and the project itself.
$(VENV)/.installed-run: requirements.txt pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt -e .
	touch $@

# Tests, lint and benchmarks add requirements-dev.txt (pytest, Playwright, ruff...).
$(VENV)/.installed: $(VENV)/.installed-run requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install-run: $(VENV)/.installed-run

install: $(VENV)/.installed

translations: install
	$(MANAGE) compile_translations

# espeak-ng for the audio CAPTCHA in every language: installed when missing, or said clearly.
voices:
	bash .ci/voices

# Before the minute of work: is the port free? (bash's /dev/tcp connects to a listener.)
check-port:
	@if (exec 3<>/dev/tcp/127.0.0.1/$(PORT)) 2>/dev/null; then \
	echo "Port $(PORT) of 127.0.0.1 is taken by another server: stop it, or choose another port: make run PORT=8001"; \
	exit 1; fi

# The admin account's address and password come last, after the server's own lines.
run: check-port install-run voices
	@echo "Python $$($(PY) -c 'import platform; print(platform.python_version())') in $(VENV); the site will be served on http://127.0.0.1:$(PORT)/"
	$(MANAGE) compile_translations
	$(MANAGE) migrate --no-input --verbosity 0
	$(MANAGE) load_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT) --admin-account admin

# The SQLite suite (with the fuzz suite) always; with CI=true also PostgreSQL, the browser suite,
# the fault suite, the deployment suite, and the SQLite suite on the oldest supported Python.
SQLITE_SUITE := not postgres and not browser and not fault and not deploy
test: translations voices lint
	$(PY) -m pytest -m "$(SQLITE_SUITE)"
ifeq ($(CI),true)
	$(MAKE) test-postgres test-browser test-fault test-deploy test-oldest-python
endif

test-postgres: translations
	bash .ci/postgres
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser and not fault and not deploy"

# The SQLite suite again on the oldest supported Python found (.venv has the newest found), in
# .venv-<version>; nothing when .venv has that version already or none is found.
OLDEST_PYTHON = $(call find_python,$(lastword $(PYTHONS)))
test-oldest-python: translations
	@version=$(lastword $(PYTHONS)); python="$(OLDEST_PYTHON)"; \
	if [ -z "$$python" ]; then echo "No Python $$version found: the SQLite suite ran on $$($(PY) -V) only"; exit 0; fi; \
	if $(PY) -c "import sys; sys.exit(sys.version.startswith('$$version.'))"; then \
	  [ -x $(VENV)-$$version/bin/python ] || "$$python" -m venv $(VENV)-$$version; \
	  $(VENV)-$$version/bin/pip install --quiet -r requirements-dev.txt -e . && \
	  echo "The SQLite suite on $$($(VENV)-$$version/bin/python -V) ($$python)" && \
	  $(VENV)-$$version/bin/python -m pytest -m "$(SQLITE_SUITE)" -q -p no:cacheprovider; \
	else echo "$(VENV) has Python $$version: the SQLite suite ran on it"; fi

# The deployment (docs/deployment.md): Debian's nginx and Varnish in front of gunicorn
# (tests/deploy/test_proxies.py), the container image built from a Debian made by debootstrap
# and run with podman (tests/deploy/test_image.py); prints its figures ("deploy:" lines).
test-deploy: translations
	bash .ci/deploy
	$(PY) -m pytest -m deploy -s -p no:cacheprovider

# Private PostgreSQL cluster, Redis and gunicorn on loopback ports, broken during a stream of
# submissions (tests/test_fault.py, tests/harness.py); prints its figures ("fault:" lines).
test-fault: translations
	command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server >/dev/null)
	$(PY) -m pytest -m fault -s -p no:cacheprovider

test-browser: translations
	bash .ci/browser
	$(PY) -m pytest -m browser

# npm's own record of an install: a fresh clone has no node_modules, so lint runs npm ci first.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

lint: install node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates/ --check
	$(VENV)/bin/djlint templates/ --lint
	npx --no-install stylelint "static/**/*.css"
	$(VENV)/bin/lint-imports --no-cache
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extracting strings needs GNU gettext (apt-get install gettext); compiling does not.
messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench
	$(MANAGE) compile_translations

# Needs PostgreSQL on 127.0.0.1 and Debian's wrk (installed here when missing).
bench: translations
	bash .ci/postgres
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(PY) bench/run.py

# Generates 1,000,000 encrypted statements (about 2 GB of temporary files) and exports them
# offline; BENCH_EXPORT_STATEMENTS and BENCH_EXPORT_WORKERS adjust it.
bench-export: translations
	PYTHONPATH=. $(PY) bench/export.py

clean:
	rm -rf $(VENV) $(VENV)-* var static_collected node_modules
