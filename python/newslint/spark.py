"""newslint in PySpark: ``mapInArrow`` over the records, one linter per Python worker.

    from pyspark.sql import SparkSession
    import newslint.spark
    spark = SparkSession.builder.getOrCreate()
    df = spark.read.json("corpus/*.jsonl")             # records with "id" and "text"
    faults = newslint.spark.lint(df)                    # a row a fault
    faults.write.parquet("faults/")
    copies = newslint.spark.duplicates(df, order_col="n")   # copies across records

Rows hold the record id (its column name and type), then ``newslint.DIAGNOSTIC_COLUMNS``;
``start`` and ``end`` count code points.
"""

from __future__ import annotations

from typing import Any, Optional

from . import duplicates as _dup
from ._engine import diagnostic_rows

__all__ = ["lint", "schema", "duplicates"]


def schema(id_type, id_col: str = "id"):
    """The Spark schema of diagnostic rows, for an id column of ``id_type``."""
    from pyspark.sql import types as T

    text, long, integer = T.StringType(), T.LongType(), T.IntegerType()
    fields = [
        (id_col, id_type),
        ("rule", text),
        ("severity", text),
        ("message", text),
        ("start", long),
        ("end", long),
        ("start_byte", long),
        ("end_byte", long),
        ("line", integer),
        ("column", integer),
    ]
    return T.StructType([T.StructField(name, kind) for name, kind in fields])


def lint(df, id_col: str = "id", text_col: str = "text", config: Any = None, threads: int = 1):
    """A DataFrame of the faults of ``df``'s records, a row a fault."""
    out = schema(df.schema[id_col].dataType, id_col)

    def run(batches):
        for batch in batches:
            yield diagnostic_rows(batch, id_col, text_col, config, threads)

    return df.select(id_col, text_col).mapInArrow(run, out)


def _grouped(step):
    """A group function with the type hints ``applyInArrow`` reads its kind from."""
    import pyarrow as pa

    def run(table: pa.Table) -> pa.Table:
        return step(table)

    run.__annotations__ = {"table": pa.Table, "return": pa.Table}
    return run


def _spark_schema(fields, id_type):
    from pyspark.sql import types as T

    kinds = {"int": T.LongType(), "bool": T.BooleanType(), "ints": T.ArrayType(T.LongType()), "id": id_type}
    return T.StructType([T.StructField(name, kinds[kind]) for name, kind in fields])


def duplicates(
    df,
    id_col: str = "id",
    text_col: str = "text",
    order_col: Optional[str] = None,
    config: Any = None,
    cap: int = _dup.DEFAULT_CAP,
):
    """Paragraphs that copy a paragraph of an earlier record (by ``order_col``, else by id),
    a row a run of copied paragraphs: what ``--records --duplicates corpus`` reports across
    records, by the stages of ``newslint.duplicates``. Columns: ``_dup.DUPLICATE_FIELDS``,
    the ids under ``id_col`` and ``origin_<id_col>``."""
    import pyarrow as pa

    id_type = df.schema[id_col].dataType
    columns = [id_col, text_col] + ([order_col] if order_col else [])

    def paragraphs(batches):
        for batch in batches:
            yield from _dup.paragraph_rows(batch, id_col, text_col, order_col, config).to_batches()

    def buckets(batches):
        for batch in batches:
            yield from _dup.bucket_rows(pa.Table.from_batches([batch])).to_batches()

    found = (
        df.select(*columns)
        .mapInArrow(paragraphs, _spark_schema(_dup.PARAGRAPH_FIELDS, id_type))
        .mapInArrow(buckets, _spark_schema(_dup.BUCKET_FIELDS, id_type))
        .groupBy("kind", "key")
        .applyInArrow(_grouped(lambda t: _dup.bucket_votes(t, cap)), _spark_schema(_dup.VOTE_FIELDS, id_type))
        .groupBy("order", "id", "paragraph")
        .applyInArrow(_grouped(_dup.resolve), _spark_schema(_dup.COPY_FIELDS, id_type))
        .groupBy("order", "id")
        .applyInArrow(_grouped(_dup.merge_runs), _spark_schema(_dup.DUPLICATE_FIELDS, id_type))
    )
    if id_col != "id":
        found = found.withColumnRenamed("id", id_col).withColumnRenamed("origin_id", f"origin_{id_col}")
    return found
