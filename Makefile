# Two commands for a newcomer: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test e2e mutation messages fonts lock migrate demo collectstatic clean

# Everything is pinned with hashes (requirements.txt for the site, requirements-dev.txt adds the tests'
# tools); pip refuses any file whose hash differs.
$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --requirement requirements-dev.txt
	touch $@

# Local development settings for manage.py; edit .env to change them (see the README).
.env:
	printf 'DJANGO_DEBUG=true\n' > $@

# Links the site prints and mails (load_demo, the mail worker) point at the address it serves on:
# `make run PORT=8300` gives http://127.0.0.1:8300 links.
SITE_URL ?= http://$(HOST):$(PORT)

run: $(INSTALLED) .env
	$(BIN)/python manage.py migrate --noinput
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py load_demo
	@echo ""
	@echo "Coaching CMS: $(SITE_URL)/   admin: $(SITE_URL)/admin/"
	@# The mail worker sends queued mail (printed to this terminal in development) beside the server.
	SITE_URL=$(SITE_URL) $(BIN)/python manage.py mail_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		SITE_URL=$(SITE_URL) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The suite runs on every core (WORKERS=1 for one process); the fault suite stays on one worker of its own.
WORKERS ?= auto
test: $(INSTALLED)
	$(BIN)/python -m pytest --numprocesses $(WORKERS) --dist loadgroup $(PYTEST_ARGS)

# Only the browser tests (they need Debian's chromium: apt-get install chromium).
e2e: $(INSTALLED)
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

# Mutation testing of the rule modules (about half an hour; scores and equivalent mutants: tests/README.md).
mutation: $(INSTALLED)
	$(BIN)/python -m tests.mutation.run $(MODULES)

# The Hindi catalogue (locale/hi/LC_MESSAGES): gather new strings into django.po, then compile django.mo, which
# is committed so that the site runs without gettext's tools (this target needs them: apt-get install gettext).
# gettext marks a new string it guesses from an old one "fuzzy": such a guess is never shown until a translator
# writes the Hindi and removes the mark.
messages: $(INSTALLED)
	$(BIN)/python manage.py makemessages --locale hi --ignore '.venv/*' --ignore 'tests/*' --no-obsolete
	$(BIN)/python manage.py compilemessages --locale hi --ignore '.venv/*'

# The Hindi pages' face (static/fonts, committed): Noto Sans Devanagari from Debian's fonts-noto-core, subset
# with fontTools (installed with WeasyPrint) to the Devanagari block, keeping every shaping feature its
# conjuncts and matras need, without hinting; run it only to change the subset.
NOTO := /usr/share/fonts/truetype/noto
DEVANAGARI := U+0900-097F,U+200C-200D,U+20B9,U+25CC
fonts: $(INSTALLED)
	for weight in regular bold; do \
		$(BIN)/pyftsubset $(NOTO)/NotoSansDevanagari-$$(echo $$weight | sed 's/./\U&/').ttf --unicodes='$(DEVANAGARI)' \
			--no-hinting --desubroutinize --flavor=woff2 --output-file=static/fonts/noto-sans-devanagari-$$weight.woff2; \
	done

# Re-pin both requirement files, with hashes, from pyproject.toml's ranges after changing a dependency.
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet pip-tools
	.lock-venv/bin/pip-compile $(LOCK_FLAGS) --output-file requirements.txt pyproject.toml
	.lock-venv/bin/pip-compile $(LOCK_FLAGS) --extra dev --constraint requirements.txt \
		--output-file requirements-dev.txt pyproject.toml
	rm -rf .lock-venv build *.egg-info

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
