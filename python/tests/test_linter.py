"""The package over the core: fields, offsets, batches, fixes, configuration, bad input."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

import newslint

from conftest import REPO, engine_rows, seed_records


def test_lint_gives_the_json_fields_with_offsets_in_bytes_and_code_points():
    text = "第一段。\n\n他说:今天天气很好,大家都出门了。"
    found = newslint.Linter().lint(text)
    assert [d["rule"] for d in found] == ["halfwidth-punctuation", "halfwidth-punctuation"]
    for d in found:
        assert set(d) >= {"path", "rule", "severity", "message", "start", "end", "related", "help", "fix"}
        start, end = d["start"], d["end"]
        assert text[start["char"] : end["char"]] == text.encode()[start["offset"] : end["offset"]].decode()
    assert found[0]["start"]["line"] == 3 and found[0]["start"]["column"] == 3
    assert found[0]["fix"]["applicability"] == "safe"


def test_lint_batch_is_one_row_a_fault_and_matches_lint():
    linter = newslint.Linter()
    records = seed_records()[:80]
    ids = [r["id"] for r in records]
    texts = [r["text"] for r in records]
    batch = linter.lint_batch(ids, texts)
    assert isinstance(batch, pa.RecordBatch)
    assert batch.schema.names == ["id", *newslint.DIAGNOSTIC_COLUMNS]
    assert batch.num_rows > 20
    expected = []
    for record in records:
        for d in linter.lint(record["text"]):
            expected.append(
                {
                    "id": record["id"],
                    "rule": d["rule"],
                    "severity": d["severity"],
                    "message": d["message"],
                    "start": d["start"]["char"],
                    "end": d["end"]["char"],
                    "start_byte": d["start"]["offset"],
                    "end_byte": d["end"]["offset"],
                }
            )
    assert engine_rows(batch.to_pylist()) == engine_rows(expected)
    # The same rows on every core; integer ids keep their type.
    assert linter.lint_batch(ids, texts, threads=0).to_pylist() == batch.to_pylist()
    numbered = linter.lint_batch(list(range(len(texts))), texts, id_name="doc")
    assert numbered.schema.field("doc").type == pa.int64()
    assert linter.lint_batch([], []).num_rows == 0


def test_fix_applies_the_safe_fixes_and_unsafe_ones_when_asked():
    linter = newslint.Linter()
    assert linter.fix("他说:今天天气很好,大家都出门了。") == "他说：今天天气很好，大家都出门了。"
    text = "会议强调,要坚持and发展。"
    assert "and" in linter.fix(text)
    assert "and" not in linter.fix(text, unsafe_fixes=True)
    clean = "这是一段干净的话。"
    assert linter.fix(clean) == clean


def test_configuration_from_a_dict_or_a_file(tmp_path):
    only = newslint.Linter({"select": ["halfwidth-punctuation"]})
    assert only.selected == ["halfwidth-punctuation"]
    assert {d["rule"] for d in only.lint("他说:好。。")} == {"halfwidth-punctuation"}
    strict = newslint.Linter({"select": ["halfwidth-punctuation"], "severity": {"halfwidth-punctuation": "error"}})
    assert strict.lint("他说:好。")[0]["severity"] == "error"
    config = tmp_path / "newslint.toml"
    config.write_text('select = ["whitespace"]\n', encoding="utf-8")
    assert newslint.Linter(config).selected == ["whitespace"]
    assert newslint.Linter(str(config)).selected == ["whitespace"]


def test_bad_input_raises_clear_exceptions(tmp_path):
    with pytest.raises(ValueError, match="unknown rule or category `no-such-rule`"):
        newslint.Linter({"select": ["no-such-rule"]})
    with pytest.raises(ValueError, match="unknown"):
        newslint.Linter({"no-such-key": 1})
    with pytest.raises(ValueError, match="cannot read"):
        newslint.Linter(tmp_path / "missing.toml")
    with pytest.raises(TypeError, match="config must be"):
        newslint.Linter(42)
    linter = newslint.Linter()
    with pytest.raises(TypeError, match="text must be str, not int"):
        linter.lint(5)
    with pytest.raises(TypeError, match="text must be str, not NoneType"):
        linter.lint_batch(["a"], [None])
    with pytest.raises(ValueError, match="1 ids for 2 texts"):
        linter.lint_batch(["a"], ["x", "y"])


def test_rules_lists_every_rule():
    listed = newslint.rules()
    names = [r["name"] for r in listed]
    assert "split-paragraph" in names and "halfwidth-punctuation" in names
    assert len(names) == len(set(names)) >= 18
    assert json.loads(json.dumps(listed)) == listed


def test_an_empty_and_a_huge_text_are_ordinary_input():
    linter = newslint.Linter()
    assert linter.lint("") == []
    big = ("今天天气很好,大家都出门了。\n\n" * 20_000)
    assert len(linter.lint_batch(["big"], [big])) >= 20_000
    assert (REPO / "seeds").is_dir()


def test_the_planted_copies_are_what_the_cli_reports(cli_copies):
    planted = sorted(row[0] for row in cli_copies if row[0].startswith("copy-"))
    # Exact, near, a run of two as one, and the first of the twice-written paragraph; the
    # second is the record's own business. (Seed 003 holds a real near copy besides.)
    assert planted == ["copy-exact", "copy-near", "copy-run", "copy-twice"], cli_copies
