"""A minimal LSP client over a child process's standard input and output
(Python standard library only), for the language server's tests and
benchmark.  Every read has a deadline: a server that hangs fails the test
instead of stopping it."""
import json
import os
import select
import subprocess
import time


class Timeout(Exception):
    pass


# every deadline times this (valgrind: tests/valgrind.sh sets 20)
SCALE = float(os.environ.get("ISSCHECK_LSP_TIMEOUT_SCALE", "1"))


class Client:
    def __init__(self, argv, env=None, cwd=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env, cwd=cwd)
        self.buf = b""
        self.next_id = 1
        self.notifications = []  # every notification received, in order
        self.responses = {}      # id -> response not yet taken
        self.null_responses = []  # responses without an id (to messages that had none), in order
        self.log = []            # every message received, in order

    # ---- writing ----
    def send_raw(self, data, timeout=60):
        """Writes data, reading what the server writes meanwhile (as an
        editor does), so neither side can block the other."""
        fd = self.proc.stdin.fileno()
        os.set_blocking(fd, False)
        view = memoryview(data)
        deadline = time.monotonic() + timeout * SCALE
        while view:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout("the server does not read its input")
            r, w, _ = select.select([self.proc.stdout], [fd], [], left)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise EOFError("the server closed its output (exit status %r)" % self.proc.poll())
                self.buf += chunk
            if w:
                try:
                    view = view[os.write(fd, view):]
                except BlockingIOError:
                    pass

    @staticmethod
    def frame(obj):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8") if not isinstance(obj, bytes) else obj
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, obj):
        self.send_raw(self.frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_async(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def request(self, method, params=None, timeout=10):
        rid = self.request_async(method, params)
        return self.response(rid, timeout)

    # ---- reading ----
    def _read_message(self, deadline):
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = self.buf[:head_end].decode("ascii").split("\r\n")
                length = None
                for h in headers:
                    k, _, v = h.partition(":")
                    if k.strip().lower() == "content-length":
                        length = int(v.strip())
                assert length is not None, "server sent a frame without Content-Length: %r" % headers
                if len(self.buf) >= head_end + 4 + length:
                    body = self.buf[head_end + 4:head_end + 4 + length]
                    self.buf = self.buf[head_end + 4 + length:]
                    msg = json.loads(body.decode("utf-8"))
                    self.log.append(msg)
                    return msg
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout("no message from the server in time")
            r, _, _ = select.select([self.proc.stdout], [], [], left)
            if not r:
                raise Timeout("no message from the server in time")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("the server closed its output (exit status %r)" % self.proc.poll())
            self.buf += chunk

    def _dispatch(self, msg):
        if "id" in msg and "method" not in msg:
            if msg["id"] is None:
                self.null_responses.append(msg)
            else:
                self.responses[json.dumps(msg["id"])] = msg
        else:
            self.notifications.append(msg)

    def response(self, rid, timeout=10):
        deadline = time.monotonic() + timeout * SCALE
        if rid is None:
            while not self.null_responses:
                self._dispatch(self._read_message(deadline))
            return self.null_responses.pop(0)
        key = json.dumps(rid)
        while key not in self.responses:
            self._dispatch(self._read_message(deadline))
        return self.responses.pop(key)

    def wait_notification(self, pred, timeout=10):
        """The first notification (already received or coming) for which
        pred is true; it is removed from the list."""
        deadline = time.monotonic() + timeout * SCALE
        while True:
            for i, n in enumerate(self.notifications):
                if pred(n):
                    return self.notifications.pop(i)
            self._dispatch(self._read_message(deadline))

    def diagnostics(self, uri, version=None, timeout=10):
        def pred(n):
            return (n.get("method") == "textDocument/publishDiagnostics"
                    and n["params"]["uri"] == uri
                    and (version is None or n["params"].get("version") == version))
        return self.wait_notification(pred, timeout)["params"]

    def drain(self, seconds):
        """Reads whatever comes for this long."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._dispatch(self._read_message(deadline))
        except Timeout:
            pass

    # ---- the lifecycle ----
    def initialize(self, options=None, encodings=None, timeout=10):
        caps = {"general": {"positionEncodings": encodings}} if encodings else {}
        params = {"processId": os.getpid(), "rootUri": None, "capabilities": caps}
        if options is not None:
            params["initializationOptions"] = options
        r = self.request("initialize", params, timeout)
        self.notify("initialized", {})
        return r

    def close(self, timeout=10):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout * SCALE)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise Timeout("the server did not exit")

    def stderr(self):
        return self.proc.stderr.read().decode("utf-8", "replace")
