"""newslint in PySpark: ``mapInArrow`` over the records, one linter per Python worker.

    from pyspark.sql import SparkSession
    import newslint.spark
    spark = SparkSession.builder.getOrCreate()
    df = spark.read.json("corpus/*.jsonl")             # records with "id" and "text"
    faults = newslint.spark.lint(df)                    # a row a fault
    faults.write.parquet("faults/")

Rows hold the record id (its column name and type), then ``newslint.DIAGNOSTIC_COLUMNS``;
``start`` and ``end`` count code points.
"""

from __future__ import annotations

from typing import Any

from ._engine import diagnostic_rows

__all__ = ["lint", "schema"]


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
