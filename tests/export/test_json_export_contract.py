"""events.json follows the contract the scorer reads, and is byte-for-byte deterministic."""
from __future__ import annotations

import json
from pathlib import Path

from timeline.export import export_dict, write_json
from timeline.pipeline import build

ROOT = Path(__file__).resolve().parents[2]


def _export(tmp: Path, name: str) -> bytes:
    result = build([ROOT / "seeds"])
    path = write_json(tmp / name / "events.json",
                      export_dict(result.documents, result.timexes, result.events, result.problems))
    return path.read_bytes()


def test_same_input_same_bytes(tmp_path: Path) -> None:
    assert _export(tmp_path, "a") == _export(tmp_path, "b")


def test_contract_fields(tmp_path: Path) -> None:
    data = json.loads(_export(tmp_path, "c"))
    for doc in data["documents"]:
        assert {"id", "path", "segments"} <= set(doc)
        for seg in doc["segments"]:
            assert {"start", "end", "kind", "dct", "dct_source"} <= set(seg)
            assert seg["kind"] in ("article", "boilerplate")
    texts = {d["id"]: (ROOT / d["path"]).read_text(encoding="utf-8") if not Path(d["path"]).is_absolute()
             else Path(d["path"]).read_text(encoding="utf-8") for d in data["documents"]}
    for tx in data["timexes"]:
        assert {"doc", "start", "end", "text", "type", "value", "mod", "interval"} <= set(tx)
        assert tx["type"] in ("DATE", "TIME", "DURATION", "SET")
        assert texts[tx["doc"]][tx["start"]:tx["end"]] == tx["text"]  # offsets into the original text
