"""The command line: every command has help; build writes the export and survives bad input."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["build"], ["tag"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 100


def test_build_writes_events_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert {d["id"] for d in data["documents"]} >= {"000_ff5001cb7666ffa7", "004_0829dcff4ef9e01e"}
    assert len(data["timexes"]) > 50
    assert {"documents", "timexes", "events"} <= set(data)


def test_build_reports_bad_files_and_builds_the_rest(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (src / "old.txt").write_bytes("قال المتحدث يوم الأربعاء إن المحادثات ستستأنف.".encode("cp1256"))
    (src / "good.txt").write_text("قال المتحدث أمس الأربعاء إن الوفد سيصل.", encoding="utf-8")
    (src / "manifest.yaml").write_text(
        "documents:\n  - file: good.txt\n    published: 2024-05-23\n  - file: old.txt\n    published: not-a-date\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "empty.txt" in text and "binary.txt" in text and "manifest.yaml" in text
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in data["documents"]) == ["good", "old"]
    values = {t["text"]: t["value"] for t in data["timexes"] if t["doc"] == "good"}
    assert values == {"أمس الأربعاء": "2024-05-22"}
    old = [t for t in data["timexes"] if t["doc"] == "old"]
    assert old and old[0]["value"].startswith("UNDEF") and old[0]["interval"] is None
    assert not next(d for d in data["documents"] if d["id"] == "old")["dated"]


def test_tag_command_prints_values() -> None:
    result = runner.invoke(app, ["tag", "وصل الوفد أمس", "--date", "2024-05-23"])
    assert result.exit_code == 0
    assert json.loads(result.output.splitlines()[0])["value"] == "2024-05-22"


def test_tag_command_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["tag", "وصل الوفد أمس", "--date", "23/05/2024"])
    assert result.exit_code == 2


def test_build_writes_csv_and_graph_files(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("events.csv", "graph.graphml", "graph.json", "actors.graphml", "timeline.html"):
        assert (tmp_path / name).stat().st_size > 0, name
        assert name in " ".join(result.output.split())
    events = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))["events"]
    assert (tmp_path / "events.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with (tmp_path / "events.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(events)
    graph = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert sum(n["kind"] == "event" for n in graph["nodes"]) == len(events)
    assert nx.read_graphml(tmp_path / "actors.graphml").number_of_nodes() == sum(
        n["kind"] == "actor" for n in graph["nodes"])


def test_build_output_is_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Set iteration order changes with PYTHONHASHSEED; no output may depend on it."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "timeline.cli", "build", str(ROOT / "seeds"), "--out", str(out)],
                       check=True, env=env, capture_output=True, cwd=ROOT)
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert "timeline.html" in names and names == sorted(p.name for p in outs[1].iterdir())
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
