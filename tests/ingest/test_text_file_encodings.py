"""Plain-text files: UTF-8, UTF-8 with BOM, windows-1256."""
from __future__ import annotations

from timeline.ingest import load_documents


def test_utf8_text_is_kept_exactly(tmp_path, arabic):
    text = f"  {arabic}\r\n\nسطر ثان\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    result = load_documents([tmp_path])
    assert result.problems == []
    [doc] = result.documents
    assert doc.id == "a"
    assert doc.path == str(tmp_path / "a.txt")
    assert doc.text == text
    assert doc.published is None and doc.published_source is None
    assert doc.warnings == []


def test_utf8_bom_is_stripped(tmp_path, arabic):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + arabic.encode("utf-8"))
    [doc] = load_documents([tmp_path / "bom.txt"]).documents
    assert doc.text == arabic
    assert doc.warnings == []


def test_windows_1256_arabic_is_decoded_with_a_warning(tmp_path, arabic):
    (tmp_path / "old.txt").write_bytes(arabic.encode("cp1256"))
    result = load_documents([tmp_path])
    assert result.problems == []
    [doc] = result.documents
    assert doc.text == arabic
    assert any("windows-1256" in w for w in doc.warnings)


def test_non_arabic_legacy_text_is_undecodable(tmp_path, arabic):
    (tmp_path / "latin.txt").write_bytes("Le café était très animé, déjà à l'aube.".encode("latin-1"))
    (tmp_path / "ok.txt").write_text(arabic, encoding="utf-8")
    result = load_documents([tmp_path])
    assert [d.id for d in result.documents] == ["ok"]
    [problem] = result.problems
    assert problem.path == str(tmp_path / "latin.txt")
    assert "UTF-8" in problem.message and "windows-1256" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'latin.txt'}: cannot decode")
