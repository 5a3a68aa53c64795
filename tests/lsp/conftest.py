"""The language server under real clients' capabilities (pytest-lsp's snapshots of Neovim and
VS Code), over stdio, with the release binary."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Union

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

REPO = Path(__file__).resolve().parents[2]


def server_command() -> list[str]:
    binary = Path(os.environ.get("NEWSLINT_BIN", REPO / "target" / "release" / "newslint"))
    if not binary.exists():
        pytest.fail(f"{binary} is missing: build it with `cargo build --release` (or set NEWSLINT_BIN)")
    return [str(binary), "server"]


def open_document(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=version, text=text)
        )
    )


def pulls(client: LanguageClient) -> bool:
    return bool(client.capabilities.text_document and client.capabilities.text_document.diagnostic)


async def diagnostics_of(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The client's diagnostics for `uri`: pulled if the client pulls, else the first push."""
    if pulls(client):
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        return list(report.items)
    while uri not in client.diagnostics:
        if not await next_push(client, 10):
            raise AssertionError(f"nothing published for {uri} in 10 s")
    return list(client.diagnostics[uri])


async def next_push(client: LanguageClient, timeout: float) -> bool:
    """Whether a publishDiagnostics came within `timeout` seconds.

    The wait is shielded: pytest-lsp keeps the future it hands out until the next notification
    and sets its result then; had the time-out cancelled it, setting it would raise before the
    client's own handler ran, and that notification's diagnostics would be lost to the test."""
    waiting = asyncio.wrap_future(client.protocol.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))
    try:
        await asyncio.wait_for(asyncio.shield(waiting), timeout)
        return True
    except asyncio.TimeoutError:
        return False


def key(d: types.Diagnostic) -> tuple:
    return (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)


def units(c: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(c.encode("utf-8"))
    if encoding == "utf-16":
        return 2 if ord(c) > 0xFFFF else 1
    return 1


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """`text` with `edits` applied, as a client applies them (positions in `encoding`)."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        start = sum(len(line) + 1 for line in lines[: position.line])
        counted = 0
        for k, c in enumerate(lines[position.line] if position.line < len(lines) else ""):
            if counted >= position.character:
                return start + k
            counted += units(c, encoding)
        return start + len(lines[position.line]) if position.line < len(lines) else len(text)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text




def read_code_actions_as_editors_do(client: LanguageClient) -> None:
    """Makes the client tell a Command from a CodeAction as VS Code, Neovim and Emacs do, by
    the type of `command` (a string in a Command, an object in a CodeAction): lsprotocol
    reads any item with a `command` as a Command, and so loses a CodeAction's edit."""
    converter = client.protocol._converter

    def hook(item, _):
        if isinstance(item.get("command"), str):
            return converter.structure(item, types.Command)
        return converter.structure(item, types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], hook)


def columns(text: str, indices: list[int], encoding: str) -> list[int]:
    """The LSP characters of `indices` (code points into one line of `text`) in `encoding`."""
    return [sum(units(c, encoding) for c in text[:i]) for i in indices]
