# Two commands for a fresh machine with Python >= 3.11:
#   make site   set up .venv with reviewwall's runtime, check and build the sample site into site/
#   make test   add the test tools and both engines, then run ruff and every test
#   make audit  Lighthouse's scores, weight and requests for every page type of the sample
# Each target installs only what it needs; a stamp file in .venv remembers what is installed,
# and node_modules/.installed the npm tools of the quality gates (package.json: axe-core, the Nu
# HTML checker, Lighthouse), which need Node.js and npm; the Nu HTML checker needs Java too.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --disable-pip-version-check
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test audit check serve bench docs lint clean messages mutate

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "reviewwall needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)."; \
	  echo "Name another one: make PYTHON=python3.12 site"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(PIP) -e .
	@touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.runtime
	$(PIP) -e '.[test,zensical]'
	@touch $@

$(VENV)/.bench: pyproject.toml $(VENV)/.test
	$(PIP) -e '.[test,bench]'
	@touch $@

$(VENV)/.mutate: pyproject.toml $(VENV)/.test
	$(PIP) -e '.[test,mutate]'
	@touch $@

# --ignore-scripts: vnu-jar's only install script downloads a Java runtime from GitHub when the
# machine has none; Java comes from the system's packages instead (.ci/run installs it).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  echo "The quality gates need Node.js and npm (Debian: apt-get install nodejs npm)."; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# The web editor's page loads Decap CMS from a CDN; its test serves the same version from here.
# Only the bundle's dist/ (6 MB) is kept: as a dependency, decap-cms brings 630 packages.
DECAP := $(shell sed -n 's/^DECAP_VERSION = "\(.*\)"/\1/p' generator/render/admin.py)
node_modules/.decap-cms/$(DECAP)/decap-cms.js: generator/render/admin.py node_modules/.installed
	rm -rf node_modules/.decap-cms && mkdir -p node_modules/.decap-cms
	cd node_modules/.decap-cms && npm pack --silent decap-cms@$(DECAP) >/dev/null && \
	  tar -xzf decap-cms-$(DECAP).tgz --wildcards 'package/dist/*decap-cms.js' 'package/dist/*.wasm' && \
	  mv package/dist $(DECAP) && rm -rf package decap-cms-$(DECAP).tgz

site: $(VENV)/.runtime
	$(BIN)/reviewwall check
	$(BIN)/reviewwall build
	@echo
	@echo "To look at the site: make serve, then open http://127.0.0.1:8000/"
	@echo "  (site/index.html opened from the disk shows folder listings: the pages need a web server)."
	@echo "To run reviewwall yourself: .venv/bin/reviewwall --help, or '. .venv/bin/activate' first."

check: $(VENV)/.runtime
	$(BIN)/reviewwall check

serve: $(VENV)/.runtime
	$(BIN)/reviewwall serve

docs: $(VENV)/.runtime
	$(BIN)/mkdocs build --strict --quiet -f docs/mkdocs.yml
	@echo "The documentation is in docs/site/ (open it with: python3 -m http.server -d docs/site)."

test: $(VENV)/.test node_modules/.installed node_modules/.decap-cms/$(DECAP)/decap-cms.js
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest -q

audit: $(VENV)/.runtime node_modules/.installed
	$(BIN)/python -m tests.audit

bench: $(VENV)/.bench
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench_languages
	$(BIN)/python -m tests.bench_rebuild

# Mutation testing ([tool.mutmut] in pyproject.toml): mutmut changes the rules and figures one
# small edit at a time, in a copy under mutants/ (git-ignored), and runs their fast tests against
# each; a mutant that no test fails is a gap in the tests. `mutmut browse` shows the survivors.
mutate: $(VENV)/.mutate
	rm -rf mutants
	$(BIN)/mutmut run
	$(BIN)/mutmut results

lint: $(VENV)/.test
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

# After changing a phrase in generator/words/messages.py or a template: extract every phrase into
# the catalog template and merge it into each language's catalog (new phrases come in empty, and
# tests/words fails until they are translated).
LOCALE := generator/words/locale
messages: $(VENV)/.runtime
	$(BIN)/pybabel extract -F generator/words/babel.cfg --no-location --sort-output --omit-header \
	  -c TRANSLATORS: -o $(LOCALE)/reviewwall.pot .
	$(BIN)/pybabel update -i $(LOCALE)/reviewwall.pot -d $(LOCALE) -D reviewwall \
	  --no-fuzzy-matching --ignore-obsolete --width 100

clean:
	rm -rf build site docs/site .pytest_cache
