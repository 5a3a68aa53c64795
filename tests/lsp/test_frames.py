"""Scenario 7 of the editor issue: malformed frames, cancellation, shutdown and exit, over the
server's standard input as raw bytes (a client library sends only well-formed frames)."""

from __future__ import annotations

import json
import subprocess

from conftest import server_command


def frame(message) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(id_: int, method: str, params) -> bytes:
    return frame({"jsonrpc": "2.0", "id": id_, "method": method, "params": params})


def notification(method: str, params) -> bytes:
    return frame({"jsonrpc": "2.0", "method": method, "params": params})


INITIALIZE = request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})
SHUTDOWN_EXIT = request(999, "shutdown", None) + notification("exit", None)


def run(input_: bytes) -> tuple[list[dict], int]:
    """The server's frames and exit code for a whole session's input."""
    done = subprocess.run(server_command(), input=input_, capture_output=True, timeout=60)
    frames, rest = [], done.stdout
    while rest:
        header, _, rest = rest.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        frames.append(json.loads(rest[:length]))
        rest = rest[length:]
    return frames, done.returncode


def answer(frames: list[dict], id_: int) -> dict:
    (found,) = [f for f in frames if f.get("id") == id_ and "method" not in f]
    return found


def test_each_malformed_frame_gets_an_error_and_the_next_request_is_answered():
    hover = {"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}
    malformed = {
        "a truncated body": b'Content-Length: 5\r\n\r\n{"a":',
        "a missing header": b"X-Header: 1\r\n\r\n",
        "Content-Length: 0": b"Content-Length: 0\r\n\r\n",
        "JSON that is not a message": frame([1, 2]),
    }
    for what, bad in malformed.items():
        frames, code = run(INITIALIZE + bad + request(2, "textDocument/hover", hover) + SHUTDOWN_EXIT)
        errors = [f for f in frames if f.get("id") is None and "error" in f]
        assert len(errors) == 1 and errors[0]["error"]["code"] in (-32700, -32600), (what, frames)
        assert answer(frames, 2)["result"] is None, what
        assert code == 0, what
    # An unknown method and bad params: errors with the request's id.
    frames, code = run(
        INITIALIZE
        + request(2, "textDocument/unknownThing", {})
        + request(3, "textDocument/codeAction", {"nonsense": True})
        + request(4, "textDocument/hover", hover)
        + SHUTDOWN_EXIT
    )
    assert answer(frames, 2)["error"]["code"] == -32601
    assert answer(frames, 3)["error"]["code"] == -32602
    assert answer(frames, 4)["result"] is None
    assert code == 0


def test_a_cancelled_request_is_answered_as_cancelled():
    uri = "file:///tmp/long.txt"
    text = "今年1-8月,话语体系 and 理论建设取得新进展。\n\n" * 40_000
    hover = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 4}}
    frames, code = run(
        INITIALIZE
        + notification(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}
        )
        # The hover waits for the long text's lint; its cancellation comes meanwhile.
        + request(2, "textDocument/hover", hover)
        + notification("$/cancelRequest", {"id": 2})
        + request(3, "textDocument/hover", hover)
        + SHUTDOWN_EXIT
    )
    assert answer(frames, 2)["error"]["code"] == -32800
    assert "result" in answer(frames, 3)
    assert code == 0


def test_shutdown_then_exit_exits_0_and_exit_alone_1():
    frames, code = run(INITIALIZE + SHUTDOWN_EXIT)
    assert answer(frames, 999)["result"] is None
    assert code == 0
    _, code = run(INITIALIZE + notification("exit", None))
    assert code == 1
