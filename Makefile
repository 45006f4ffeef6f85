# Two commands for a fresh machine with Python >= 3.11:
#   make site   set up .venv, check and build the sample site into site/
#   make test   set up test dependencies and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test check serve bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,zensical,bench]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/reviewwall check
	$(BIN)/reviewwall build
	@echo "Open site/index.html in a browser, or run 'make serve' for a live preview."

check: $(STAMP)
	$(BIN)/reviewwall check

serve: $(STAMP)
	$(BIN)/reviewwall serve

test: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m tests.bench

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

clean:
	rm -rf build site .pytest_cache
