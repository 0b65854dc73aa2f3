"""`validate`: great-expectations suites over the store; failing figures move to `rejected`.

In: the DuckDB store and one suite per table in `expectations/<table>.json` (GX 1.x JSON).
Out: figures that fail an expectation moved from `figures` to `rejected` (with the expectation's
name and details), a `runs` row, Data Docs HTML in REPORTS/data_docs/, and a summary dict whose
`ok` is False when an expectation of severity `critical` failed (`make validate` exits 1).

The suites run in an ephemeral GX context on pandas frames read from DuckDB. Values that
belong to the store (region ids, metric ids, units) are suite parameters (`$PARAMETER`).
"""
from __future__ import annotations

import json
import os
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path

from pipeline import config

SUITES = ["documents", "figures", "facts", "regions", "metrics"]  # order matters: documents first
ID_COLUMN = {"documents": "doc_id", "figures": "figure_id", "facts": "fact_id", "regions": "region_id",
             "metrics": "metric_id"}


def add_arguments(parser) -> None:
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: PROCESSED/figures.duckdb)")
    parser.add_argument("--reports", type=Path, default=None, help="where data_docs/ goes (default: REPORTS)")
    parser.add_argument("--wait", type=float, default=600.0, help="seconds to wait for another run holding the store")


def run(args) -> int:
    from pipeline.store import StoreBusy

    try:
        summary = run_validation(args.db, args.reports, wait=args.wait)
    except StoreBusy as e:
        print(f"validate: {e}", file=sys.stderr)
        return 75
    except (FileNotFoundError, SuiteError) as e:
        print(f"validate: {e}", file=sys.stderr)
        return 2
    print(format_summary(summary))
    if not summary["ok"]:
        print("validate: critical expectations failed: " + "; ".join(summary["critical_failures"]), file=sys.stderr)
        return 1
    return 0


def format_summary(s: dict) -> str:
    lines = [f"validate: {s['expectations']} expectations on {len(s['suites'])} tables in {s['seconds']:.1f}s; "
             f"{s['failed_expectations']} failed ({len(s['critical_failures'])} critical); "
             f"{s['rejected']} figures moved to rejected ({s['rejected_total']} in total); data docs: {s['data_docs']}"]
    for f in s["failures"]:
        lines.append(f"  {f['severity']:8} {f['suite']}.{f['expectation']}: {f['unexpected_count']} rows")
    return "\n".join(lines)


class SuiteError(RuntimeError):
    """An expectation suite file is invalid (GX would silently drop part of it)."""


def suite_parameters(con) -> dict:
    from pipeline.extract.metrics import metric_table
    from pipeline.extract.numbers import ALL_UNITS

    units = sorted(ALL_UNITS)
    return {
        "region_ids": [r[0] for r in con.execute("SELECT region_id FROM regions").fetchall()],
        "metric_ids": [m["metric_id"] for m in metric_table()] + ["other"],
        "units": units,
    }


def suites_sha256(expectations_dir: Path | None = None) -> str:
    """A digest of the suite files: a scheduler re-validates an unchanged store when they change."""
    import hashlib

    expectations_dir = Path(expectations_dir or config.expectations_dir())
    h = hashlib.sha256()
    for name in SUITES:
        path = expectations_dir / f"{name}.json"
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()


def load_suites(expectations_dir: Path | None = None) -> dict:
    """name -> gx.ExpectationSuite from `<dir>/<name>.json`; raises SuiteError if any expectation is lost."""
    import great_expectations as gx

    expectations_dir = Path(expectations_dir or config.expectations_dir())
    suites = {}
    for name in SUITES:
        path = expectations_dir / f"{name}.json"
        if not path.exists():
            raise SuiteError(f"missing suite {path}")
        raw = json.loads(path.read_text(encoding="utf-8"))
        suite = gx.ExpectationSuite(name=raw.get("name", name), expectations=raw["expectations"], meta=raw.get("meta"))
        if len(suite.expectations) != len(raw["expectations"]):
            loaded = {e.meta.get("name") for e in suite.expectations}
            lost = [e.get("meta", {}).get("name", e.get("type")) for e in raw["expectations"]
                    if e.get("meta", {}).get("name") not in loaded]
            raise SuiteError(f"{path}: great-expectations rejected {', '.join(map(str, lost))} (invalid type or kwargs)")
        names = [e.meta.get("name") for e in suite.expectations]
        if None in names or len(set(names)) != len(names):
            raise SuiteError(f"{path}: every expectation needs a unique meta.name (it is what `rejected` records)")
        suites[name] = suite
    return suites


def frames(con) -> dict:
    """The pandas frames the suites see: tables plus the derived columns some expectations need."""
    return {
        "documents": con.sql("SELECT * FROM documents").df(),
        "figures": con.sql("""
            SELECT f.*, d.chars AS doc_chars, d.status AS doc_status, abs(f.value - trunc(f.value)) AS value_fraction
            FROM figures f LEFT JOIN documents d USING (doc_id)""").df(),
        "facts": con.sql("SELECT * FROM facts").df(),
        "regions": con.sql("SELECT * FROM regions").df(),
        "metrics": con.sql("SELECT * FROM metrics").df(),
    }


def _context(data_docs_dir: Path):
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # progress bars are cosmetic
        pass
    context.add_data_docs_site(site_name="store", site_config={
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(data_docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    return context


def _details(result, row: dict, id_column: str) -> str:
    """What failed for this row: the expectation, its bounds or set size, and the row's values."""
    cfg = result.expectation_config
    kw = cfg.kwargs
    rule = ", ".join(f"{k}={kw[k]}" for k in ("min_value", "max_value", "regex", "or_equal") if kw.get(k) is not None)
    if isinstance(kw.get("value_set"), list):
        rule = ", ".join(filter(None, [rule, f"value_set={kw['value_set'][:8]}" + ("..." if len(kw["value_set"]) > 8 else "")]))
    values = ", ".join(f"{k}={v}" for k, v in row.items() if k != id_column)
    return f"{cfg.type}({rule}): {values}"


def _error(result) -> str | None:
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return info.get("exception_message") or "expectation raised an error"
    for v in info.values():  # GX nests exception info per metric
        if isinstance(v, dict) and v.get("raised_exception"):
            return v.get("exception_message") or "expectation raised an error"
    return None


def run_validation(db_path=None, reports_dir=None, wait: float = 600.0, record_run: bool = True,
                   expectations_dir: Path | None = None) -> dict:
    """Run every suite on the store; move failing figures to `rejected`; build Data Docs."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    from pipeline.store import load, lock, read_connection, write_session
    from pipeline.store.schema import FIGURE_FIELDS

    t0 = time.perf_counter()
    started = datetime.now()
    db_path = Path(db_path) if db_path else config.db_path()
    reports_dir = Path(reports_dir) if reports_dir else config.reports_dir()
    if not db_path.exists():
        raise FileNotFoundError(f"no store at {db_path}: run `make ingest` first")
    data_docs_dir = reports_dir / "data_docs"
    suites = load_suites(expectations_dir)
    context = _context(data_docs_dir)
    source = context.data_sources.add_pandas("store")
    failures, moved = [], 0
    with lock(db_path, wait=wait, what="validate"):
        with write_session(db_path, what="validate") as con:
            params = suite_parameters(con)
            dfs = frames(con)
            for name in SUITES:
                if name == "facts":  # facts derive from figures: judge them after the figure moves
                    dfs["facts"] = con.sql("SELECT * FROM facts").df()
                batch_def = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
                suite = context.suites.add(suites[name])
                vd = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch_def, suite=suite))
                checkpoint = context.checkpoints.add(gx.Checkpoint(
                    name=f"{name}_checkpoint", validation_definitions=[vd],
                    actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=["store"])],
                    result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ID_COLUMN[name]]}))
                result = checkpoint.run(batch_parameters={"dataframe": dfs[name]}, expectation_parameters=params)
                bad_rows: dict[str, tuple[str, str]] = {}  # id -> (expectation, details): first failure wins
                for vr in result.run_results.values():
                    for r in vr.results:
                        if r.success:
                            continue
                        exp_name = r.expectation_config.meta.get("name")
                        severity = next(e.severity.value for e in suites[name].expectations if e.meta.get("name") == exp_name)
                        error = _error(r)
                        if error:  # an expectation that could not be evaluated checked nothing
                            severity = "critical"
                        failures.append({"suite": name, "expectation": exp_name, "severity": severity,
                                         "unexpected_count": r.result.get("unexpected_count") or 0,
                                         "error": error})
                        for row in r.result.get("unexpected_index_list") or []:
                            if isinstance(row, dict) and ID_COLUMN[name] in row:
                                bad_rows.setdefault(str(row[ID_COLUMN[name]]), (exp_name, _details(r, row, ID_COLUMN[name])))
                if name == "figures" and bad_rows:
                    moved += _reject(con, "figure_id", bad_rows, FIGURE_FIELDS, "figures")
                elif name == "documents" and bad_rows:
                    # a document that fails takes its figures out of the reporting tables
                    moved += _reject(con, "doc_id", {k: (f"documents.{v[0]}", v[1]) for k, v in bad_rows.items()},
                                     FIGURE_FIELDS, "documents")
                    dfs["figures"] = frames(con)["figures"]
            if moved:
                con.execute("UPDATE regions SET figures = (SELECT count(*) FROM figures f WHERE f.region_id = regions.region_id)")
            critical = [f"{f['suite']}.{f['expectation']} ({f['unexpected_count']} rows)" for f in failures
                        if f["severity"] == "critical"]
            rejected_total = con.execute("SELECT count(*) FROM rejected").fetchone()[0]
            n_figures = con.execute("SELECT count(*) FROM figures").fetchone()[0]
            summary = {
                "ok": not critical, "critical_failures": critical, "failures": failures,
                "failed_expectations": len(failures), "rejected": moved, "rejected_total": rejected_total,
                "figures": n_figures, "suites": list(SUITES), "expectations": sum(len(s.expectations) for s in suites.values()),
                "data_docs": str(data_docs_dir / "index.html"), "db_path": str(db_path),
            }
            if record_run:
                load.record_run(con, {"run_id": uuid.uuid4().hex[:12], "kind": "validate", "started_at": started,
                                      "ended_at": datetime.now(), "status": "ok" if not critical else "failed",
                                      "figures": n_figures, "rejected": rejected_total,
                                      "message": "; ".join(critical) or None, "seconds": time.perf_counter() - t0,
                                      "suites_sha256": suites_sha256(expectations_dir)})
        if moved or record_run:
            with read_connection(db_path) as rcon:
                load.export_parquet(rcon, db_path.parent / "parquet")
    summary["seconds"] = time.perf_counter() - t0
    return summary


def _reject(con, key: str, bad: dict[str, tuple[str, str]], fields: list[str], table: str) -> int:
    """Move figures whose `key` is in `bad` from `figures` to `rejected`; returns how many moved."""
    import pyarrow as pa

    tbl = pa.table({"k": list(bad), "expectation": [v[0] for v in bad.values()],
                    "details": [v[1] for v in bad.values()]})
    con.register("_bad", tbl)
    cols = ", ".join(f'f."{c}"' for c in fields)
    n = con.execute(f"SELECT count(*) FROM figures f JOIN _bad b ON f.{key} = b.k").fetchone()[0]
    con.execute(f"""INSERT INTO rejected ({', '.join(f'"{c}"' for c in fields)}, expectation, details, rejected_at)
                    SELECT {cols}, b.expectation, b.details, now() FROM figures f JOIN _bad b ON f.{key} = b.k""")
    con.execute(f"DELETE FROM figures WHERE {key} IN (SELECT k FROM _bad)")
    con.unregister("_bad")
    return n
