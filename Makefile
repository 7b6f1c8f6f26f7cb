# wtfc-workbook: make demo | make test | make bench | make lint | make clean
#
# Needs only Python 3.11+ (with its venv module) and make. Everything else goes into .venv.
# Use another interpreter with: make test PYTHON=python3.12

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv .venv demo test test-run lint bench clean

help:
	@echo "make demo   build the sample workshop and serve its pages with Voila"
	@echo "make test   ruff, the unit/widget/browser tests, then every notebook under nbval"
	@echo "make bench  run the benchmarks"
	@echo "make lint   ruff only"
	@echo "make clean  remove .venv and caches"
	@echo "(the first run makes .venv and installs the project into it; PYTHON=$(PYTHON))"

venv .venv: $(STAMP)

# Re-installs only when pyproject.toml changes; the stamp is written last, so a failed
# install is retried next time.
$(STAMP): pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "wtfc-workbook needs Python 3.11 or newer; this is " + sys.version.split()[0] + ". Try: make PYTHON=python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  echo "Could not make a virtual environment with $(PYTHON)." >&2; \
	  echo "On Debian or Ubuntu install it with: sudo apt-get install python3-venv" >&2; \
	  exit 1; }
	@echo "Installing wtfc-workbook and its test tools into $(VENV) (a few minutes the first time)"
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wtfc demo

# Every test runs, the PostgreSQL store tests included: without WTFC_TEST_POSTGRES_URL,
# .ci/with-postgres starts a throwaway server on loopback (and says how to install one if
# it cannot). WTFC_REQUIRE_POSTGRES turns any PostgreSQL skip into a failure.
test: $(STAMP)
	@if [ -n "$$WTFC_TEST_POSTGRES_URL" ]; then \
	  $(MAKE) --no-print-directory test-run; \
	else \
	  bash .ci/with-postgres $(MAKE) --no-print-directory test-run; \
	fi

# Each command is its own recipe line: make stops at the first non-zero exit, including
# pytest's 5 ("no tests collected").
test-run: $(STAMP)
	$(BIN)/ruff check .
	WTFC_REQUIRE_POSTGRES=1 $(BIN)/pytest -q -rs -p no:cacheprovider tests/unit tests/widgets
	# Its own run: Playwright's sync API keeps an event loop running for the whole session.
	$(BIN)/pytest -q -rs -p no:cacheprovider tests/browser
	# The notebooks open the sample workshop; under nbval it is built in a temporary folder.
	WTFC_DEMO_DIR=$$(mktemp -d)/demo $(BIN)/pytest -q -rs -p no:cacheprovider --nbval-lax --nbval-current-env notebooks

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
