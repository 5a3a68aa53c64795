"""Scenarios of the editor issue, played with each client's own capabilities."""

from __future__ import annotations

import asyncio
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import REPO, server_command

TEXT = "😀新闻,测试\n第二行𠮷字,x\n"
#: The two commas' LSP characters (units before them on their line), by the encoding the
#: client and server agree on.
COLUMNS = {"utf-16": [4, 6], "utf-8": [10, 16]}


@pytest_lsp.fixture(
    params=["neovim@v0.10.0", "neovim@v0.11.0", "visual_studio_code@v1.65.2"],
    config=ClientServerConfig(server_command=server_command()),
)
async def client(request, lsp_client: LanguageClient):
    capabilities = client_capabilities(request.param)
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    yield
    await lsp_client.shutdown_session()


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
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 10)
    return list(client.diagnostics[uri])


def key(d: types.Diagnostic) -> tuple:
    return (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)


@pytest.mark.asyncio
async def test_positions_are_in_the_negotiated_encoding(client: LanguageClient):
    uri = "file:///tmp/encoding.txt"
    open_document(client, uri, TEXT)
    found = await diagnostics_of(client, uri)
    commas = [d.range.start.character for d in found if d.code == "halfwidth-punctuation"]
    assert client.encoding in COLUMNS
    assert commas == COLUMNS[client.encoding], (client.encoding, found)
    assert [d.range.start.line for d in found if d.code == "halfwidth-punctuation"] == [0, 1]


@pytest.mark.asyncio
async def test_quick_edits_end_where_a_fresh_open_does(client: LanguageClient):
    # 200 insertions at the end, some after characters beyond the BMP.
    pieces = [("𠮷," if k % 7 == 0 else "好,") + ("\n" if k % 20 == 19 else "") for k in range(200)]
    text = "".join(pieces)
    fresh_uri = "file:///tmp/fresh.txt"
    open_document(client, fresh_uri, text)
    fresh = sorted(map(key, await diagnostics_of(client, fresh_uri)))
    assert len(fresh) >= 150
    uri = "file:///tmp/edited.txt"
    open_document(client, uri, "")
    written = ""
    # Sent without waiting for any answer.
    for k, piece in enumerate(pieces):
        last_line = written.split("\n")[-1]
        units = sum(_units(c, client.encoding) for c in last_line)
        position = types.Position(line=written.count("\n"), character=units)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=k + 2),
                content_changes=[
                    types.TextDocumentContentChangePartial(range=types.Range(start=position, end=position), text=piece)
                ],
            )
        )
        written += piece
    if pulls(client):
        assert sorted(map(key, await diagnostics_of(client, uri))) == fresh
        return
    # Pushed: the last push, once the burst is linted, is the fresh open's.
    for _ in range(50):
        if sorted(map(key, client.diagnostics.get(uri, []))) == fresh:
            break
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 10)
    assert sorted(map(key, client.diagnostics[uri])) == fresh


def _units(c: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(c.encode("utf-8"))
    if encoding == "utf-16":
        return 2 if ord(c) > 0xFFFF else 1
    return 1


def test_the_cli_agrees_on_the_sample(tmp_path):
    path = tmp_path / "encoding.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = subprocess.run(
        [server_command()[0], "check", "--isolated", "--format", "concise", str(path)], capture_output=True, text=True
    )
    assert [line.split(":")[1:3] for line in out.stdout.splitlines()] == [["1", "4"], ["2", "6"]]
    assert REPO.is_dir()
