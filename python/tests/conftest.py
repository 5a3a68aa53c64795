"""Fixtures: records made from the repository's seed articles, and the CLI's findings on them."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def newslint_binary() -> Path:
    """The command line, built by `cargo build --release` (or named by $NEWSLINT_BIN)."""
    path = Path(os.environ.get("NEWSLINT_BIN", REPO / "target" / "release" / "newslint"))
    if not path.exists():
        pytest.fail(f"{path} is missing: build it with `cargo build --release` (or set NEWSLINT_BIN)")
    return path


def seed_records() -> list[dict]:
    """A record per three paragraphs of each seed article, and records with planted faults:
    a few hundred records holding real faults."""
    records = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for k in range(0, len(paragraphs), 3):
            records.append({"id": f"{path.stem}-{k // 3:03d}", "text": "\n\n".join(paragraphs[k : k + 3])})
    for k in range(60):
        records.append({"id": f"planted-{k:03d}", "text": f"第{k}条：今天天气很好,大家都出门了。\n\n他说:“明天见。”"})
    return records


@pytest.fixture(scope="session")
def records_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "records.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for record in seed_records():
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def cli_rows(records_file) -> list[tuple]:
    """The CLI's `--records` findings: (id, rule, severity, message, start, end, start_byte,
    end_byte), sorted by (id, start, rule)."""
    out = subprocess.run(
        [str(newslint_binary()), "check", "--isolated", "--records", "--format", "jsonl", str(records_file)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1, out.stderr
    rows = []
    for line in out.stdout.splitlines():
        d = json.loads(line)
        rows.append(
            (
                d["record"],
                d["rule"],
                d["severity"],
                d["message"],
                d["record_offset"]["start"],
                d["record_offset"]["end"],
                d["start"]["offset"],
                d["end"]["offset"],
            )
        )
    return sorted(rows, key=lambda r: (r[0], r[4], r[1]))


def engine_rows(rows: list[dict]) -> list[tuple]:
    """Engine output rows in the form of `cli_rows`."""
    keys = ("id", "rule", "severity", "message", "start", "end", "start_byte", "end_byte")
    return sorted((tuple(r[k] for k in keys) for r in rows), key=lambda r: (r[0], r[4], r[1]))
