"""Two documents with one id: the second is reported and skipped."""
from __future__ import annotations

import json

from timeline.ingest import load_documents


def test_duplicate_ids_across_files_and_lines(tmp_path, arabic):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(arabic, encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.txt").write_text("نص آخر", encoding="utf-8")
    lines = [json.dumps({"id": "story", "text": arabic}), json.dumps({"id": "n", "text": arabic}),
             json.dumps({"id": "n", "text": arabic})]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = load_documents([tmp_path])
    assert [(d.id, d.path) for d in result.documents] == [
        ("story", str(tmp_path / "a" / "story.txt")),
        ("n", str(tmp_path / "c.jsonl")),
    ]
    messages = [str(p) for p in result.problems]
    first = tmp_path / "a" / "story.txt"
    assert messages == [
        f"{tmp_path / 'b' / 'story.txt'}: duplicate document id 'story' (already used by {first}); skipped",
        f"{tmp_path / 'c.jsonl'}: line 1: duplicate document id 'story' (already used by {first}); skipped",
        f"{tmp_path / 'c.jsonl'}: line 3: duplicate document id 'n' (already used by {tmp_path / 'c.jsonl'}:2); skipped",
    ]
