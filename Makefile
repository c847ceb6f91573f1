# devjournal: `make run` opens the app, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint format bench soak clean bundle icons cli-docs desktop-check screenshots
BUNDLE_STAMP := $(VENV)/.installed-bundle

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
	$(BIN)/ruff check src tests bench packaging
	$(BIN)/ruff format --check src tests bench packaging
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(TEST_STAMP)
	$(BIN)/ruff format src tests bench packaging
	$(BIN)/ruff check --fix src tests bench packaging

## Timed figures against their targets; writes bench/report.md.
bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

## 1,000 SIGKILLs while entries are written; every acknowledged entry must survive.
soak: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.reliability.crash_loop 1000

## A one-folder bundle in dist/devjournal (PyInstaller), then its smoke test.
$(BUNDLE_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[bundle]"
	touch $@ $(RUN_STAMP)

bundle: $(BUNDLE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level ERROR --distpath dist --workpath build \
		packaging/devjournal.spec
	$(BIN)/python packaging/smoke_test.py dist/devjournal

## The app icon's PNG sizes, from its SVG.
icons: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py

## The man page and the bash and zsh completions, from the command line's parser.
cli-docs: $(TEST_STAMP)
	$(BIN)/python packaging/cli_docs.py

## Every page, light and dark, from the small sample journal, into docs/images/pages/.
screenshots: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/screenshots.py

## Validate the menu entry and the AppStream file (desktop-file-utils, appstream).
desktop-check:
	desktop-file-validate src/devjournal/share/applications/*.desktop
	appstreamcli validate --no-net src/devjournal/share/metainfo/*.metainfo.xml

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench/.cache .coverage .coverage.* \
		build dist
