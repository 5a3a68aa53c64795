"""Spark local[2] and Ray local give exactly the CLI's `--records` findings on the same file."""

from __future__ import annotations

import json
import os
import sys

import pytest

import newslint

from conftest import engine_rows, seed_records


@pytest.fixture(scope="module")
def spark():
    pyspark = pytest.importorskip("pyspark", reason="pyspark is installed by .ci/run")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newslint-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    assert pyspark
    yield session
    session.stop()


@pytest.fixture(scope="module")
def ray_local():
    ray = pytest.importorskip("ray", reason="ray is installed by .ci/run")
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_spark_gives_the_cli_findings(spark, records_file, cli_rows):
    import newslint.spark

    df = spark.read.json(str(records_file)).repartition(3)
    rows = [r.asDict() for r in newslint.spark.lint(df).collect()]
    assert engine_rows(rows) == cli_rows


def test_ray_gives_the_cli_findings_and_per_record_figures(ray_local, records_file, cli_rows):
    import ray.data

    import newslint.ray

    ds = ray.data.read_json(str(records_file)).repartition(3)
    rows = newslint.ray.lint(ds).take_all()
    assert engine_rows(rows) == cli_rows
    counts = {r["id"]: r for r in newslint.ray.summary(ds).take_all()}
    assert len(counts) == len(seed_records())
    expected = {}
    for row in cli_rows:
        expected[row[0]] = expected.get(row[0], 0) + 1
    assert {k: v["faults"] for k, v in counts.items() if v["faults"]} == expected
    spans = {r["id"]: r["attributes"] for r in newslint.ray.attributes(ds).take_all()}
    planted = spans["planted-007"]["newslint__halfwidth_punctuation"]
    assert [s[:2] for s in planted] == [[r[4], r[5]] for r in cli_rows if r[0] == "planted-007" and r[1] == "halfwidth-punctuation"]
    assert all(s[2] == 1.0 for s in planted)
    assert json.dumps(spans["planted-007"])


def _copies(rows) -> list[tuple]:
    return sorted((r["id"], r["start"], r["end"], r["origin_id"]) for r in rows)


def test_spark_finds_the_copies_the_cli_finds(spark, copies_file, cli_copies):
    import newslint.spark

    df = spark.read.json(str(copies_file)).repartition(3)
    rows = [r.asDict() for r in newslint.spark.duplicates(df, order_col="n").collect()]
    assert _copies(rows) == cli_copies
    by_id = {r["id"]: r for r in rows}
    assert by_id["copy-exact"]["identical"] and not by_id["copy-near"]["identical"]
    assert by_id["copy-run"]["paragraphs"] == 2


def test_ray_finds_the_copies_the_cli_finds(ray_local, copies_file, cli_copies):
    import ray.data

    import newslint.ray

    ds = ray.data.read_json(str(copies_file)).repartition(3)
    assert _copies(newslint.ray.duplicates(ds, order_col="n").take_all()) == cli_copies
