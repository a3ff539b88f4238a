# Two commands for a new user: `make run` and `make test`. See README.md.
PYTHON_BIN ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/eci_test

.PHONY: run install translations voices test test-postgres test-browser test-fault lint format messages bench bench-export clean

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON_BIN) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt -e .
	touch $@

install: $(VENV)/.installed

translations: install
	$(MANAGE) compile_translations

# espeak-ng for the audio CAPTCHA in every language: installed when missing, or said clearly.
voices:
	bash .ci/voices

run: translations voices
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:8000

# The SQLite suite (with the fuzz suite) always; with CI=true also PostgreSQL, the browser suite
# and the fault suite.
test: translations voices lint
	$(PY) -m pytest -m "not postgres and not browser and not fault"
ifeq ($(CI),true)
	$(MAKE) test-postgres test-browser test-fault
endif

test-postgres: translations
	bash .ci/postgres
	DATABASE_URL=$(PG_URL) $(PY) -m pytest -m "not browser and not fault"

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
	rm -rf $(VENV) var static_collected node_modules
