"""Articles per second of the whole build (segmenting, dating, tagging, events, merging) on one core.

    .venv/bin/python benchmarks/bench_build.py [--copies 5] [--runs 3]

Builds the development articles (tests/dct/data/articles.jsonl, with their
dates given) and the seed pages, repeated ``--copies`` times under distinct ids,
as one JSON-lines batch, ``--runs`` times after a warm-up that loads the
resources.  Output: documents, median CPU seconds, documents per CPU second.
Run it on two checkouts to compare (``PYTHONPATH=<other checkout>`` makes the
same interpreter use that code).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    import timeline.pipeline as pipeline

    rows = [json.loads(x) for x in (ROOT / "tests/dct/data/articles.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        n_docs = 0
        with path.open("w", encoding="utf-8") as out:
            for n in range(args.copies):
                for r in rows:
                    out.write(json.dumps({"id": f"{r['id']}-{n}", "url": r["url"], "text": r["text"],
                                          "published": r["published"]}, ensure_ascii=False) + "\n")
                    n_docs += 1
                for s in seeds:
                    out.write(json.dumps({"id": f"{s.stem}-{n}", "text": s.read_text(encoding="utf-8")},
                                         ensure_ascii=False) + "\n")
                    n_docs += 1
        pipeline.build([path])  # warm up: resources load once per process
        times = []
        for _ in range(args.runs):
            t0 = time.process_time()
            pipeline.build([path])
            times.append(time.process_time() - t0)
    med = statistics.median(times)
    print(f"{n_docs} documents: {med:.2f} CPU s (median of {args.runs}), {n_docs / med:.1f} documents per CPU second; "
          f"runs {[round(t, 2) for t in times]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
