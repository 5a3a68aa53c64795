"""newslint as Ray Data stages: ``map_batches`` over Arrow batches, one linter per worker.

    import ray, newslint.ray
    ds = ray.data.read_json("corpus/")          # records with "id" and "text"
    faults = newslint.ray.lint(ds)               # a row a fault
    counts = newslint.ray.summary(ds)            # a row a record: faults per rule
    spans = newslint.ray.attributes(ds)          # dolma-style attributes, row for row
    copies = newslint.ray.duplicates(ds, order_col="n")   # copies across records

Rows of ``lint`` hold the record id (under its own column name), then
``newslint.DIAGNOSTIC_COLUMNS``; ``start`` and ``end`` count code points.
"""

from __future__ import annotations

from typing import Any, Optional

from . import duplicates as _dup
from ._engine import diagnostic_rows, per_record

__all__ = ["lint", "summary", "attributes", "duplicates"]


class _Stage:
    """A picklable batch function: the configuration travels, the linter is built there."""

    def __init__(self, kind: str, id_col: str, text_col: str, config: Any, threads: int):
        self.kind, self.id_col, self.text_col, self.config, self.threads = kind, id_col, text_col, config, threads

    def __call__(self, table):
        import pyarrow as pa

        batch = _batch(table, [self.id_col, self.text_col])
        if self.kind == "lint":
            out = diagnostic_rows(batch, self.id_col, self.text_col, self.config, self.threads)
        else:
            out = per_record(self.kind, batch, self.id_col, self.text_col, self.config, self.threads)
        return pa.Table.from_batches([out])


def lint(ds, id_col: str = "id", text_col: str = "text", config: Any = None, threads: int = 1):
    """A dataset of the faults of ``ds``'s records, a row a fault."""
    return ds.map_batches(_Stage("lint", id_col, text_col, config, threads), batch_format="pyarrow")


def summary(ds, id_col: str = "id", text_col: str = "text", config: Any = None, threads: int = 1):
    """A row a record: its id, ``faults`` and a count per selected rule."""
    return ds.map_batches(_Stage("summary", id_col, text_col, config, threads), batch_format="pyarrow")


def attributes(ds, id_col: str = "id", text_col: str = "text", config: Any = None, threads: int = 1):
    """dolma-style attributes, a row a record in the dataset's order: the id and
    ``attributes``, a list of ``[start, end, 1.0]`` spans (code points) per selected rule,
    named ``newslint__<rule>``."""
    return ds.map_batches(_Stage("attributes", id_col, text_col, config, threads), batch_format="pyarrow")


def _batch(table, columns):
    import pyarrow as pa

    return pa.RecordBatch.from_pydict({name: table.column(name).combine_chunks() for name in columns})


def duplicates(
    ds,
    id_col: str = "id",
    text_col: str = "text",
    order_col: Optional[str] = None,
    config: Any = None,
    cap: int = _dup.DEFAULT_CAP,
):
    """``newslint.spark.duplicates`` for a Ray dataset: the same stages, the same rows."""
    columns = [id_col, text_col] + ([order_col] if order_col else [])
    found = (
        ds.map_batches(
            lambda t: _dup.paragraph_rows(_batch(t, columns), id_col, text_col, order_col, config),
            batch_format="pyarrow",
        )
        .map_batches(_dup.bucket_rows, batch_format="pyarrow")
        .groupby(["kind", "key"])
        .map_groups(lambda t: _dup.bucket_votes(t, cap), batch_format="pyarrow")
        .groupby(["order", "id", "paragraph"])
        .map_groups(_dup.resolve, batch_format="pyarrow")
        .groupby(["order", "id"])
        .map_groups(_dup.merge_runs, batch_format="pyarrow")
    )
    if id_col != "id":
        found = found.rename_columns({"id": id_col, "origin_id": f"origin_{id_col}"})
    return found
