"""Plain-text files that cannot be used: each is a problem, the batch goes on."""
from __future__ import annotations

import pytest

from timeline.ingest import InputProblem, load_documents


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        ("\u00a0\u2003\n".encode("utf-8"), "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (bytes(range(1, 32)) * 20 + b"abc", "binary file, not text"),
    ],
)
def test_unusable_file_is_a_problem_and_the_rest_loads(tmp_path, arabic, content, expected):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(arabic, encoding="utf-8")
    result = load_documents([tmp_path])
    assert [d.id for d in result.documents] == ["good"]
    assert result.problems == [InputProblem(str(tmp_path / "bad.txt"), expected)]


def test_too_large_file(tmp_path, arabic):
    (tmp_path / "big.txt").write_text(arabic * 10, encoding="utf-8")
    (tmp_path / "small.txt").write_text("نص قصير", encoding="utf-8")
    size = (tmp_path / "big.txt").stat().st_size
    result = load_documents([tmp_path], max_bytes=100)
    assert [d.id for d in result.documents] == ["small"]
    assert [str(p) for p in result.problems] == [f"{tmp_path / 'big.txt'}: too large: {size} bytes (limit 100)"]


def test_input_problem_is_frozen_and_formats_as_path_colon_message():
    problem = InputProblem("x.txt", "empty file")
    assert str(problem) == "x.txt: empty file"
    with pytest.raises(AttributeError):
        problem.path = "y"  # type: ignore[misc]
