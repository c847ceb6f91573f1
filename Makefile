# devjournal: `make run` opens the app, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format bench soak clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev]"
	touch $@ $(RUN_STAMP)

## Open the window on the default journal (pass ARGS="--home DIR" for another one).
run: $(RUN_STAMP)
	$(BIN)/devjournal $(ARGS)

## Every test: unit, ui (offscreen), e2e (the real app as a process), reliability; line
## coverage of src/devjournal (app processes the tests start included), with a floor per layer.
test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto --cov --cov-report=
	$(BIN)/python -m tests.coverage_floors

## ruff (lint + format check), mypy --strict on src, import-linter layer contracts.
lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(TEST_STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

## Timed figures against their targets; writes bench/report.md.
bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

## 1,000 SIGKILLs while entries are written; every acknowledged entry must survive.
soak: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.reliability.crash_loop 1000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench/.cache .coverage .coverage.*
