# The project's front door: `make demo` and `make test` work on a fresh machine with Python ≥ 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-min lint typecheck unit bench bench-server docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs the package (not editable: the demo runs what a user gets) and computes the built-in example.
demo: $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	$(BIN)/wohngeld beispiel

$(VENV)/.test-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

lint: $(VENV)/.test-deps
	$(BIN)/ruff check src tests benchmarks

typecheck: $(VENV)/.test-deps
	$(BIN)/mypy

unit: $(VENV)/.test-deps
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@test -x /usr/bin/chromium || echo "Hinweis: kein Chromium unter /usr/bin/chromium – die Browser-Tests \
	(tests/server/test_browser.py) werden übersprungen; mit 'apt-get install chromium' laufen sie mit."
	$(BIN)/pytest -rs

test: lint typecheck unit

# The core suite against the lowest versions pyproject.toml allows for the core dependencies (pydantic,
# python-dateutil, click), in a venv of its own; server, columnar engine and browser tests need extras.
MIN_VENV ?= .venv-min
MIN_DEPS := 'pydantic==2.10.*' 'python-dateutil==2.8.*' 'click==8.2.*'
$(MIN_VENV)/.deps: pyproject.toml
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/python -m pip install --quiet $(MIN_DEPS) 'pytest>=8' 'hypothesis>=6.100' 'jsonschema>=4'
	$(MIN_VENV)/bin/python -m pip install --quiet --no-deps -e .
	touch $@

test-min: $(MIN_VENV)/.deps
	$(MIN_VENV)/bin/python -m pip list 2>/dev/null | grep -E "^(pydantic|python-dateutil|click) "
	$(MIN_VENV)/bin/pytest -p no:cacheprovider --ignore=tests/server --ignore=src/wohngeld/server \
		--ignore=src/wohngeld/spalten --ignore=tests/spalten --deselect tests/test_wheel.py tests src/wohngeld

bench: $(VENV)/.test-deps
	$(BIN)/python benchmarks/bench_calculate.py

# Load test of `wohngeld serve` (localhost only, bounded): 20 000 requests, 50 connections, 2 workers.
bench-server: $(VENV)/.test-deps
	$(BIN)/python benchmarks/bench_server.py

$(VENV)/.docs-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[docs]"
	touch $@

# Builds the documentation site (mkdocs, material theme) into site/; independent of `make test`.
docs: $(VENV)/.docs-deps
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) $(MIN_VENV) build dist .mypy_cache .pytest_cache .ruff_cache .hypothesis
