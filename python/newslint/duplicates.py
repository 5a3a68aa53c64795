"""Copies across records as engine stages: what ``newslint check --records --duplicates
corpus`` finds on one machine, as group-bys an engine's shuffle can spread.

1. ``paragraph_rows``: each record's paragraphs, fingerprinted as the CLI does (an exact hash
   and, for prose, one key per MinHash band), with the record's place in the corpus order.
2. ``bucket_rows``: a row per paragraph and bucket (its exact hash; each band key).
3. ``bucket_votes``, grouped by bucket: every member points at the bucket's first member (the
   star's centre) when that one stands in another record. The CLI's index keeps exactly that
   first member per key. A bucket larger than ``cap`` members is cut to its first ``cap``.
4. ``resolve``, grouped by paragraph: an exact match wins; else the earliest paragraph that
   ``MIN_SHARED_BANDS`` bands or more point at, the most first.
5. ``merge_runs``, grouped by record: paragraphs its own text already reports are left out,
   and a run of paragraphs copying a run of one earlier record, in order, is one row.

The functions take and return ``pyarrow.Table`` s; ``newslint.spark.duplicates`` and
``newslint.ray.duplicates`` chain them. Records are ordered by ``order_col`` (the CLI's order
is the file's line order), else by id.
"""

from __future__ import annotations

from typing import Any, Optional

from . import _newslint
from ._engine import linter_for, texts_of

__all__ = [
    "paragraph_rows",
    "bucket_rows",
    "bucket_votes",
    "resolve",
    "merge_runs",
    "PARAGRAPH_FIELDS",
    "VOTE_FIELDS",
    "COPY_FIELDS",
    "DUPLICATE_FIELDS",
]

#: A bucket with more members is cut to its first members (a hot key costs no more).
DEFAULT_CAP = 100_000

_POSITIONS = ["start", "end", "start_byte", "end_byte", "start_line", "end_line"]

#: (name, kind) of each table's columns; kind "id" is the record id's own type.
PARAGRAPH_FIELDS = [("order", "int"), ("id", "id"), ("paragraph", "int"), ("exact", "int"), ("prose", "bool"),
                    ("bands", "ints"), *[(p, "int") for p in _POSITIONS], ("reported", "bool")]
BUCKET_FIELDS = [("kind", "int"), ("key", "int"), ("order", "int"), ("id", "id"), ("paragraph", "int"),
                 *[(p, "int") for p in _POSITIONS], ("reported", "bool")]
VOTE_FIELDS = [("order", "int"), ("id", "id"), ("paragraph", "int"), *[(p, "int") for p in _POSITIONS],
               ("reported", "bool"), ("kind", "int"), ("origin_order", "int"), ("origin_id", "id"),
               ("origin_paragraph", "int"), ("origin_start_line", "int"), ("origin_end_line", "int")]
COPY_FIELDS = [*VOTE_FIELDS[:-6], ("identical", "bool"), *VOTE_FIELDS[-5:]]
DUPLICATE_FIELDS = [("id", "id"), ("start", "int"), ("end", "int"), ("start_byte", "int"), ("end_byte", "int"),
                    ("start_line", "int"), ("end_line", "int"), ("paragraphs", "int"), ("identical", "bool"),
                    ("origin_id", "id"), ("origin_start_line", "int"), ("origin_end_line", "int")]


def arrow_schema(fields, id_type):
    import pyarrow as pa

    kinds = {"int": pa.int64(), "bool": pa.bool_(), "ints": pa.list_(pa.int64()), "id": id_type}
    return pa.schema([(name, kinds[kind]) for name, kind in fields])


def _table(rows: list[dict], fields, id_type):
    import pyarrow as pa

    schema = arrow_schema(fields, id_type)
    return pa.Table.from_pylist(rows, schema=schema)


def _signed(value: int) -> int:
    """A 64-bit hash as a signed integer (engines have no unsigned 64-bit type)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def paragraph_rows(batch, id_col: str, text_col: str, order_col: Optional[str], config: Any):
    """A row a compared paragraph of each record of ``batch``: its fingerprint and span."""
    linter = linter_for(config)
    texts = texts_of(batch, id_col, text_col)
    ids = batch.column(id_col)
    orders = batch.column(order_col).to_pylist() if order_col else None
    c = linter._linter.paragraph_columns(texts)
    bands = _newslint.BANDS
    rows = []
    for k, i in enumerate(c["index"]):
        rows.append(
            {
                "order": orders[i] if orders is not None else 0,
                "id": ids[i].as_py(),
                "paragraph": c["paragraph"][k],
                "exact": _signed(c["exact"][k]),
                "prose": c["prose"][k],
                "bands": c["bands"][k * bands : (k + 1) * bands],
                **{p: c[p][k] for p in _POSITIONS},
                "reported": c["reported"][k],
            }
        )
    return _table(rows, PARAGRAPH_FIELDS, ids.type)


def bucket_rows(paragraphs):
    """A row per paragraph and bucket: kind -1 is the exact hash, 0… the bands (prose only)."""
    rows = []
    for p in paragraphs.to_pylist():
        member = {k: p[k] for k in ("order", "id", "paragraph", *_POSITIONS, "reported")}
        rows.append({"kind": -1, "key": p["exact"], **member})
        if p["prose"]:
            rows.extend({"kind": b, "key": key, **member} for b, key in enumerate(p["bands"]))
    return _table(rows, BUCKET_FIELDS, paragraphs.schema.field("id").type)


def _place(row: dict) -> tuple:
    """A paragraph's place in the corpus: record order, then id, then paragraph."""
    return (row["order"], row["id"], row["paragraph"])


def bucket_votes(bucket, cap: int = DEFAULT_CAP):
    """The members of one bucket that point at its first member, in another record."""
    members = sorted(bucket.to_pylist(), key=_place)[:cap]
    votes = []
    if members:
        first = members[0]
        for m in members[1:]:
            if m["id"] != first["id"]:
                votes.append(
                    {
                        **{k: m[k] for k in ("order", "id", "paragraph", *_POSITIONS, "reported", "kind")},
                        "origin_order": first["order"],
                        "origin_id": first["id"],
                        "origin_paragraph": first["paragraph"],
                        "origin_start_line": first["start_line"],
                        "origin_end_line": first["end_line"],
                    }
                )
    return _table(votes, VOTE_FIELDS, bucket.schema.field("id").type)


def resolve(votes, min_shared: int = _newslint.MIN_SHARED_BANDS):
    """One paragraph's votes: the paragraph it copies, if any (at most one row)."""
    rows = votes.to_pylist()
    out = []
    exact = [v for v in rows if v["kind"] == -1]
    origin_key = lambda v: (v["origin_order"], v["origin_id"], v["origin_paragraph"])  # noqa: E731
    if exact:
        pick, identical = exact[0], True
    else:
        counts: dict[tuple, list] = {}
        for v in rows:
            counts.setdefault(origin_key(v), []).append(v)
        best = [(len(vs), k) for k, vs in counts.items() if len(vs) >= min_shared]
        if not best:
            return _table([], COPY_FIELDS, votes.schema.field("id").type)
        most = max(n for n, _ in best)
        key = min(k for n, k in best if n == most)
        pick, identical = counts[key][0], False
    row = {k: pick[k] for k, _ in COPY_FIELDS if k != "identical"}
    out.append({**row, "identical": identical})
    return _table(out, COPY_FIELDS, votes.schema.field("id").type)


def merge_runs(copies):
    """One record's copied paragraphs as diagnostics: runs merged, own reports left out."""
    rows = sorted((c for c in copies.to_pylist() if not c["reported"]), key=lambda c: c["paragraph"])
    out = []
    k = 0
    while k < len(rows):
        first = last = rows[k]
        identical = first["identical"]
        count = 1
        while k + count < len(rows):
            nxt = rows[k + count]
            if (
                nxt["paragraph"] == last["paragraph"] + 1
                and nxt["origin_id"] == first["origin_id"]
                and (nxt["origin_order"], nxt["origin_paragraph"]) > (last["origin_order"], last["origin_paragraph"])
            ):
                last = nxt
                identical = identical and nxt["identical"]
                count += 1
            else:
                break
        out.append(
            {
                "id": first["id"],
                "start": first["start"],
                "end": last["end"],
                "start_byte": first["start_byte"],
                "end_byte": last["end_byte"],
                "start_line": first["start_line"],
                "end_line": last["end_line"],
                "paragraphs": count,
                "identical": identical,
                "origin_id": first["origin_id"],
                "origin_start_line": first["origin_start_line"],
                "origin_end_line": last["origin_end_line"],
            }
        )
        k += count
    return _table(out, DUPLICATE_FIELDS, copies.schema.field("id").type)
