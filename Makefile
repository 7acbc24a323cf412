# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   - audit the bundled sample exports and write offduty-report/report.html
#   make test   - run the test suite (installs test tools such as exiftool when run as root / in CI)

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP    := $(VENV)/.installed-test

.PHONY: demo test test-tools samples train eval eval-imagery bench compare-profanity clean

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "offduty needs Python 3.11 or newer (found: $(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(RUNTIME_STAMP)

demo: $(RUNTIME_STAMP)
	$(BIN)/offduty audit sample_exports/* --profile samplegen/agency-profile.yaml --out offduty-report

# Debian tools the tests use as oracles; never needed to run an audit.
test-tools:
	@if command -v exiftool >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing exiftool (test oracle only)"; \
	  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl >/dev/null; \
	else echo "exiftool is not installed and this is not root: the ExifTool cross-check tests will be skipped"; fi

test: $(TEST_STAMP) test-tools
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

samples: $(TEST_STAMP)
	$(BIN)/python -m samplegen.generate

# Retrain the employment model on the training split (writes auditor/data/employment-model.npz).
train: $(TEST_STAMP)
	$(BIN)/python -m evaluation.train_employment
	$(BIN)/python -m evaluation.train_speech

eval: eval-imagery
	$(BIN)/python -m evaluation.evaluate

# The imagery checks on the frozen imagery test split (builds it into the user cache first; several minutes).
eval-imagery: $(TEST_STAMP)
	$(BIN)/python -m evaluation.imagery.evaluate --split test --write

bench: $(TEST_STAMP) test-tools
	$(BIN)/python benchmarks/location_bench.py
	$(BIN)/python benchmarks/archive_bench.py
	$(BIN)/python benchmarks/vision_bench.py

# Measure two PyPI profanity filters against the obscene_speech check (evaluation/PROFANITY.md). They live in
# their own venv: alt-profanity-check pins scikit-learn exactly, so they never become offduty dependencies.
COMPARE_VENV  := .venv-compare
COMPARE_STAMP := $(COMPARE_VENV)/.installed
PROFANITY_PACKAGES := alt-profanity-check==1.9.1 better-profanity==0.7.0

$(COMPARE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(COMPARE_VENV)
	$(COMPARE_VENV)/bin/pip install --quiet --disable-pip-version-check -e . $(PROFANITY_PACKAGES)
	@touch $@

compare-profanity: $(COMPARE_STAMP)
	$(COMPARE_VENV)/bin/python -m evaluation.compare_profanity

clean:
	rm -rf $(VENV) $(COMPARE_VENV) offduty-report .pytest_cache
