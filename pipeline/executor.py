"""The executor seam: run a function over many items serially, on local processes, or on Dask.

In: an iterable of picklable items (read lazily) and a top-level function. Out: an iterator of
the function's results in completion order. Extraction is the only heavy work that goes through
here; the single writer that loads DuckDB consumes the iterator.

Memory stays flat however long the input: items are pulled from the iterable only as workers
free up, and at most `workers * 4` chunks are in flight.

- `serial`: in this process (also `processes` with one worker).
- `processes`: a pool of local worker processes (default: all cores). `initializer` runs once per
  worker, e.g. to load jieba's dictionary once (its cache lives in a per-user directory, see
  `pipeline.extract.metrics`). When the run stops early (an error, or the caller closes the
  iterator), chunks not yet started are dropped and running ones finish; no worker is killed.
- `dask`: a Dask distributed cluster at `scheduler` (`tcp://host:8786`), or a `LocalCluster`
  with `workers` processes when no address is given. Needs the `dask` extra
  (`pip install -e .[dask]`) here and the project installed on every worker.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

EXECUTORS = ("serial", "processes", "dask")
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: keeps workers busy without reading ahead


def default_workers() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _call_chunk(fn: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [fn(item) for item in chunk]


def run_many(fn: Callable[[Any], Any], items: Iterable[Any], executor: str = "processes",
             workers: int | None = None, scheduler: str | None = None,
             initializer: Callable[[], Any] | None = None, chunksize: int = 16) -> Iterator[Any]:
    """Yield fn(item) for every item. An exception raised by fn stops the run and is re-raised:
    per-item failures that must not stop a run are for fn to catch and return as a record."""
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    workers = workers or default_workers()
    if executor == "serial" or (executor == "processes" and workers == 1):
        if initializer is not None:
            initializer()
        for item in items:
            yield fn(item)
    elif executor == "processes":
        yield from _run_processes(fn, items, workers, initializer, chunksize)
    else:
        yield from _run_dask(fn, items, workers, scheduler, initializer, chunksize)


def _run_processes(fn, items, workers, initializer, chunksize) -> Iterator[Any]:
    import multiprocessing as mp
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # forkserver: workers start from a clean process, not a copy of a parent holding a DuckDB
    # connection or threads; spawn where fork does not exist.
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    chunks = _chunks(items, chunksize)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=initializer)
    try:
        pending = {pool.submit(_call_chunk, fn, c) for c in islice(chunks, workers * IN_FLIGHT_PER_WORKER)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                results = fut.result()  # re-raises what fn raised
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.add(pool.submit(_call_chunk, fn, nxt))
                yield from results
    finally:
        # On an error or when the caller stops early: drop the chunks not started and let the
        # running ones finish. Workers are never killed mid-write (multiprocessing.Pool's
        # terminate() can deadlock on a queue lock held by a killed worker).
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(fn, items, workers, scheduler, initializer, chunksize) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise RuntimeError("the dask executor needs the dask extra: pip install -e '.[dask]'") from e

    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            if initializer is not None:
                client.run(initializer)  # once per worker now; workers that join later run it lazily
            slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
            chunks = _chunks(items, chunksize)
            pending = as_completed([client.submit(_call_chunk, fn, c, pure=False) for c in islice(chunks, slots)])
            for fut in pending:
                results = fut.result()
                fut.release()
                nxt = next(chunks, None)
                if nxt is not None:
                    pending.add(client.submit(_call_chunk, fn, nxt, pure=False))
                yield from results
    finally:
        if cluster is not None:
            cluster.close()
