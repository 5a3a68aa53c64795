"""newslint: finds what transcription did to Chinese news text.

The same linter as the ``newslint`` command line and its language server, in process::

    import newslint
    linter = newslint.Linter()                      # the default rules
    linter = newslint.Linter("newslint.toml")       # a configuration file
    linter = newslint.Linter({"select": ["ALL"]})   # the same keys, as a dict
    linter.lint("他说:今天天气很好。")                  # list of dicts, as `--format json`
    linter.lint_batch(["a", "b"], [text_a, text_b])  # a pyarrow.RecordBatch, a row a fault
    linter.fix(text)                                 # the text with its safe fixes

Offsets: ``start``/``end`` of a row of ``lint_batch`` count code points, so that
``text[start:end]`` is the flagged text; ``start_byte``/``end_byte`` count UTF-8 bytes.
Spark and Ray adapters are in ``newslint.spark`` and ``newslint.ray``.
"""

from __future__ import annotations

import json
import os
from typing import Any, Mapping, Optional, Sequence, Union

from . import _newslint

__all__ = ["Linter", "rules", "DIAGNOSTIC_COLUMNS", "__version__"]
__version__ = _newslint.__version__

#: The columns of a diagnostic row, after the record id column (whose name is the caller's).
DIAGNOSTIC_COLUMNS = ("rule", "severity", "message", "start", "end", "start_byte", "end_byte", "line", "column")

Config = Union[None, str, "os.PathLike[str]", Mapping[str, Any]]


class Linter:
    """A set of rules with their options, built once and safe to share between threads.

    ``config`` is ``None`` (the default rules), the path of a ``newslint.toml``, or a dict
    with the keys of that file (``select``, ``ignore``, ``severity``, ``rules`` …). An unknown
    key, rule or option raises ``ValueError`` naming it.
    """

    def __init__(self, config: Config = None) -> None:
        if config is None:
            self._linter = _newslint._Linter()
        elif isinstance(config, Mapping):
            self._linter = _newslint._Linter(config_json=json.dumps(dict(config)))
        elif isinstance(config, (str, os.PathLike)):
            self._linter = _newslint._Linter(path=os.fspath(config))
        else:
            raise TypeError(f"config must be None, a path or a dict, not {type(config).__name__}")

    @property
    def selected(self) -> list[str]:
        """The names of the rules this linter runs."""
        return self._linter.selected()

    def lint(self, text: str, path: Optional[str] = None) -> list[dict[str, Any]]:
        """The faults of ``text``, with the fields of ``newslint check --format json``.

        ``start`` and ``end`` hold ``line``, ``column`` (characters), ``offset`` (UTF-8
        bytes) and ``char`` (code points). ``path`` names the text for ``per-file-ignores``.
        """
        _check_text(text)
        return json.loads(self._linter.lint_json(text, path))

    def lint_batch(
        self,
        ids: Sequence[Any],
        texts: Sequence[str],
        id_name: str = "id",
        threads: int = 1,
    ):
        """The faults of many texts as one ``pyarrow.RecordBatch``, a row a fault, sorted by
        text then position: the id (column ``id_name``, of the ids' own type), then
        ``DIAGNOSTIC_COLUMNS``. The GIL is released while the texts are linted, on
        ``threads`` threads (0: every core)."""
        import pyarrow as pa

        if len(ids) != len(texts):
            raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
        texts = list(texts)
        for text in texts:
            _check_text(text)
        index, *columns = self._linter.lint_columns(texts, threads)
        id_array = pa.array(list(ids)) if not isinstance(ids, (pa.Array, pa.ChunkedArray)) else ids
        types = (pa.string(), pa.string(), pa.string(), pa.int64(), pa.int64(), pa.int64(), pa.int64(), pa.int32(), pa.int32())
        arrays = [id_array.take(pa.array(index, type=pa.int64()))]
        arrays += [pa.array(column, type=t) for column, t in zip(columns, types)]
        if isinstance(arrays[0], pa.ChunkedArray):
            arrays[0] = arrays[0].combine_chunks()
        return pa.RecordBatch.from_arrays(arrays, names=[id_name, *DIAGNOSTIC_COLUMNS])

    def fix(self, text: str, unsafe_fixes: bool = False) -> str:
        """``text`` with its safe fixes applied (and the unsafe ones with ``unsafe_fixes``),
        linted and fixed again until nothing is left to fix."""
        _check_text(text)
        return self._linter.fix(text, unsafe_fixes)


def rules() -> list[dict[str, Any]]:
    """Every rule: name, category, whether it is on by default, severity, fix, summary."""
    return json.loads(_newslint.rules_json())


def _check_text(text: Any) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
