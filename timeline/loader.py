"""The one place that finds language resources: by language, kind and name.

Every stage reads its knowledge from ``timeline/resources/<lang>/<kind>/<name>``
(word lists ``.txt``, tables ``.tsv``, rules and lexicons ``.yaml``), as
HeidelTime finds its files by name; the knowledge base, which is not one
language's, lives in ``timeline/resources/kb/``.  Word lists are normalized
exactly like the text they are matched against and read once per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RESOURCE_ROOT = Path(__file__).resolve().parent / "resources"


class ResourceError(ValueError):
    """A language resource file is missing or malformed (the message names the file)."""


def resource_path(lang: str, kind: str, name: str = "") -> Path:
    """The file (or folder, without ``name``) of a resource: ``resource_path("ar", "events", "markers.yaml")``."""
    base = RESOURCE_ROOT / lang / kind if kind else RESOURCE_ROOT / lang
    return base / name if name else base


def data_lines(path: Path) -> list[str]:
    """The non-blank, non-comment lines of a data file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"{path}: {exc}") from exc
    return [line.rstrip("\n") for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def read_yaml(path: Path) -> Any:
    """A YAML resource (PyYAML's C loader where it is built)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"{path}: {exc}") from exc


@lru_cache(maxsize=256)
def word_list(lang: str, kind: str, name: str) -> tuple[str, ...]:
    """A word list, one entry per line, normalized like the working copy (``.txt`` added when missing)."""
    from timeline.normalize import normalize_plain

    path = resource_path(lang, kind, name if "." in name else name + ".txt")
    return tuple(normalize_plain(w).strip() for w in data_lines(path))


@lru_cache(maxsize=64)
def yaml_resource(lang: str, kind: str, name: str) -> Any:
    """A YAML resource of a language, read once per process (``.yaml`` added when missing)."""
    return read_yaml(resource_path(lang, kind, name if "." in name else name + ".yaml"))
