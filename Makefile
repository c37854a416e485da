# The two commands of the README:
#   make run   -> creates .venv, installs, builds the seeds' timeline into out/
#   make test  -> creates .venv, installs with the dev extras, runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test bench bench-page score clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/timeline build seeds --out out --title "Gaza ceasefire and hostage negotiations (seed articles)"

test: $(STAMP)
	scripts/ensure-chromium
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_tagger.py

bench-page: $(STAMP)
	scripts/ensure-chromium
	$(BIN)/python benchmarks/bench_page.py

score: run
	$(BIN)/python ../shared/eval/score.py --gold ../shared/eval/gold/seeds --system out/events.json --details

clean:
	rm -rf out build *.egg-info
