"""The preview's web server: serves a built site folder as a static host does, and reloads the
open pages when the folder has been rebuilt.

It runs as a process of its own (`python -m generator.publish.preview SITE HOST PORT`), so the
process that watches and builds has no threads and may use every core. Each line it reads on
its standard input means "the site was rebuilt": every open page then reloads itself (a script
added to each HTML page listens for it on an event stream). It serves the site folder by name
on each request, so a new site swapped into place is served at once, and a missing address gets
the site's own 404 page with status 404, as on the host.
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EVENTS = "/.reviewwall/events"
SCRIPT = "/.reviewwall/reload.js"
READY = "ready"  # the first line the server prints once it listens
# Reload when the site's version differs from the one the page was served with.
RELOAD_JS = b"""(() => {
  const events = new EventSource("%s");
  let seen = null;
  events.onmessage = (event) => {
    if (seen !== null && event.data !== seen) location.reload();
    seen = event.data;
  };
})();
""" % EVENTS.encode()
TAG = b'<script src="%s"></script>' % SCRIPT.encode()
KEEPALIVE_SECONDS = 15


class Versions:
    """The number of the site's current build; waiting threads wake when it changes."""

    def __init__(self) -> None:
        self.number = 0
        self.changed = threading.Condition()

    def bump(self) -> None:
        with self.changed:
            self.number += 1
            self.changed.notify_all()

    def wait_after(self, number: int, seconds: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.number != number, seconds)
            return self.number


class PreviewHandler(SimpleHTTPRequestHandler):
    versions: Versions

    def log_message(self, format: str, *args) -> None:
        """Requests are not news: the terminal is for what staff must read."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload always shows the new build
        super().end_headers()

    def do_GET(self) -> None:
        if self.path == EVENTS:
            return self._events()
        if self.path == SCRIPT:
            return self._send(HTTPStatus.OK, "text/javascript", RELOAD_JS)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.is_dir():
            return super().do_GET()  # the redirect to the address with its slash
        if path.suffix == ".html" and path.is_file():
            return self._send(HTTPStatus.OK, "text/html; charset=utf-8", _with_reload(path))
        if not path.exists():
            missing = Path(self.directory) / "404.html"
            if missing.is_file():
                return self._send(
                    HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", _with_reload(missing)
                )
        return super().do_GET()

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        number = self.versions.number
        try:
            self.wfile.write(b"data: %d\n\n" % number)
            self.wfile.flush()
            while True:
                now = self.versions.wait_after(number, KEEPALIVE_SECONDS)
                # A comment line when nothing changed: a closed page is noticed and let go.
                self.wfile.write(b"data: %d\n\n" % now if now != number else b": waiting\n\n")
                self.wfile.flush()
                number = now
        except OSError:
            return


def _with_reload(path: Path) -> bytes:
    """Return the page with the reload script added before its last </body>."""
    html = path.read_bytes()
    at = html.rfind(b"</body>")
    return html[:at] + TAG + html[at:] if at >= 0 else html + TAG


def main(argv: list[str]) -> int:
    site, host, port = argv
    versions = Versions()
    handler = type("Handler", (PreviewHandler,), {"versions": versions})
    try:
        server = ThreadingHTTPServer((host, int(port)), partial(handler, directory=site))
    except OSError as error:
        print(f"cannot serve on {host}:{port}: {error.strerror or error}", flush=True)
        return 1
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(READY, flush=True)
    for _ in sys.stdin:  # one line a rebuild; the end of input means the preview stopped
        versions.bump()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
