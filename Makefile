# Sextortion Help Kit. Every target sets itself up: a .venv with the pinned dependencies and,
# for the tests, Chromium from the distribution. `make help` lists the targets.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
HOST ?= 127.0.0.1
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1

RUNTIME := $(VENV)/.runtime-installed
DEV := $(VENV)/.dev-installed
NODE_TOOLS := tools/node/node_modules/.installed
DIST ?= dist
OFFLINE_NAME := sextortion-help-kit

.PHONY: help site publish serve test check system check-data i18n-status print offline bench lint typecheck lock clean

help:
	@echo "make site        build the site into $(SITE_DIR)/ (strict: any warning fails; one build at a time; a failed build keeps the old $(SITE_DIR)/)"
	@echo "make publish     as make site, for publication: stops without the site's https address (SITE_URL or site_url) or with a help-box gap not acknowledged"
	@echo "make serve       live preview on http://$(HOST):$(PORT)/"
	@echo "make test        run every test (installs test tools and Chromium where it can); PYTEST_ARGS='-k search' passes arguments on"
	@echo "make check       the fast checks, well under a minute: ruff, mypy and the unit tests"
	@echo "make check-data  validate data/reporting-channels.csv and print a summary"
	@echo "make i18n-status per language: pages missing, outdated or not yet reviewed"
	@echo "make print       PDF booklets, leaflet, poster and evidence checklist per language in $(DIST)/print/; needs SITE_URL or site_url in edition/settings.yml or mkdocs.yml (QR codes), or PRINT_ARGS=--without-address"
	@echo "make offline     a zip in dist/ that works opened from a USB stick (file://)"
	@echo "make bench       benchmark against plain Material; writes bench/report.md and bench/report.json"
	@echo "make lint        ruff over src/, hooks/, tests/ and bench/"
	@echo "make lock        re-make requirements.txt and requirements-dev.txt from pyproject.toml (LOCK_ARGS=--upgrade)"
	@echo "make clean       remove $(SITE_DIR)/, $(DIST)/, build leftovers, $(VENV)/ and tools/node/node_modules/"
	@echo "Edition for one build: SITE_COUNTRY=PL SITE_LANGUAGES=pl,en make site"

PIP := "$(BIN)/python" -m pip install --quiet --disable-pip-version-check

# Every package from the hashed locks, then helpkit itself from src/, editable, built offline
# with the locked setuptools.
$(RUNTIME): requirements.txt pyproject.toml
	@tools/ensure-python.sh "$(PYTHON)" "$(VENV)"
	$(PIP) --require-hashes -r requirements.txt
	$(PIP) --no-deps --no-build-isolation --editable .
	@touch "$@"

$(DEV): $(RUNTIME) requirements-dev.txt
	$(PIP) --require-hashes -r requirements-dev.txt
	@touch "$@"

# One build at a time (a second one stops at once with a message), into a fresh folder beside
# $(SITE_DIR)/, checked, then swapped in with one rename: $(SITE_DIR)/ is always the old complete
# site or the new one, and a failed or interrupted build leaves it as it was
# (src/helpkit/publish.py). {} is the folder the build goes into.
site: $(RUNTIME)
	"$(BIN)/helpkit" publish site "$(SITE_DIR)" -- "$(BIN)/mkdocs" build --strict --site-dir '{}'
	@echo "Site built in $(SITE_DIR)/"

# What the workflows run before they publish: the same build, and it refuses to go out without the
# address the sitemap, the language links and the QR codes are written from, or with a line missing
# from the home country's help box that extra.helpbox_gaps_acknowledged does not list.
publish: export SITE_FOR_PUBLICATION := 1
publish: site

serve: $(RUNTIME)
	"$(BIN)/mkdocs" serve --strict --dev-addr "$(HOST):$(PORT)"

# axe-core, the Nu HTML Checker and iframe-worker, pinned in tools/node/package-lock.json.
$(NODE_TOOLS): tools/node/package.json tools/node/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: npm is missing (Debian/Ubuntu: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --prefix tools/node --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch "$@"

# Chromium, Java and Node.js from the distribution, where they are missing.
system:
	@tools/ensure-system.sh

test: $(DEV) system $(NODE_TOOLS)
	"$(BIN)/python" -m pytest $(PYTEST_ARGS)

# What a change should pass before it is committed; `make test` runs everything.
check: lint typecheck
	"$(BIN)/python" -m pytest -m unit -q $(PYTEST_ARGS)

typecheck: $(DEV)
	"$(BIN)/mypy"

# Booklets per audience, a one-page leaflet, a poster and an evidence checklist, per language, in PDF.
# Like `make site`: one run at a time, and $(DIST)/print/ replaced whole only when every document is written.
# PRINT_ARGS passes options on, e.g. PRINT_ARGS=--without-address, PRINT_ARGS='--languages fr,ar'.
print: $(DEV) system
	"$(BIN)/helpkit" print --out "$(DIST)/print" $(PRINT_ARGS)

# A copy for USB sticks and poor networks: opened from file://, it needs no server and no network.
# Built, checked and zipped in a fresh folder in $(DIST)/, one build at a time; the zip is moved over
# the old one in one rename (src/helpkit/publish.py).
offline: $(RUNTIME) $(NODE_TOOLS)
	OFFLINE=true "$(BIN)/helpkit" publish zip "$(DIST)/$(OFFLINE_NAME)-offline.zip" --folder "$(OFFLINE_NAME)" -- "$(BIN)/mkdocs" build --strict --site-dir '{}'
	@echo "Offline copy: $(DIST)/$(OFFLINE_NAME)-offline.zip (unzip it anywhere and open $(OFFLINE_NAME)/index.html)"

check-data: $(RUNTIME)
	"$(BIN)/helpkit" check-data

i18n-status: $(RUNTIME)
	"$(BIN)/helpkit" i18n status

BENCH_TOOLS := bench/node/node_modules/.installed

# Lighthouse, pinned in bench/node/package-lock.json.
$(BENCH_TOOLS): bench/node/package.json bench/node/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "error: npm is missing (Debian/Ubuntu: apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --prefix bench/node --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch "$@"

# Measures; asserts nothing. BENCH_ARGS=--quick for a shorter run (bench/README.md).
bench: $(DEV) system $(BENCH_TOOLS)
	"$(BIN)/python" bench/bench.py $(BENCH_ARGS)

lint: $(DEV)
	"$(BIN)/ruff" check src hooks tests bench

# Re-resolve the locks (README, "Dependencies"): pip-compile keeps every pin it can unless told
# LOCK_ARGS=--upgrade (everything) or LOCK_ARGS="--upgrade-package NAME".
LOCK := CUSTOM_COMPILE_COMMAND="make lock" "$(BIN)/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: $(DEV)
	$(LOCK) --output-file requirements.txt pyproject.toml tools/build-requirements.in
	$(LOCK) --extra print --extra dev --constraint requirements.txt --output-file requirements-dev.txt pyproject.toml tools/build-requirements.in

# Also the lock file and any build folder src/helpkit/publish.py left beside $(SITE_DIR)/.
clean:
	rm -rf "$(SITE_DIR)" "$(VENV)" "$(DIST)" .pytest_cache tools/node/node_modules
	@beside="$$(dirname "$(SITE_DIR)")/.$$(basename "$(SITE_DIR)")"; rm -rf "$$beside.lock" "$$beside.building-"*
