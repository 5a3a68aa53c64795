"""The language server under real clients' capabilities (pytest-lsp's snapshots of Neovim and
VS Code), over stdio, with the release binary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def server_command() -> list[str]:
    binary = Path(os.environ.get("NEWSLINT_BIN", REPO / "target" / "release" / "newslint"))
    if not binary.exists():
        pytest.fail(f"{binary} is missing: build it with `cargo build --release` (or set NEWSLINT_BIN)")
    return [str(binary), "server"]
