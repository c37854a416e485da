"""The language resources parse, and every reference in a rule resolves."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.temporal.resources import RESOURCE_ROOT, ResourceError, load_language


def test_arabic_resources_load() -> None:
    res = load_language("ar")
    assert len(res.rules) >= 30
    assert res.tables["weekday"]["الاربعاء"] == "3"  # normalized key


def test_rule_names_are_unique_and_documented() -> None:
    res = load_language("ar")
    names = [r.name for r in res.rules]
    assert len(names) == len(set(names))
    assert all(r.doc for r in res.rules), [r.name for r in res.rules if not r.doc]


def test_unknown_reference_is_reported(tmp_path: Path) -> None:
    lang = tmp_path / "xx"
    for sub in ("tables", "patterns", "rules"):
        (lang / sub).mkdir(parents=True)
    (lang / "rules" / "10_bad.yaml").write_text(yaml.safe_dump(
        [{"name": "bad", "pattern": "%nosuchlist", "type": "DATE", "value": {"kind": "ref", "ref": "X"}}]))
    with pytest.raises(ResourceError, match="nosuchlist"):
        load_language.__wrapped__("xx", tmp_path)


def test_bad_table_line_is_reported(tmp_path: Path) -> None:
    lang = tmp_path / "xx"
    for sub in ("tables", "patterns", "rules"):
        (lang / sub).mkdir(parents=True)
    (lang / "tables" / "t.tsv").write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="t.tsv"):
        load_language.__wrapped__("xx", tmp_path)


def test_missing_language_is_reported() -> None:
    with pytest.raises(ResourceError, match="zz"):
        load_language.__wrapped__("zz", RESOURCE_ROOT)
