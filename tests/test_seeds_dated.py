"""Regression: the seeds built with the gold's publication dates (tests/fixtures/seeds_dated_manifest.yaml)
score as before on ../shared/eval (timex value F1 >= 0.985, dated-event F1 >= 0.95), and the seeds as given
(no dates) are dated from their own text, never from today."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.export import export_dict
from timeline.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
GOLD = EVAL / "gold" / "seeds"
DATED = ROOT / "tests" / "fixtures" / "seeds_dated_manifest.yaml"


def _score(export: dict, tmp_path: Path) -> dict:
    if not (EVAL / "score.py").is_file():
        pytest.fail(f"the evaluation kit is missing: {EVAL} (CI clones ../shared beside the project)")
    path = tmp_path / "events.json"
    path.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--system", str(path),
                          "--json"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["_total"]


def _export(manifest: Path | None) -> dict:
    r = build([ROOT / "seeds"], manifest=manifest)
    return json.loads(json.dumps(export_dict(r.documents, r.timexes, r.events, r.problems)))


def test_gold_dated_seed_build_scores_as_before(tmp_path: Path) -> None:
    total = _score(_export(DATED), tmp_path)
    assert total["value"]["f1"] >= 0.985, total
    # 0.95, not 0.96: the seed gold types "ألغى الرحلة" (a trip called off) as a visit, which issue 10
    # names a wrong reading (a cancelled visit is a decision of its own); that one event is now a miss
    assert total["dated_events"]["f1"] >= 0.95, total


def test_undated_seeds_are_dated_from_their_text_and_never_today() -> None:
    data = _export(None)
    today = dt.date.today().isoformat()
    for doc in data["documents"]:
        assert doc["published"] is None
        for seg in doc["segments"]:
            assert seg["dct"] != today
            if seg["dct"]:
                assert seg["dct_source"] in ("content", "dateline", "url", "batch", "page", "host-article")
                assert seg["kind"] != "article" or seg["dct_evidence"], seg
