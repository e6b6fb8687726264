#!/usr/bin/env python3
"""lsp_seeds.py ROOT OUTDIR - seed sessions for fuzz_lsp: for each example,
the frames an editor sends (didOpen, didChange, hover, completion,
definition, codeAction, shutdown), one file per example."""
import json
import pathlib
import sys

root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)


def frame(obj):
    body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


for n, path in enumerate(sorted((root / "examples").glob("*.yaml"))):
    text = path.read_text(encoding="utf-8")
    uri = "file:///" + path.name
    td = {"uri": uri}
    pos = {"line": 20, "character": 8}
    msgs = [
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": 2},
                    "contentChanges": [{"range": {"start": {"line": 3, "character": 0},
                                                  "end": {"line": 3, "character": 2}}, "text": "𠮷"}]}},
        {"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"textDocument": td, "position": pos}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {"textDocument": td, "position": pos}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/definition", "params": {"textDocument": td, "position": pos}},
        {"jsonrpc": "2.0", "id": 4, "method": "textDocument/references",
         "params": {"textDocument": td, "position": pos, "context": {"includeDeclaration": True}}},
        {"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeAction",
         "params": {"textDocument": td, "range": {"start": pos, "end": pos},
                    "context": {"diagnostics": [{"range": {"start": pos, "end": pos}, "message": "x",
                                                 "data": {"fix": "counts", "stated": n % 2 == 0,
                                                          "counts": {"qualification": 1}}}]}}},
        {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 6}},
        {"jsonrpc": "2.0", "id": 6, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    (out / ("session-%02d" % n)).write_bytes(b"".join(frame(m) for m in msgs))
