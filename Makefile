# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make report   set up .venv if missing, then render the partner reports (the main job)
#   make test     set up .venv if missing, then run the library tests and the notebooks under nbval
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
# Notebooks and reports must never reach the network or a user's own Jupyter config.
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

LESSONS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
# the report template has no stored outputs: nbval runs it (default partner) without comparing
NOTEBOOKS := $(LESSONS) notebooks/partner_report.ipynb

.PHONY: setup report test test-fast lint test-lib test-notebooks notebooks lab student bench score score-heldout clean help

help:
	@echo "make report    set up, then render partner reports into reports/ (main job)"
	@echo "make test      set up, then run ruff, pytest on tests/ and pytest --nbval on notebooks/"
	@echo "make test-fast set up, then ruff and the library tests that need no browser, kernel or venv (~1 min)"
	@echo "make lab       open JupyterLab on 127.0.0.1 (token printed below)"
	@echo "make notebooks re-execute the lessons in place and regenerate navigation"
	@echo "make student   write student/ copies of the lessons without worked solutions"
	@echo "make bench     measure speed, write bench/RESULTS.md"
	@echo "make score     score the fact rules on the development set and the seeds (tests/devset)"

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml setup.py tools/lab_overrides.json tools/jupyter_server_config.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" >/dev/null
	@# JupyterLab settings for learners: no news pop-up covering the notebook
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	cp tools/lab_overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@# a lesson saved from JupyterLab keeps its committed form (no language_info, no execution noise)
	@mkdir -p $(VENV)/etc/jupyter
	cp tools/jupyter_server_config.json $(VENV)/etc/jupyter/jupyter_server_config.json
	@# the seeds are never edited: make them read-only so an accidental write fails loudly
	chmod a-w seeds/*.txt
	@touch $@

report: setup
	$(PY) -m vnpartners report --seeds --out reports

test: setup lint test-lib test-notebooks

# a maintainer's quick check: everything but the slow tests (browser, kernels, fresh venvs, papermill)
test-fast: setup lint
	$(PY) tools/navigation.py --check
	$(PY) -m pytest tests -q -p no:cacheprovider -m "not slow"

lint: setup
	$(PY) -m ruff check lib tests tools bench

test-lib: setup
	$(PY) tools/navigation.py --check
	$(PY) -m pytest tests -q -p no:cacheprovider

test-notebooks: setup
	$(PY) -m pytest -q -p no:cacheprovider -p no:python --nbval --nbval-current-env \
	    --nbval-cell-timeout=300 --nbval-sanitize-with notebooks/nbval_sanitize.cfg $(NOTEBOOKS)
	@# the notebooks must have left the seeds exactly as they were
	cd seeds && sha256sum --quiet -c SHA256SUMS && echo "seeds unchanged after running the notebooks"

notebooks: setup
	$(PY) tools/navigation.py
	$(PY) tools/run_notebooks.py $(LESSONS)

lab: setup
	@# the kit folder is the root (the lessons link to ../README.md); lesson 00 opens first
	$(PY) -m jupyter lab --ip=127.0.0.1 --no-browser --ServerApp.root_dir=. \
	    --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb $(if $(filter 0,$(shell id -u)),--allow-root,)

student: setup
	$(PY) tools/make_student.py --out student

bench: setup
	$(PY) bench/run_bench.py

# how well the fact rules read text they were not tuned to (tests/devset/README.md)
score: setup
	$(PY) tools/score.py

# the held-back part: score it only at the end of a piece of rule work, never while tuning
score-heldout: setup
	$(PY) tools/score.py --heldout

clean:
	rm -rf build reports student .pytest_cache
