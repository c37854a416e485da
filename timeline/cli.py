"""The ``timeline`` command line."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from timeline.api import build as build_timeline
from timeline.pipeline import DEFAULT_MAX_BYTES
from timeline.pipeline import build as build_pipeline
from timeline.pipeline.dask_engine import DaskUnavailable
from timeline.pipeline.execute import default_workers
from timeline.temporal import tag_text

app = typer.Typer(help="Build dated, sourced timelines from news articles about negotiations.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the exports into.")] = Path("out"),
    manifest: Annotated[Optional[Path], typer.Option(
        help="Manifest with publication dates (default: manifest.yaml beside the documents).")] = None,
    max_bytes: Annotated[int, typer.Option(
        help="Refuse documents (JSON lines: lines) larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any document had a problem.")] = False,
    title: Annotated[str, typer.Option(help="Title of the timeline page.")] = "Negotiation timeline",
    workers: Annotated[Optional[int], typer.Option(
        help="Processes for per-document work (default: this machine's cores; with --dask local, its workers).",
        min=1)] = None,
    cache: Annotated[Optional[Path], typer.Option(
        help="Folder of per-document results: reused when a document, its metadata and the pipeline "
             "are unchanged, filled otherwise.")] = None,
    dask: Annotated[Optional[str], typer.Option(
        help="Run per-document work on Dask: a scheduler address (tcp://host:8786) or 'local'.")] = None,
) -> None:
    """Read, segment and date the articles under PATHS and write OUT/events.json.

    Also writes OUT/events.csv (one row per event), OUT/events.parquet,
    OUT/mentions.parquet and OUT/timexes.parquet (tables for DuckDB, pandas,
    Spark), OUT/graph.graphml and OUT/graph.json (the actor/event network),
    OUT/actors.graphml (actors linked by shared events) and OUT/timeline.html
    (the interactive page).  The files replace the previous ones only once all
    are written.
    """
    try:
        tl = build_timeline(paths, manifest=manifest, max_bytes=max_bytes, title=title,
                            workers=workers or default_workers(), cache=cache, dask=dask)
    except DaskUnavailable as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    for problem in tl.problems:
        err.print(f"[yellow]problem[/yellow] {problem}", highlight=False)
    for doc in tl.documents:
        for warning in doc.warnings:
            err.print(f"[dim]note[/dim] {warning}", highlight=False)
    if not tl.documents:
        err.print("[red]no document could be read[/red]; the previous output is left as it was")
        raise typer.Exit(1)
    written = tl.write(out)
    err.print(f"{len(tl.documents)} documents, {len(tl.timexes)} temporal expressions, "
              f"{len(tl.event_list)} events -> {written[0]} (also {', '.join(p.name for p in written[1:])})",
              highlight=False)
    if strict and tl.problems:
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
