"""Scenarios of the workspace: ignore actions, configuration reloads and folders, pull and
push, each played with the client's own capabilities and as that client behaves."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import (
    apply_edits,
    columns,
    diagnostics_of,
    next_push,
    open_document,
    pulls,
    read_code_actions_as_editors_do,
    server_command,
)

#: Two workspace folders: the first turns the ASCII-punctuation rule off.
FOLDERS = {"one": 'ignore = ["halfwidth-punctuation"]\n', "two": '# house settings\nextensions = ["txt"]\n'}
TEXT = "他说,好。今年1-8月,增长。\n"
RULE = "halfwidth-punctuation"


@pytest_lsp.fixture(
    params=["neovim@v0.10.0", "visual_studio_code@v1.65.2", "emacs@v29.1"],
    config=ClientServerConfig(server_command=server_command()),
)
async def client(request, lsp_client: LanguageClient, tmp_path: Path):
    registered = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params):
        registered.extend(params.registrations)

    for folder, config in FOLDERS.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "newslint.toml").write_text(config, encoding="utf-8")
    capabilities = client_capabilities(request.param)
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            workspace_folders=[types.WorkspaceFolder(uri=(tmp_path / f).as_uri(), name=f) for f in FOLDERS],
        )
    )
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    lsp_client.server_capabilities = result.capabilities
    lsp_client.watches = registered
    # VS Code saves the files a code action's edit touched (`files.refactoring.autoSave`);
    # Neovim and Emacs leave them modified in their buffers.
    lsp_client.saves_edits = request.param.startswith("visual_studio_code")
    read_code_actions_as_editors_do(lsp_client)
    yield
    await lsp_client.shutdown_session()


async def settled(client: LanguageClient, uri: str, done) -> list[types.Diagnostic]:
    """The document's diagnostics once `done(diagnostics)` holds: pulled again or waited for."""
    for _ in range(50):
        if pulls(client):
            found = await diagnostics_of(client, uri)
        else:
            found = list(client.diagnostics.get(uri, []))
        if done(found):
            return found
        if pulls(client):
            await asyncio.sleep(0.1)
        else:
            await next_push(client, 0.5)
    raise AssertionError(f"never settled: {found}")


def commas(found: list[types.Diagnostic]) -> list[int]:
    return [d.range.start.character for d in found if d.code == RULE]


async def actions_at(client: LanguageClient, uri: str, character: int) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(
                start=types.Position(line=0, character=character), end=types.Position(line=0, character=character + 1)
            ),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
        )
    )


async def take(client: LanguageClient, action: types.CodeAction, buffers: dict[Path, str]) -> None:
    """Applies a code action as the client does: its edit into the buffers (VS Code then saves
    them, and its file watcher tells the server), then its command, run by the server."""
    edit = action.edit
    touched = []

    def into_buffer(uri: str, edits) -> None:
        path = Path(uri.removeprefix("file://"))
        touched.append(path)
        base = buffers.get(path, path.read_text(encoding="utf-8") if path.exists() else "")
        buffers[path] = apply_edits(base, list(edits), client.encoding)

    for change in edit.document_changes or []:
        if isinstance(change, types.CreateFile):
            buffers.setdefault(Path(change.uri.removeprefix("file://")), "")
        else:
            into_buffer(change.text_document.uri, change.edits)
    for uri, edits in (edit.changes or {}).items():
        into_buffer(uri, edits)
    if client.saves_edits:
        events = []
        for path in touched:
            kind = types.FileChangeType.Changed if path.exists() else types.FileChangeType.Created
            path.write_text(buffers[path], encoding="utf-8")
            events.append(types.FileEvent(uri=path.as_uri(), type=kind))
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=events))
    if action.command:
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=action.command.command, arguments=action.command.arguments)
        )


def titled(actions: list[types.CodeAction], title: str) -> types.CodeAction:
    found = [a for a in actions if a.title == title]
    assert found, [a.title for a in actions]
    return found[0]


@pytest.mark.asyncio
async def test_ignore_actions_take_effect_and_write_the_files(client: LanguageClient, tmp_path: Path):
    root = tmp_path / "two"
    path = root / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    uri = path.as_uri()
    open_document(client, uri, TEXT)
    first, second = columns(TEXT, [2, 11], client.encoding)
    assert commas(await settled(client, uri, lambda f: commas(f))) == [first, second]
    buffers: dict[Path, str] = {}
    # This occurrence: an entry of the side file, which the client creates.
    actions = await actions_at(client, uri, first)
    await take(client, titled(actions, f"Ignore this {RULE} occurrence in newslint-ignore.toml"), buffers)
    side = buffers[root / "newslint-ignore.toml"]
    assert side.startswith("[[ignore]]\n") and f'rule = "{RULE}"' in side, side
    assert 'path = "news.txt"' in side and 'text = ","' in side and "fingerprint = " in side, side
    assert commas(await settled(client, uri, lambda f: commas(f) == [second])) == [second]
    # Saved, the side file is what the CLI reads: the same occurrence is accepted.
    for file, text in buffers.items():
        file.write_text(text, encoding="utf-8")
    cli = subprocess.run(
        [server_command()[0], "check", "--select", RULE, "--format", "concise", "news.txt"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert [line.split(":")[1:3] for line in cli.stdout.splitlines()] == [["1", "12"]], cli.stdout
    # The rule in this project: newslint.toml's `ignore`, the rest of the file kept.
    actions = await actions_at(client, uri, second)
    await take(client, titled(actions, f"Ignore {RULE} in this project (newslint.toml)"), buffers)
    assert buffers[root / "newslint.toml"] == f'# house settings\nextensions = ["txt"]\nignore = ["{RULE}"]\n'
    await settled(client, uri, lambda f: not commas(f))
    for file, text in buffers.items():
        file.write_text(text, encoding="utf-8")
    assert subprocess.run([server_command()[0], "check", "news.txt"], cwd=root, capture_output=True).returncode == 0


@pytest.mark.asyncio
async def test_a_changed_configuration_is_linted_again_in_each_folder(client: LanguageClient, tmp_path: Path):
    uris = {}
    for folder in FOLDERS:
        path = tmp_path / folder / "a.txt"
        uris[folder] = path.as_uri()
        open_document(client, uris[folder], "他说,好。\n")
    # Each folder under its own configuration.
    assert commas(await settled(client, uris["one"], lambda f: True)) == []
    assert commas(await settled(client, uris["two"], lambda f: commas(f))) == columns("他说,", [2], client.encoding)
    # The second folder's configuration changes on disk: a client that watches says so, one
    # that does not has it open and saves it.
    config = tmp_path / "two" / "newslint.toml"
    config.write_text(f'ignore = ["{RULE}"]\n', encoding="utf-8")
    if client.watches:
        assert [r.method for r in client.watches] == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
    else:
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
        )
    await settled(client, uris["two"], lambda f: not commas(f))
    # And the first folder's is untouched.
    assert commas(await settled(client, uris["one"], lambda f: True)) == []


@pytest.mark.asyncio
async def test_diagnostics_are_pulled_or_pushed_as_the_client_declares(client: LanguageClient):
    uri = "untitled:Untitled-1"
    open_document(client, uri, "他说,好。\n")
    found = await diagnostics_of(client, uri)
    assert commas(found) == columns("他说,", [2], client.encoding)
    if pulls(client):
        assert client.server_capabilities.diagnostic_provider is not None
        # Nothing is pushed to a client that pulls.
        assert not await next_push(client, 0.8)
        assert uri not in client.diagnostics
    else:
        assert client.server_capabilities.diagnostic_provider is None
        # Closing clears what was pushed.
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        await settled(client, uri, lambda f: not f)
