# Figures from discipline-inspection reports: `make report REGION=jinghai` and `make test` set
# themselves up on first use (.venv in the repo root).
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Paths: empty means the defaults in pipeline/config.py (data/raw, data/processed, reports).
RAW ?=
PROCESSED ?=
REPORTS ?=
REGION ?= jinghai
export RAW PROCESSED REPORTS
export GX_ANALYTICS_ENABLED := false
export MPLBACKEND := Agg
export PYTHONUNBUFFERED := 1

.PHONY: help setup ingest validate report reports nightly status regions eval bench test clean

## Show the targets and what they do
help:
	@awk '/^## /{desc=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(desc){split($$1,t,":"); printf "  make %-10s %s\n", t[1], desc}; desc=""}' $(MAKEFILE_LIST)
	@echo "  Variables: REGION=jinghai RAW=data/raw PROCESSED=data/processed REPORTS=reports"

$(STAMP): pyproject.toml
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24,<26"
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m pipeline setup
	@touch $(STAMP)

## Create .venv and install the project (done automatically by every other target)
setup: $(STAMP)

## Read every file under RAW, extract figures and load them into the DuckDB store
ingest: $(STAMP)
	$(PY) -m pipeline ingest

## Run the great-expectations suites on the store (non-zero exit on a critical failure)
validate: $(STAMP)
	$(PY) -m pipeline validate

## Build the store and render REPORTS/<slug>.html for REGION (slug, 静海, 靜海區, 静海县 ...)
report: $(STAMP)
	$(PY) -m pipeline report "$(REGION)"

## Render a report for every region with figures, and REPORTS/index.html
reports: $(STAMP)
	$(PY) -m pipeline reports

## Incremental rebuild for schedulers: ingest changes, validate, re-render what changed
nightly: $(STAMP)
	$(PY) -m pipeline nightly

## Print the last pipeline runs
status: $(STAMP)
	$(PY) -m pipeline status

## Score the extractor on the development gold shipped with the tests
eval: $(STAMP)
	$(PY) -m pipeline eval --gold tests/data/seeds.jsonl data/raw/*.txt

## Throughput benchmark against a naive jieba pipeline
bench: $(STAMP)
	$(PY) -m pipeline bench

## Run the test suite (offline)
test: $(STAMP)
	$(PY) -m pytest -q

## Remove generated data and reports (keeps .venv and data/raw)
clean:
	find data/processed reports -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
