"""The ``timeline`` command line."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from timeline.export import export_dict, write_json
from timeline.export.csv_export import write_events_csv
from timeline.export.graph_export import write_graphml, write_node_link
from timeline.graph import actor_graph, build_graph
from timeline.knowledge import get_kb
from timeline.pipeline import build as build_pipeline
from timeline.temporal import tag_text
from timeline.view import write_page

app = typer.Typer(help="Build dated, sourced timelines from news articles about negotiations.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the exports into.")] = Path("out"),
    manifest: Annotated[Optional[Path], typer.Option(
        help="Manifest with publication dates (default: manifest.yaml beside the documents).")] = None,
    max_bytes: Annotated[int, typer.Option(help="Refuse documents larger than this many bytes.")] = 20_000_000,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any document had a problem.")] = False,
    title: Annotated[str, typer.Option(help="Title of the timeline page.")] = "Negotiation timeline",
) -> None:
    """Read, segment and date the articles under PATHS and write OUT/events.json.

    Also writes OUT/events.csv (one row per event), OUT/graph.graphml and
    OUT/graph.json (the actor/event network), OUT/actors.graphml (actors
    linked by shared events) and OUT/timeline.html (the interactive page).
    """
    result = build_pipeline(paths, manifest=manifest, max_bytes=max_bytes)
    for problem in result.problems:
        err.print(f"[yellow]problem[/yellow] {problem}", highlight=False)
    for doc in result.documents:
        for warning in doc.warnings:
            err.print(f"[dim]note[/dim] {warning}", highlight=False)
    target = write_json(out / "events.json",
                        export_dict(result.documents, result.timexes, result.events, result.problems))
    csv_path = write_events_csv(result.events, out / "events.csv")
    graph = build_graph(result.events, get_kb())
    graphml_path = write_graphml(graph, out / "graph.graphml")
    json_path = write_node_link(graph, out / "graph.json")
    actors = actor_graph(graph)
    actors_path = write_graphml(actors, out / "actors.graphml")
    page_path = write_page(out / "timeline.html", result.events, documents=result.documents, title=title,
                           graph=actors)
    err.print(f"{len(result.documents)} documents, {len(result.timexes)} temporal expressions, "
              f"{len(result.events)} events -> {target} (also {csv_path.name}, {graphml_path.name}, "
              f"{json_path.name}, {actors_path.name}, {page_path.name})", highlight=False)
    if strict and result.problems:
        raise typer.Exit(1)
    if not result.documents:
        err.print("[red]no document could be read[/red]")
        raise typer.Exit(1)


@app.command()
def tag(
    text: Annotated[str, typer.Argument(help="Arabic text to tag, or @FILE to read it from a file.")],
    date: Annotated[Optional[str], typer.Option(
        "--date", "-d", help="Publication date (YYYY-MM-DD) that relative expressions resolve against.")] = None,
) -> None:
    """Print the temporal expressions in TEXT as JSON lines."""
    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    try:
        dct = dt.date.fromisoformat(date) if date else None
    except ValueError:
        err.print(f"[red]--date is not a date: {date!r} (expected YYYY-MM-DD)[/red]")
        raise typer.Exit(2) from None
    for tx in tag_text(text, dct):
        typer.echo(json.dumps({"text": tx.text, "start": tx.start, "end": tx.end, "type": tx.type,
                               "value": tx.value, "mod": tx.mod, "rule": tx.rule}, ensure_ascii=False))


@app.command()
def dates(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl).")],
    manifest: Annotated[Optional[Path], typer.Option(
        help="Manifest with publication dates (default: manifest.yaml beside the documents).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
) -> None:
    """Print each document's and segment's publication date, interval, source and evidence."""
    result = build_pipeline(paths, manifest=manifest)
    for problem in result.problems:
        err.print(f"[yellow]problem[/yellow] {problem}", highlight=False)
    rows = []
    for doc in sorted(result.documents, key=lambda d: d.id):
        for seg in doc.segments:
            if seg.kind != "article":
                continue
            iv = seg.dct_interval
            rows.append({"doc": doc.id, "start": seg.start, "end": seg.end,
                         "dct": seg.dct.isoformat() if seg.dct else None,
                         "interval": {"start": iv.first.isoformat(),
                                      "end": None if seg.dct_open_end else iv.last.isoformat()} if iv else None,
                         "source": seg.dct_source,
                         "evidence": [{"kind": c.kind, "text": c.text, "start": c.start, "note": c.note}
                                      for c in seg.dct_evidence],
                         "warnings": [w for w in doc.warnings if f"article at {seg.start}:" in w]})
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table("document", "segment", "date", "interval", "source", "evidence", show_lines=True)
    for row in rows:
        iv = row["interval"]
        span = "—" if not iv else (iv["start"] if iv["start"] == iv["end"] else f"{iv['start']} … {iv['end'] or '?'}")
        evidence = "\n".join(f"{e['kind']}: {e['text'][:50]} ({e['note'][:60]})" for e in row["evidence"][:6])
        table.add_row(row["doc"], f"{row['start']}–{row['end']}", row["dct"] or "undated", span,
                      row["source"] or "—", evidence + "".join(f"\n[yellow]! {w[-120:]}[/yellow]"
                                                              for w in row["warnings"]))
    Console().print(table)


def main() -> None:
    """Entry point of the ``timeline`` script."""
    app()


if __name__ == "__main__":
    main()
