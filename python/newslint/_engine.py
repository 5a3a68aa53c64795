"""What the Spark and Ray adapters share: one linter a worker process, and a batch of records
turned into diagnostic rows or per-record figures."""

from __future__ import annotations

import json
from typing import Any

from . import Linter

_linters: dict[str, Linter] = {}


def linter_for(config: Any) -> Linter:
    """The linter of ``config`` in this process, built on first use (workers receive the
    configuration, not a linter: the extension's objects do not pickle)."""
    key = json.dumps(config, sort_keys=True, default=str)
    linter = _linters.get(key)
    if linter is None:
        linter = _linters[key] = Linter(config)
    return linter


def texts_of(batch, id_col: str, text_col: str) -> list[str]:
    """The texts of a batch of records; a text that is not a string names its record."""
    texts = batch.column(text_col).to_pylist()
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            record = batch.column(id_col)[i].as_py()
            raise TypeError(f"record {record!r}: {text_col} is {type(text).__name__}, not str")
    return texts


def diagnostic_rows(batch, id_col: str, text_col: str, config: Any, threads: int = 1):
    """The diagnostics of a ``pyarrow.RecordBatch`` of records, as a record batch."""
    linter = linter_for(config)
    return linter.lint_batch(batch.column(id_col), texts_of(batch, id_col, text_col), id_name=id_col, threads=threads)


def per_record(kind: str, batch, id_col: str, text_col: str, config: Any, threads: int = 1):
    """A row a record of the batch, in its order: ``summary`` (``faults`` and a count per
    selected rule) or ``attributes`` (dolma's form: spans ``[start, end, 1.0]`` in code
    points, a list per rule named ``newslint__<rule>``)."""
    import pyarrow as pa

    linter = linter_for(config)
    index, rule, *_rest = linter._linter.lint_columns(texts_of(batch, id_col, text_col), threads)
    start, end = _rest[2], _rest[3]
    rules = linter.selected
    found: list[list[tuple[str, int, int]]] = [[] for _ in range(batch.num_rows)]
    for i, r, s, e in zip(index, rule, start, end):
        found[i].append((r, s, e))
    ids = batch.column(id_col)
    if kind == "summary":
        columns = {id_col: ids, "faults": pa.array([len(f) for f in found], type=pa.int64())}
        for name in rules:
            columns[name] = pa.array([sum(1 for d in f if d[0] == name) for f in found], type=pa.int64())
        return pa.RecordBatch.from_pydict(columns)
    spans = pa.list_(pa.list_(pa.float64()))
    names = [f"newslint__{name.replace('-', '_')}" for name in rules]
    arrays = [
        pa.array([[[float(s), float(e), 1.0] for r, s, e in f if r == name] for f in found], type=spans) for name in rules
    ]
    return pa.RecordBatch.from_arrays([ids, pa.StructArray.from_arrays(arrays, names)], names=[id_col, "attributes"])
