"""What dating adds to a build: the same build with the dating stage and without it.

    .venv/bin/python benchmarks/bench_dating.py [--copies 5] [--runs 3]

Builds the seed pages and the development articles (dates withheld), repeated
``--copies`` times under distinct ids, with the dating stage (stamps, URL,
content clues, inference, the batch step) and with it switched off (documents
keep only the dates they were given, here none), alternating, ``--runs`` times
each after a warm-up.  Output: the median CPU seconds of each and the difference.
The batch step extracts the event mentions that the event stage then reuses,
so the difference, not the time spent inside the stage, is its cost.
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
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    import timeline.pipeline as pipeline

    real = (pipeline.date_document, pipeline.date_batch)

    def switch(on: bool) -> None:
        if on:
            pipeline.date_document, pipeline.date_batch = real
        else:
            pipeline.date_document = lambda doc, extracted, lang="ar": {}
            pipeline.date_batch = lambda *a, **k: None

    rows = [json.loads(x) for x in (ROOT / "tests/dct/data/articles.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(args.copies):
                for r in rows:
                    out.write(json.dumps({"id": f"{r['id']}-{n}", "url": r["url"], "text": r["text"]},
                                         ensure_ascii=False) + "\n")
                for s in seeds:
                    out.write(json.dumps({"id": f"{s.stem}-{n}", "text": s.read_text(encoding="utf-8")},
                                         ensure_ascii=False) + "\n")
        pipeline.build([path])  # warm up: resources load once per process
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.runs):
            for on in (False, True):
                switch(on)
                t0 = time.process_time()  # CPU time: steadier than wall time on a shared machine
                result = pipeline.build([path])
                times[on].append(round(time.process_time() - t0, 3))
        switch(True)
    with_, without = statistics.median(times[True]), statistics.median(times[False])
    print(f"{len(result.documents)} documents: build {with_:.2f} CPU s with dating, {without:.2f} s without "
          f"(+{100 * (with_ - without) / without:.1f}%); runs {times}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
