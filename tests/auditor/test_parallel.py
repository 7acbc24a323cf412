"""The bounded pool: results in task order, with few tasks in flight, in this process or in workers."""

import itertools

import pytest

from auditor.parallel import default_jobs, ordered_map


def square(value: int) -> int:
    return value * value


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_back_in_task_order(jobs):
    assert list(ordered_map(square, range(300), jobs, chunk_size=7)) == [v * v for v in range(300)]


def test_tasks_are_pulled_lazily_so_memory_stays_bounded():
    pulled = []

    def tasks():
        for value in itertools.count():
            pulled.append(value)
            yield value

    results = ordered_map(square, tasks(), 2, chunk_size=4, window=3)
    assert [next(results) for _ in range(5)] == [0, 1, 4, 9, 16]
    assert len(pulled) <= 4 * 3 + 8  # the window of chunks, and the chunk being filled
    results.close()


def test_default_jobs_is_at_least_one():
    assert default_jobs() >= 1
