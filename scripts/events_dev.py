"""The event development set: real articles annotated in the gold format (tests/events/dev/).

    .venv/bin/python scripts/events_dev.py check            # validate the gold files
    .venv/bin/python scripts/events_dev.py score [--split dev|heldout] [--details]

The texts are those of ``tests/dct/data/articles.jsonl``; the gold of each
article is ``tests/events/dev/gold/<split>/<id>.json`` (see GUIDELINES.md).
``score`` writes each article of the split as ``<id>.txt`` with a manifest
giving its publication day, outlet and URL (dates are given: this set
measures events, not dating), builds them with ``timeline build`` and runs
``../shared/eval/score.py`` on the export.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "dct" / "data" / "articles.jsonl"
GOLD = ROOT / "tests" / "events" / "dev" / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TYPES = {"meeting", "visit", "call", "statement", "military", "proposal", "agreement", "decision",
         "rejection", "negotiation", "release", "exchange", "other", "threat"}
TX_TYPES = {"DATE", "TIME", "DURATION", "SET"}
MODS = {None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"}
_VALUE = re.compile(r"(?:\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d)?)?)?|\d{4}-W\d\d|XXXX-WXX-\d|"
                    r"PRESENT_REF|PAST_REF|FUTURE_REF|P(?:T?[\dX]+[YMWDH])+|\d{3}X|\d{2}XX)")


def articles() -> dict[str, dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


def _values(v: object) -> list[object]:
    return v if isinstance(v, list) else [v]


def check_file(path: Path, rec: dict) -> list[str]:
    """Every problem of one gold file, each naming the file."""
    where = path.relative_to(ROOT)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{where}: not JSON: {exc}"]
    text = rec["text"]
    out: list[str] = []
    if gold.get("doc") != rec["id"]:
        out.append(f"{where}: doc is {gold.get('doc')!r}, not {rec['id']!r}")
    if path.parent.name != rec["split"]:
        out.append(f"{where}: the record's split is {rec['split']}")
    for key in ("segments", "timexes", "events"):
        if not isinstance(gold.get(key), list):
            out.append(f"{where}: {key} must be a list")
            return out
    last = -1
    for n, seg in enumerate(gold["segments"], 1):
        off = seg.get("offset")
        if not isinstance(off, int) or not 0 <= off < len(text) or off <= last:
            out.append(f"{where}: segment {n}: bad or unordered offset {off!r}")
            continue
        last = off
        if seg.get("kind") not in ("article", "boilerplate"):
            out.append(f"{where}: segment {n}: kind {seg.get('kind')!r}")
        if not text[off:].startswith(str(seg.get("start", ""))[:20]):
            out.append(f"{where}: segment {n}: text at {off} does not start with {seg.get('start')!r}")
        if seg.get("kind") == "article" and seg.get("dct") != rec["published"]:
            out.append(f"{where}: segment {n}: dct {seg.get('dct')!r}, published {rec['published']}")
    if gold["segments"] and gold["segments"][0].get("offset") != 0:
        out.append(f"{where}: the first segment must start at 0")
    for kind, items, field in (("timex", gold["timexes"], "text"), ("event", gold["events"], "evidence")):
        for n, item in enumerate(items, 1):
            s, e = item.get("start"), item.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                out.append(f"{where}: {kind} {n}: bad offsets {s!r}..{e!r}")
                continue
            if text[s:e] != item.get(field):
                out.append(f"{where}: {kind} {n}: text[{s}:{e}] is {text[s:e]!r}, not {item.get(field)!r}")
            if item.get("mod") not in MODS:
                out.append(f"{where}: {kind} {n}: mod {item.get('mod')!r}")
    for n, tx in enumerate(gold["timexes"], 1):
        if tx.get("type") not in TX_TYPES:
            out.append(f"{where}: timex {n}: type {tx.get('type')!r}")
        if not all(isinstance(v, str) and _VALUE.fullmatch(v) for v in _values(tx.get("value"))):
            out.append(f"{where}: timex {n}: value {tx.get('value')!r}")
    for n, ev in enumerate(gold["events"], 1):
        if ev.get("type") not in TYPES:
            out.append(f"{where}: event {n}: type {ev.get('type')!r}")
        date = ev.get("date")
        if date is not None and not all(isinstance(v, str) and _VALUE.fullmatch(v) for v in _values(date)):
            out.append(f"{where}: event {n}: date {date!r}")
        actors = ev.get("actors")
        if not isinstance(actors, list) or not all(
                isinstance(a, list) and a and all(isinstance(x, str) and x for x in a) for a in actors):
            out.append(f"{where}: event {n}: actors must be a list of non-empty lists of names")
    return out


def check() -> int:
    recs = articles()
    problems: list[str] = []
    files = sorted(GOLD.glob("*/*.json"))
    for path in files:
        rec = recs.get(path.stem)
        if rec is None:
            problems.append(f"{path.relative_to(ROOT)}: no article {path.stem!r} in {DATA.name}")
            continue
        problems += check_file(path, rec)
    for p in problems:
        print(p)
    n_events = sum(len(json.loads(p.read_text(encoding="utf-8")).get("events", [])) for p in files
                   if not any(str(p.relative_to(ROOT)) in q and "not JSON" in q for q in problems))
    print(f"{len(files)} gold files, {n_events} events, {len(problems)} problems")
    return 1 if problems else 0


def score(split: str, details: bool) -> int:
    recs = articles()
    gold_dir = GOLD / split
    ids = sorted(p.stem for p in gold_dir.glob("*.json"))
    if not ids:
        print(f"no gold files in {gold_dir}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        entries = []
        for i in ids:
            r = recs[i]
            (docs / f"{i}.txt").write_text(r["text"], encoding="utf-8")
            entries.append({"file": f"{i}.txt", "published": r["published"], "source": r["outlet"], "url": r["url"]})
        (docs / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True),
                                            encoding="utf-8")
        out = Path(tmp) / "out"
        timeline = Path(sys.executable).with_name("timeline")
        build = subprocess.run([str(timeline), "build", str(docs), "--out", str(out)], capture_output=True, text=True)
        if build.returncode:
            print(build.stdout + build.stderr, file=sys.stderr)
            return build.returncode
        cmd = [sys.executable, str(SCORER), "--gold", str(gold_dir), "--system", str(out / "events.json")]
        return subprocess.run(cmd + (["--details"] if details else [])).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check")
    sc = sub.add_parser("score")
    sc.add_argument("--split", choices=("dev", "heldout"), default="dev")
    sc.add_argument("--details", action="store_true")
    args = ap.parse_args()
    return check() if args.cmd == "check" else score(args.split, args.details)


if __name__ == "__main__":
    raise SystemExit(main())
