"""The executor seam: run a function over many items serially, on local processes, or on Dask.

In: an iterable of picklable items and a top-level function. Out: an iterator of results in
completion order. Extraction is the only heavy work that goes through here; the single writer
that loads DuckDB consumes the iterator.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

EXECUTORS = ("serial", "processes", "dask")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_many(fn: Callable[[Any], Any], items: Iterable[Any], executor: str = "processes",
             workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    workers = workers or default_workers()
    if executor == "serial" or (executor == "processes" and workers == 1):
        for item in items:
            yield fn(item)
        return
    if executor == "processes":
        import multiprocessing as mp

        ctx = mp.get_context("forkserver" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(workers) as pool:
            yield from pool.imap_unordered(fn, items, chunksize=4)
        return
    if executor == "dask":
        from distributed import Client, as_completed

        with Client(scheduler) if scheduler else Client(processes=True, n_workers=workers, threads_per_worker=1) as client:
            futures = client.map(fn, list(items), pure=False)
            for fut in as_completed(futures):
                yield fut.result()
        return
    raise ValueError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
