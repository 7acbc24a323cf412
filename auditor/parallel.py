"""A bounded process pool that maps a function over a stream of tasks and gives the results back in
the order of the tasks.

At most `window` tasks are in flight, so memory does not grow with the number of tasks (a camera
roll of 30,000 photos holds a handful of them at a time). Workers are started with `forkserver`
where it exists (safe beside the progress bar's thread) and `spawn` elsewhere. With one job, or with
few tasks, everything runs in this process: starting workers costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context(preload: tuple[str, ...]) -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports these once; every worker forked from it starts with them loaded.
    context.set_forkserver_preload(list(preload))
    return context


def _run_chunk(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(task) for task in chunk]


def _chunks(tasks: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered_map(function: Callable[[T], R], tasks: Iterable[T], jobs: int, *,
                initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = (),
                chunk_size: int = 16, window: int | None = None) -> Iterator[R]:
    """`function` over `tasks`, results in task order. `function`, `initializer` and the tasks must
    be picklable (module-level functions, plain data) when `jobs` > 1. Tasks travel in chunks of
    `chunk_size` (one message each way per chunk), and at most `window` chunks are in flight."""
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for task in tasks:
            yield function(task)
        return
    window = window or 2 * jobs
    pending: deque[Future[list[R]]] = deque()
    preload = tuple(dict.fromkeys(f.__module__ for f in (function, initializer) if f is not None))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(preload), initializer=initializer,
                             initargs=initargs) as pool:
        try:
            for chunk in _chunks(tasks, chunk_size):
                pending.append(pool.submit(_run_chunk, function, chunk))
                if len(pending) >= window:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
