"""The extractor's Arabic lives in data files, and its modules stay small.

Word lists belong in ``timeline/resources/<lang>/`` (one list per concept), the
letters of clitics and suffixes in ``morphology.yaml``: a literal in Python
drifts from the folded text it is matched against ("الى" can never match).
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from timeline.events.lexicon import LexiconError, load_lexicon

ROOT = Path(__file__).resolve().parents[2] / "timeline"
_ARABIC = re.compile("[\u0600-\u06ff]")
# the modules whose words were moved to data; Arabic may appear in their comments and docstrings only
DATA_DRIVEN = sorted((ROOT / "events" / "extract").glob("*.py")) + [
    ROOT / "knowledge" / "matcher.py", ROOT / "temporal" / "context.py", ROOT / "temporal" / "extract.py",
    ROOT / "segment" / "segmenter.py"]


def _arabic_literals(path: Path) -> list[str]:
    src = path.read_text(encoding="utf-8")
    doc_lines = {n.body[0].value.lineno for n in ast.walk(ast.parse(src))
                 if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                 and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [f"{path.name}:{t.start[0]}: {t.string}" for t in tokenize.generate_tokens(io.StringIO(src).readline)
            if t.type == tokenize.STRING and _ARABIC.search(t.string) and t.start[0] not in doc_lines]


@pytest.mark.parametrize("path", DATA_DRIVEN, ids=lambda p: p.name)
def test_no_arabic_word_lists_in_python(path: Path) -> None:
    assert _arabic_literals(path) == []


@pytest.mark.parametrize("path", sorted((ROOT / "events" / "extract").glob("*.py")), ids=lambda p: p.name)
def test_extractor_functions_stay_short(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef) and n.end_lineno - n.lineno + 1 > 80]
    assert long == []
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400


def test_a_marker_list_the_code_reads_must_exist() -> None:
    lex = load_lexicon("ar")
    assert lex.marker("negation")
    with pytest.raises(LexiconError, match="no marker list"):
        lex.marker("no_such_list")


def test_the_literal_checker_sees_a_literal(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('"""وثيقة."""\nWORDS = ("في", "من")\n', encoding="utf-8")
    assert len(_arabic_literals(bad)) == 2
