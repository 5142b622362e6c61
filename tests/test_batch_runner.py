"""The batch runner's scheduling: batches cut by size, workers and parent sharing the work,
records always in input order and identical whatever the number of jobs."""

from __future__ import annotations

import gc
import io
import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechgen
from officialspeech.batch import Document, Progress, convert, runner


@settings(max_examples=60, deadline=None)
@given(sizes=st.lists(st.integers(min_value=0, max_value=300_000), max_size=80),
       skipped=st.lists(st.integers(min_value=0, max_value=79), max_size=10))
def test_batches_cover_every_document_in_order_and_grow_by_size(sizes: list[int], skipped: list[int]) -> None:
    docs = [Document(id=f"d{i % 7}", text="字" * (n // 3)) for i, n in enumerate(sizes)]
    skip = Counter(docs[i].id for i in skipped if i < len(docs))
    expected_skip = skip.copy()
    expect = []
    for d in docs:
        if expected_skip[d.id] > 0:
            expected_skip[d.id] -= 1
        else:
            expect.append(d)
    batches = list(runner._batches(docs, skip))
    assert [d for b in batches for d, _ in b] == expect
    limit = runner.FIRST_BATCH_BYTES
    for i, batch in enumerate(batches):
        assert batch, "no empty batch"
        assert all(size == len(d.text.encode("utf-8")) for d, size in batch if d.text is not None)
        total = sum(size for _, size in batch)
        if i < len(batches) - 1:  # every batch but the last is full: its size limit or its count
            assert total >= limit or len(batch) == runner.BATCH_DOCS
        # a batch stops at the document that reaches the limit
        assert total - batch[-1][1] < limit
        assert len(batch) <= runner.BATCH_DOCS
        limit = min(2 * limit, runner.BATCH_BYTES)


def _corpus(n: int, seed: int = 5) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        tree = speechgen.generate(rng, sections=rng.randint(1, 4), max_children=3, sentences=rng.choice([1, 5, 30]))
        docs.append(Document(id=f"doc{i}", text=speechgen.clean(tree)))
    docs.insert(n // 2, Document(id="blank", text="  "))  # an error record among them
    return docs


@pytest.mark.parametrize(("jobs", "in_flight"), [(2, 3), (2, 1), (3, 1)])
def test_records_are_identical_and_in_order_whatever_the_jobs(
        jobs: int, in_flight: int, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _corpus(60)
    # small batches: many of them, so that the parent converts some itself (in_flight 1: as
    # soon as one batch is queued per worker)
    monkeypatch.setattr(runner, "FIRST_BATCH_BYTES", 2_000)
    monkeypatch.setattr(runner, "BATCH_BYTES", 8_000)
    monkeypatch.setattr(runner, "IN_FLIGHT", in_flight)
    serial, parallel = io.StringIO(), io.StringIO()
    runner.run(docs, serial, 1, Progress(enabled=False))
    progress = Progress(enabled=False)
    runner.run(docs, parallel, jobs, progress)
    assert parallel.getvalue() == serial.getvalue()
    assert parallel.getvalue().splitlines() == [convert(d)[0] for d in docs]
    assert progress.failed == 1


def test_a_batch_leaves_the_collector_as_it_found_it() -> None:
    doc = Document(id="x", text="一、总体要求\n正文。\n")
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            [(line, size, ok)] = runner._convert_batch([(doc, 7)])
            assert gc.isenabled() is enabled
        finally:
            gc.enable()
        assert line == (convert(doc)[0] + "\n").encode("utf-8")
        assert (size, ok) == (7, True)


@given(count=st.integers(min_value=0, max_value=30), n=st.integers(min_value=0, max_value=8))
def test_lookahead_counts_the_batches_that_follow(count: int, n: int) -> None:
    batches = [[(Document(id=str(i), text="字"), 3)] for i in range(count)]
    got = list(runner._lookahead(iter(batches), n))
    assert [b for b, _ in got] == batches
    assert [left for _, left in got] == [min(n, count - 1 - i) for i in range(count)]


def test_the_pool_pipes_are_widened_where_the_platform_allows() -> None:
    import fcntl
    import multiprocessing

    getsize = getattr(fcntl, "F_GETPIPE_SZ", None)
    if getsize is None:
        pytest.skip("no F_GETPIPE_SZ on this platform")
    if int(Path("/proc/sys/fs/pipe-max-size").read_text()) < runner.PIPE_BYTES:
        pytest.skip("pipes cannot be that wide here (pipe-max-size)")
    with multiprocessing.get_context("fork").Pool(1) as pool:
        before = fcntl.fcntl(pool._outqueue._writer.fileno(), getsize)  # type: ignore[attr-defined]
        runner._widen_pipes(pool)
        ends = [q._writer for q in (pool._outqueue, pool._inqueue)]  # type: ignore[attr-defined]
        sizes = [fcntl.fcntl(e.fileno(), getsize) for e in ends]
        assert pool.apply(len, ("abc",)) == 3  # still a working pool
    assert before < runner.PIPE_BYTES
    assert sizes == [runner.PIPE_BYTES] * 2
