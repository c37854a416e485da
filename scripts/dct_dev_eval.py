"""Date the development articles (tests/dct/data/articles.jsonl) with their dates withheld and score them.

    .venv/bin/python scripts/dct_dev_eval.py [--split dev|heldout|all] [--details]

Each record is built as a JSON-lines document with its URL and text but no
``published``; the first article segment's inferred date is compared with the
proven one.  Reported: exact (the day), within (inside the interval), median
interval width (an undated or open-ended interval counts as 36,500 days).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "dct" / "data" / "articles.jsonl"
UNDATED = 36500


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def evaluate(rows: list[dict]) -> dict:
    from timeline.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps({"id": r["id"], "url": r["url"], "text": r["text"]},
                                           ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        result = build([path])
    docs = {d.id.split(":")[-1]: d for d in result.documents}
    out = []
    for r in rows:
        doc = docs.get(r["id"]) or next((d for k, d in docs.items() if k.endswith(r["id"])), None)
        seg = next((s for s in doc.segments if s.kind == "article"), None) if doc else None
        gold = dt.date.fromisoformat(r["published"])
        day = seg.dct if seg else None
        iv = seg.dct_interval if seg and not seg.dct_open_end else None
        out.append({"id": r["id"], "proof": r["proof"], "gold": gold.isoformat(),
                    "system": day.isoformat() if day else None, "source": seg.dct_source if seg else None,
                    "interval": iv.label() if iv else (f"{seg.dct_interval.first} .." if seg and seg.dct_interval
                                                       else None),
                    "exact": day == gold, "within": bool(iv and gold in iv), "width": iv.days if iv else UNDATED,
                    "evidence": [f"{c.kind}:{c.text[:30]}" for c in (seg.dct_evidence if seg else ())][:4]})
    n = len(out)
    widths = sorted(x["width"] for x in out)
    return {"n": n, "exact": sum(x["exact"] for x in out) / n if n else 0.0,
            "within": sum(x["within"] for x in out) / n if n else 0.0,
            "width": widths[n // 2] if n else UNDATED, "rows": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    report = evaluate(load(args.split))
    if args.details:
        for x in report["rows"]:
            mark = "=" if x["exact"] else ("~" if x["within"] else "x")
            print(f"{mark} {x['id']} ({x['proof']}): gold {x['gold']} system {x['system']} [{x['interval']}] "
                  f"({x['source']}) {x['evidence']}")
    by_proof: dict[str, list[dict]] = {}
    for x in report["rows"]:
        by_proof.setdefault(x["proof"], []).append(x)
    for proof, xs in sorted(by_proof.items()):
        print(f"  {proof}: {len(xs)} articles, exact {sum(x['exact'] for x in xs) / len(xs):.3f}, "
              f"within {sum(x['within'] for x in xs) / len(xs):.3f}")
    print(f"{args.split}: {report['n']} articles, exact {report['exact']:.3f}, within {report['within']:.3f}, "
          f"median width {report['width']} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
