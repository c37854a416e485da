"""Which files are loaded, in which order, and what happens to paths that are not there."""
from __future__ import annotations

from pathlib import Path

from timeline.ingest import load_documents


def _write(path: Path, text: str = "نص عربي قصير") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directory_is_searched_recursively_in_sorted_order(tmp_path):
    _write(tmp_path / "b.txt")
    _write(tmp_path / "sub" / "a.txt")
    _write(tmp_path / "a2.htm", "<html></html>")  # loaded (then fails: no text)
    _write(tmp_path / "notes.md")
    _write(tmp_path / ".hidden.txt")
    _write(tmp_path / ".git" / "x.txt")
    _write(tmp_path / "manifest.yaml", "documents: []\n")
    result = load_documents([tmp_path])
    assert [d.path for d in result.documents] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.txt")]
    assert [p.path for p in result.problems] == [str(tmp_path / "a2.htm")]


def test_missing_path_is_a_problem_and_the_rest_loads(tmp_path):
    good = _write(tmp_path / "good.txt")
    missing = tmp_path / "nope.txt"
    result = load_documents([missing, str(good)])
    assert [d.id for d in result.documents] == ["good"]
    assert [str(p) for p in result.problems] == [f"{missing}: no such file or directory"]


def test_explicit_files_are_sorted_and_deduplicated(tmp_path):
    a, b = _write(tmp_path / "a.txt"), _write(tmp_path / "b.txt")
    result = load_documents([b, a, tmp_path, str(a)])
    assert [d.id for d in result.documents] == ["a", "b"]
    assert result.problems == []


def test_unsupported_file_given_explicitly_is_a_problem(tmp_path):
    pdf = _write(tmp_path / "x.pdf")
    result = load_documents([pdf])
    assert result.documents == []
    assert result.problems[0].path == str(pdf)
    assert "unsupported file type '.pdf'" in result.problems[0].message


def test_a_single_path_is_accepted(tmp_path):
    _write(tmp_path / "a.txt")
    assert [d.id for d in load_documents(tmp_path).documents] == ["a"]
    assert [d.id for d in load_documents(str(tmp_path)).documents] == ["a"]


def test_ingest_never_reads_the_clock():
    root = Path(__file__).resolve().parents[2] / "timeline" / "ingest"
    source = "".join(p.read_text(encoding="utf-8") for p in root.glob("*.py"))
    for forbidden in ("date.today", "datetime.now", "datetime.today", "time.time(", "utcnow"):
        assert forbidden not in source
