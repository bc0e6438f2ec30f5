# The two commands of the README: `make run` and `make test`. Everything else is a step of them.
SHELL := /bin/bash
PYTHON ?= python3.10
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CATALOGUES := $(wildcard locales/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)
export PYTHONPATH := $(CURDIR)
# Rasa would otherwise send usage telemetry; nothing about our users leaves the machine.
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: run shell test setup model browser databases check-content content-report catalogues nlu-report lock clean

run: setup model ## set up, train if the training data changed, start both servers
	$(PY) -m bot.stack

shell: setup model ## chat with the assistant in this terminal
	$(PY) -m bot.stack --chat

test: setup model browser databases ## set up and run the whole test suite
	$(PY) -m pytest -p no:cacheprovider

browser: ## Debian's Chromium, which the web chat test drives (installed once, as root)
	@command -v chromium >/dev/null || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
	@chromium --version 2>/dev/null

databases: ## Debian's PostgreSQL, which the statistics test starts a server of (installed once, as root)
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null; }

setup: $(STAMP) $(COMPILED)

$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 10), "Rasa 3.6 needs Python 3.10, this is " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check 'pip==24.3.1'
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(VENV)/bin/pip check
	touch $@

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -D messages -d locales -l $*

model: setup ## the trained model for the current training data (cached by its hash)
	$(PY) -m bot.train

check-content: setup ## validate every content file (also: .venv/bin/content check)
	$(VENV)/bin/content check

content-report: setup ## write var/content-report.html: coverage, reviews due, warnings
	$(VENV)/bin/content report --out var/content-report.html

nlu-report: setup ## measure understanding per language on the held-out test sets (bench/nlu_report.md)
	$(PY) bench/nlu_report.py --out bench/nlu_report.md

catalogues: setup ## extract the assistant's words and update every language's catalogue
	$(VENV)/bin/pybabel extract -F locales/babel.cfg -o locales/messages.pot --no-location --sort-output --add-comments=TRANSLATORS: \
		--project safe-migration-assistant actions channels
	$(VENV)/bin/pybabel update -i locales/messages.pot -d locales -D messages --no-fuzzy-matching

lock: ## re-pin every package from the direct dependencies in pyproject.toml
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet 'pip==24.3.1' && /tmp/lock-venv/bin/pip install --quiet '.[test]'
	/tmp/lock-venv/bin/pip uninstall --quiet -y safe-migration-assistant
	{ sed -n '1,3p' requirements.lock; /tmp/lock-venv/bin/pip freeze --all | grep -vE '^(pip|-e)[ =]'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) var results .rasa
