"""JSON-lines collections: one document per line, bad lines reported by number."""
from __future__ import annotations

import datetime as dt
import json

from timeline.ingest import load_documents


def _line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_good_and_bad_lines(tmp_path, arabic):
    lines = [
        _line(id="x1", text=arabic, title="عنوان", url="https://e.com/1", published="2024-05-23", source="RT Arabic"),
        "",
        "{not json",
        _line(id="x2", text="   "),
        _line(text=arabic, published="2024-05-23T22:30:00+03:00"),
        _line(id="x3", text=arabic, published="2024-13-45"),
        "[1, 2]",
        _line(id="x4", title="لا نص"),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_documents([tmp_path])

    docs = {d.id: d for d in result.documents}
    assert [d.id for d in result.documents] == ["x1", "batch-5", "x3"]
    assert docs["x1"].published == dt.date(2024, 5, 23) and docs["x1"].published_source == "metadata"
    assert (docs["x1"].title, docs["x1"].url, docs["x1"].source) == ("عنوان", "https://e.com/1", "RT Arabic")
    assert docs["x1"].text == arabic and docs["x1"].path == str(path)
    assert docs["batch-5"].published == dt.date(2024, 5, 23)
    assert docs["x3"].published is None  # kept, without the bad date

    messages = [str(p) for p in result.problems]
    assert all(m.startswith(f"{path}: line ") for m in messages)
    assert [m.split(": ")[1] for m in messages] == ["line 3", "line 4", "line 6", "line 7", "line 8"]
    assert "invalid JSON" in messages[0]
    assert "no text" in messages[1]
    assert "'published' is not a date: '2024-13-45'" in messages[2]
    assert "expected a JSON object" in messages[3]


def test_jsonl_documents_sort_after_earlier_paths(tmp_path, arabic):
    (tmp_path / "a.txt").write_text(arabic, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(_line(id="j2", text=arabic) + "\n" + _line(id="j1", text=arabic), encoding="utf-8")
    (tmp_path / "c.txt").write_text(arabic, encoding="utf-8")
    assert [d.id for d in load_documents([tmp_path]).documents] == ["a", "j2", "j1", "c"]
