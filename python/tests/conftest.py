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


def cli_diagnostics(*args: str) -> list[dict]:
    """`newslint check --isolated --records --format jsonl ARGS`: its diagnostics (it must
    find some)."""
    out = subprocess.run(
        [str(newslint_binary()), "check", "--isolated", "--records", "--format", "jsonl", *args],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


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
    rows = []
    for d in cli_diagnostics(str(records_file)):
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


def copy_records() -> list[dict]:
    """The seed records in order (``n``), then records that copy their paragraphs: exactly,
    nearly (one character changed), a run of two in order, and one paragraph written twice in
    its own record (which the record's own check reports, not the corpus pass)."""
    base = seed_records()
    paragraphs = [[p for p in r["text"].split("\n\n") if len(p) >= 40 and p.rstrip()[-1:] in "。！？”"] for r in base]
    with_prose = [k for k, ps in enumerate(paragraphs) if len(ps) >= 2]
    a, b, c, d = with_prose[3], with_prose[10], with_prose[20], with_prose[30]
    near = paragraphs[b][0][:10] + ("的" if paragraphs[b][0][10] != "的" else "了") + paragraphs[b][0][11:]
    planted = [
        {"id": "copy-exact", "text": f"转载一\n\n{paragraphs[a][0]}"},
        {"id": "copy-near", "text": f"转载二\n\n{near}"},
        {"id": "copy-run", "text": f"转载三\n\n{paragraphs[c][0]}\n\n{paragraphs[c][1]}"},
        {"id": "copy-twice", "text": f"转载四\n\n{paragraphs[d][0]}\n\n{paragraphs[d][0]}"},
    ]
    return [{**r, "n": n} for n, r in enumerate(base + planted)]


@pytest.fixture(scope="session")
def copies_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("copies") / "copies.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for record in copy_records():
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def cli_copies(copies_file) -> list[tuple]:
    """The copies across records that `--records --duplicates corpus` reports: (id, start,
    end, origin id), start and end in code points, sorted."""
    rows = []
    for d in cli_diagnostics("--duplicates", "corpus", "--select", "duplicated-block", str(copies_file)):
        origin = d["related"][0]["path"]
        if "#" in origin:
            rows.append((d["record"], d["record_offset"]["start"], d["record_offset"]["end"], origin.split("#", 1)[1]))
    return sorted(rows)
