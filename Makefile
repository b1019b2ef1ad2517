# Two commands: `make run` and `make test`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= config/sovai.yaml

.PHONY: run demo test lint typecheck pytest lock lock-upgrade lock-check clean

# The venv is (re)installed only when pyproject.toml changes, so a second `make test`
# costs seconds, not a reinstall.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "sovai needs Python 3.11 or newer (found $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/sovai --config $(CONFIG) db upgrade
	$(BIN)/sovai --config $(CONFIG) run

# A bundled news site polled into a temporary database, its digest and an /ai-country
# briefing printed here: offline, no token, nothing kept.
demo: $(STAMP)
	$(BIN)/sovai demo

# requirements.lock and requirements-build.lock (what the image installs, with hashes)
# from pyproject.toml. `lock` keeps the versions already pinned where the ranges allow;
# `lock-upgrade` moves every pin to the newest version allowed. Both need the index.
lock: $(STAMP)
	$(BIN)/python -m tools.lock compile

lock-upgrade: $(STAMP)
	$(BIN)/python -m tools.lock compile --upgrade

# Offline and instant: fails, saying what changed, when pyproject.toml's dependencies
# no longer match what the locks were compiled from.
lock-check: $(STAMP)
	$(BIN)/python -m tools.lock check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lock-check lint typecheck pytest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
