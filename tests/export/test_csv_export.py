"""events.csv: one row per event, Arabic that Excel can read (UTF-8 with BOM), stable output."""
from __future__ import annotations

import csv
from pathlib import Path

from timeline.export.csv_export import COLUMNS, write_events_csv
from timeline.model import Event, EventActor, EventDate, EventMention, Interval

TEXT = "التقى رئيس الوزراء القطري بوفد حماس في الدوحة"


def _events() -> list[Event]:
    m1 = EventMention("doc-a", 10, 10 + len(TEXT), TEXT, "التقى", 10, 0, ("الجزيرة",))
    m2 = EventMention("doc-b", 3, 20, "اجتماع في الدوحة", "اجتماع", 3, 0)
    e1 = Event("e1", "meeting", "040", "Meeting: Hamas", EventDate("2024-05-01", Interval("2024-05-01", "2024-05-01"),
                                                                  "day", "explicit"),
               [EventActor("mohammed-bin-abdulrahman-al-thani", "Mohammed bin Abdulrahman Al Thani", "initiator",
                           "person"),
                EventActor("hamas", "Hamas", "participant", "armed-group"),
                EventActor("qatar", "Qatar", "mediator", "state")],
               "Doha", [m1, m2], ["الجزيرة", "Reuters"])
    e2 = Event("e2", "statement", "010", "Statement: خليل الحية",
               EventDate(["2024-05", "2024-06"], None, "month", "same-sentence"),
               [EventActor("ar:خليل الحية", "خليل الحية", "speaker", "person"),
                EventActor("israel", "Israel", "target", "state")], None, [], [], planned=True)
    return [e1, e2]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_events_csv_header(tmp_path: Path) -> None:
    path = write_events_csv(_events(), tmp_path / "events.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == ["id", "type", "cameo", "title", "date", "start", "end", "granularity", "basis", "planned",
                      "actors", "speakers", "initiators", "participants", "mediators", "targets", "location",
                      "sources", "mentions", "text"]
    assert tuple(header) == COLUMNS


def test_events_csv_starts_with_bom(tmp_path: Path) -> None:
    raw = write_events_csv(_events(), tmp_path / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:5] == b"id"


def test_events_csv_one_row_per_event(tmp_path: Path) -> None:
    rows = _rows(write_events_csv(_events(), tmp_path / "events.csv"))
    assert [r["id"] for r in rows] == ["e1", "e2"]
    assert _rows(write_events_csv([], tmp_path / "empty.csv")) == []


def test_events_csv_arabic_round_trip(tmp_path: Path) -> None:
    e1, e2 = _rows(write_events_csv(_events(), tmp_path / "events.csv"))
    assert e1["text"] == TEXT
    assert e1["sources"] == "الجزيرة; Reuters"
    assert e2["speakers"] == "خليل الحية" and e2["title"] == "Statement: خليل الحية"


def test_events_csv_cells(tmp_path: Path) -> None:
    e1, e2 = _rows(write_events_csv(_events(), tmp_path / "events.csv"))
    assert (e1["date"], e1["start"], e1["end"], e1["granularity"], e1["basis"]) == (
        "2024-05-01", "2024-05-01", "2024-05-01", "day", "explicit")
    assert e1["actors"] == "Mohammed bin Abdulrahman Al Thani; Hamas; Qatar"
    assert (e1["initiators"], e1["participants"], e1["mediators"], e1["speakers"], e1["targets"]) == (
        "Mohammed bin Abdulrahman Al Thani", "Hamas", "Qatar", "", "")
    assert e1["mentions"] == f"doc-a:10-{10 + len(TEXT)}; doc-b:3-20"
    assert (e1["location"], e1["planned"]) == ("Doha", "false")
    assert (e2["date"], e2["start"], e2["end"], e2["planned"]) == ("2024-05/2024-06", "", "", "true")
    assert (e2["location"], e2["sources"], e2["mentions"], e2["text"], e2["targets"]) == ("", "", "", "", "Israel")


def test_events_csv_same_input_same_bytes(tmp_path: Path) -> None:
    a = write_events_csv(_events(), tmp_path / "a.csv").read_bytes()
    b = write_events_csv(_events(), tmp_path / "b.csv").read_bytes()
    assert a == b
