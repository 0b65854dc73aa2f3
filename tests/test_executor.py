"""The executor seam: serial, local processes and Dask give the same figures; input is streamed."""
from __future__ import annotations

import json

import pytest

from pipeline.evaluate import extract_files
from pipeline.executor import run_many


def _canonical(results) -> list[str]:
    return sorted(json.dumps(fig, ensure_ascii=False, sort_keys=True) for figs in results for fig in figs)


@pytest.fixture(scope="module")
def serial_figures(seed_paths):
    figures = _canonical(run_many(extract_files, ([p] for p in seed_paths), executor="serial"))
    assert len(figures) > 50
    return figures


def test_processes_give_the_serial_results(seed_paths, serial_figures):
    results = run_many(extract_files, ([p] for p in seed_paths), executor="processes", workers=2, chunksize=1)
    assert _canonical(results) == serial_figures


def test_dask_local_cluster_gives_the_serial_results(seed_paths, serial_figures):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        results = run_many(extract_files, ([p] for p in seed_paths), executor="dask",
                           scheduler=cluster.scheduler_address, chunksize=1)
        assert _canonical(results) == serial_figures


def test_items_are_read_as_workers_need_them():
    pulled = []

    def endless():
        n = 0
        while True:
            pulled.append(n)
            yield n
            n += 1

    results = run_many(abs, endless(), executor="processes", workers=2, chunksize=4)
    first = [next(results) for _ in range(20)]
    results.close()
    assert len(set(first)) == 20 and set(first) <= set(pulled)
    # 2 workers x 4 chunks in flight x 4 items, plus the chunks submitted as results came back
    assert len(pulled) <= 2 * 4 * 4 + 20 + 4


def test_stopping_early_lets_started_work_finish(tmp_path):
    """Stopping early drops the chunks not yet started and waits for the running ones: a worker
    is never killed mid-task (a killed worker can leave a queue lock held and hang the run)."""
    def job(i):  # code run by exec in a worker: marks its start, works, marks its end
        return (f"import pathlib, time; pathlib.Path({str(tmp_path)!r}, 'start-{i}').touch(); "
                f"time.sleep(0.3); pathlib.Path({str(tmp_path)!r}, 'end-{i}').touch()")

    results = run_many(exec, (job(i) for i in range(100)), executor="processes", workers=2, chunksize=1)
    next(results)
    results.close()
    started = sorted(p.name.removeprefix("start-") for p in tmp_path.glob("start-*"))
    ended = sorted(p.name.removeprefix("end-") for p in tmp_path.glob("end-*"))
    assert 1 < len(started) < 100
    assert ended == started


@pytest.mark.parametrize("executor", ["serial", "processes"])
def test_an_error_in_the_function_stops_the_run(executor):
    with pytest.raises(ValueError):
        list(run_many(int, ["1", "x", "3"], executor=executor, workers=2, chunksize=1))


def test_unknown_executor_is_refused():
    with pytest.raises(ValueError, match="unknown executor"):
        list(run_many(abs, [1], executor="threads"))
