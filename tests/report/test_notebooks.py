"""Notebooks are stored clean (no outputs, one `parameters` cell of literals) and run with papermill."""
from __future__ import annotations

import ast

import nbformat
import pytest

from tests.conftest import ROOT

NOTEBOOKS = {
    "region_report.ipynb": {"region", "db_path", "peers", "period"},
    "overview.ipynb": {"db_path"},
}


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_is_stored_without_outputs(name):
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a cell has outputs"
            assert cell.execution_count is None, f"{name}: a cell has an execution count"


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_one_parameters_cell_of_plain_literals(name):
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = set()
    for stmt in ast.parse(tagged[0].source).body:
        assert isinstance(stmt, ast.Assign), ast.dump(stmt)
        ast.literal_eval(stmt.value)  # raises on anything but a literal
        names.update(t.id for t in stmt.targets)
    assert names == NOTEBOOKS[name]


@pytest.mark.parametrize("report", ["jinghai", "overview"])
def test_executed_notebook_has_outputs_and_no_errors(rendered, seed_store, report):
    nb = nbformat.read(seed_store.reports / f"{report}.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs, "papermill produced no outputs"
    assert not [o for o in outputs if o.output_type == "error"]
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and str(seed_store.db) in injected[0].source


def test_overview_lists_regions_metrics_and_sources(rendered):
    html = rendered.overview.read_text(encoding="utf-8")
    assert "静海区" in html and "71起" in html and "武清区" in html
    assert "党纪政务处分人数" in html
    assert 'src="data:image/png;base64,' in html
    assert "来源 · Documents per source" in html
