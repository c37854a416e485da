"""Throughput of the temporal tagger beside dateparser.search_dates, on one core.

    .venv/bin/python benchmarks/bench_tagger.py [--rounds N]

The texts are the article segments of the seeds (each with its publication
date). Both taggers get the same texts; the tagger's rules are compiled before
timing. Prints articles per second for each and the ratio.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.ingest import load_documents  # noqa: E402
from timeline.segment import segment_document  # noqa: E402
from timeline.temporal import get_tagger  # noqa: E402
from timeline.temporal.baseline import dateparser_dates  # noqa: E402


def articles() -> list[tuple[str, object]]:
    out = []
    for doc in load_documents([ROOT / "seeds"]).documents:
        segment_document(doc)
        for seg in doc.segments:
            if seg.kind == "article" and seg.dct and seg.end - seg.start > 200:
                out.append((doc.text[seg.start:seg.end], seg.dct))
    return out


def rate(fn, texts, min_seconds: float) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    n, start = 0, time.perf_counter()
    while True:
        for text, dct in texts:
            fn(text, dct)
            n += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return n / elapsed, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="minimum time per tagger")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    texts = articles()
    tagger = get_tagger("ar")
    tagger.tag_text(texts[0][0], texts[0][1])  # compile the rules before timing
    dateparser_dates(texts[0][0], texts[0][1])  # let dateparser load its language data
    ours, n1 = rate(tagger.tag_text, texts, args.seconds)
    theirs, n2 = rate(dateparser_dates, texts, args.seconds)
    chars = sum(len(t) for t, _ in texts) / len(texts)
    print(f"texts: {len(texts)} article segments of the seeds, {chars:.0f} characters on average")
    print(f"timeline tagger:        {ours:8.1f} articles/s ({n1} tagged)")
    print(f"dateparser.search_dates: {theirs:8.1f} articles/s ({n2} tagged)")
    print(f"ratio: {ours / theirs:.1f}x")


if __name__ == "__main__":
    main()
