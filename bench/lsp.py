#!/usr/bin/env python3
"""bench/lsp.py [ISSCHECK] - how fast a warm `isscheck lsp` re-checks
examples/multi-category.yaml after a change: the time from writing a
didChange (the whole text, one character different) to reading the
publishDiagnostics of that version, over RUNS changes (default 200) after
20 to warm up.  Prints the median, the 90th percentile, min and max, as the client sees
them and as the server measures them (isscheck/status: from reading the
change to writing the diagnostics), and the load average.

Without ISSCHECK, builds a Release isscheck in $BUILD (default
build-bench), as bench/run does.  Target (issue 18): median <= 3 ms."""
import os
import pathlib
import statistics
import subprocess
import sys
import time

root = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "tests" / "lsp"))
from client import Client  # noqa: E402

if len(sys.argv) > 1:
    isscheck = os.path.abspath(sys.argv[1])
else:
    build = os.environ.get("BUILD", str(root / "build-bench"))
    subprocess.run(["cmake", "-S", str(root), "-B", build, "-DCMAKE_BUILD_TYPE=Release",
                    "-DISSCHECK_TESTS=OFF"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build, "-j2", "--target", "isscheck"], check=True,
                   stdout=subprocess.DEVNULL)
    isscheck = os.path.join(build, "isscheck")

runs = int(os.environ.get("RUNS", "200"))
text = (root / "examples" / "multi-category.yaml").read_text(encoding="utf-8")
uri = "file:///bench/multi-category.yaml"
env = dict(os.environ, SOURCE_DATE_EPOCH="1775012400")
c = Client([isscheck, "lsp"], env=env)
c.initialize({"language": "en"})
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                   "text": text}})
first = c.diagnostics(uri, 1, timeout=30)
assert first["diagnostics"], "multi-category.yaml has review results: diagnostics expected"
times, server = [], []
for v in range(2, runs + 22):
    # a change a person makes: one character of a comment, so the verdicts stay
    changed = text.replace("#", "#" if v % 2 else "# ", 1)
    t0 = time.perf_counter()
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                        "contentChanges": [{"text": changed}]})
    d = c.diagnostics(uri, v, timeout=30)
    dt = time.perf_counter() - t0
    assert len(d["diagnostics"]) == len(first["diagnostics"])
    if v >= 22:
        times.append(dt * 1000)
        server.append(c.request("isscheck/status")["result"]["lastCheckMs"])
c.request("shutdown")
c.notify("exit")
c.close()
times.sort()
print("isscheck lsp: re-check of examples/multi-category.yaml (%d bytes) after a change, %d runs"
      % (len(text.encode()), len(times)))
print("  median %.2f ms, p90 %.2f ms, min %.2f ms, max %.2f ms"
      % (statistics.median(times), times[int(len(times) * 0.9)], times[0], times[-1]))
server.sort()
print("  in the server (change read to diagnostics written): median %.2f ms, p90 %.2f ms, min %.2f ms"
      % (statistics.median(server), server[int(len(server) * 0.9)], server[0]))
print("  load average while measured: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
