# `make demo`: set up, then run the main job on the bundled sample reports (SQLite).
# `make test`: set up, then run the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench setup clean

demo: $(VENV)/.installed
	$(BIN)/ceasefire demo

test: $(VENV)/.installed
	$(BIN)/pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/extract_quality.py
	$(BIN)/python bench/extract_speed.py

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info
