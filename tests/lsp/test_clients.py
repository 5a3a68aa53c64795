"""Scenarios of the editor issue, played with each client's own capabilities."""

from __future__ import annotations

import asyncio
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import REPO, apply_edits, diagnostics_of, key, next_push, open_document, pulls, server_command, units

TEXT = "😀新闻,测试\n第二行𠮷字,x\n"
#: The two commas' LSP characters (units before them on their line), by the encoding the
#: client and server agree on.
COLUMNS = {"utf-16": [4, 6], "utf-8": [10, 16]}


@pytest_lsp.fixture(
    params=["neovim@v0.10.0", "neovim@v0.11.0", "visual_studio_code@v1.65.2"],
    config=ClientServerConfig(server_command=server_command()),
)
async def client(request, lsp_client: LanguageClient):
    # What every real client answers (pytest-lsp answers workspace/configuration itself): the
    # server asks it to watch the configuration files.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params):
        return None

    capabilities = client_capabilities(request.param)
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
@pytest.mark.parametrize("name, newline", [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")])
async def test_positions_are_in_the_negotiated_encoding(client: LanguageClient, name: str, newline: str):
    uri = f"file:///tmp/encoding-{name}.txt"
    open_document(client, uri, TEXT.replace("\n", newline))
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
        column = sum(units(c, client.encoding) for c in last_line)
        position = types.Position(line=written.count("\n"), character=column)
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
        assert await next_push(client, 10), "no push in 10 s"
    assert sorted(map(key, client.diagnostics[uri])) == fresh


def test_the_cli_agrees_on_the_sample(tmp_path):
    path = tmp_path / "encoding.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = subprocess.run(
        [server_command()[0], "check", "--isolated", "--format", "concise", str(path)], capture_output=True, text=True
    )
    assert [line.split(":")[1:3] for line in out.stdout.splitlines()] == [["1", "4"], ["2", "6"]]
    assert REPO.is_dir()


@pytest.mark.asyncio
async def test_fix_all_gives_what_check_fix_gives(client: LanguageClient, tmp_path):
    text = "他说,好。今天\u200b天气 很好。\n𠮷字\u00a0在这里。  \n"
    path = tmp_path / "fix.txt"
    uri = path.as_uri()
    open_document(client, uri, text)
    await diagnostics_of(client, uri)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    (fix_all,) = [a for a in actions if a.kind == "source.fixAll.newslint"]
    (change,) = fix_all.edit.document_changes
    fixed = apply_edits(text, list(change.edits), client.encoding)
    path.write_text(text, encoding="utf-8")
    subprocess.run([server_command()[0], "check", "--fix", str(path)], cwd=tmp_path, capture_output=True)
    assert fixed == path.read_text(encoding="utf-8")
    assert fixed != text


@pytest.mark.asyncio
async def test_a_five_megabyte_document_answers_within_two_seconds(client: LanguageClient):
    # Five MB of sentences, each with an ASCII comma: far more faults than the cap.
    sentence = "今年以来,全市经济社会发展取得新成效。\n"
    text = sentence * (5 * 1024 * 1024 // len(sentence.encode("utf-8")))
    uri = "file:///tmp/five-megabytes.txt"
    loop = asyncio.get_running_loop()
    started = loop.time()
    open_document(client, uri, text)
    found = await diagnostics_of(client, uri)
    elapsed = loop.time() - started
    assert len(found) == 1000
    assert elapsed < 2.0, elapsed
    # A hover while nothing else runs is answered at once.
    started = loop.time()
    await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=4))
    )
    assert loop.time() - started < 0.5
