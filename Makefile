# Two commands for a newcomer: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test e2e mutation lock migrate demo collectstatic clean

$(INSTALLED): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	touch $@

# Local development settings for manage.py; edit .env to change them (see the README).
.env:
	printf 'DJANGO_DEBUG=true\n' > $@

run: $(INSTALLED) .env
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "Coaching CMS: http://$(HOST):$(PORT)/   admin: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(INSTALLED)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Only the browser tests (they need Debian's chromium: apt-get install chromium).
e2e: $(INSTALLED)
	$(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

# Mutation testing of the rule modules (about half an hour; scores and equivalent mutants: tests/README.md).
mutation: $(INSTALLED)
	$(BIN)/python -m tests.mutation.run $(MODULES)

# Re-resolve the pinned set from pyproject.toml's ranges after changing a dependency.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet '.[dev]'
	.lock-venv/bin/python -m pip freeze --exclude coaching-cms > requirements.lock
	rm -rf .lock-venv build *.egg-info

clean:
	rm -rf $(VENV) .pytest_cache staticfiles
