"""reviewwall import from servers that misbehave half-way: each gets one line and exit 1."""

import socket
import threading

import pytest

from tests.importing import fetch_timeouts, files, run

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n"
START = b"<rss version='2.0'><channel><title>Reviews</title>"


class RawServer:
    """A server on 127.0.0.1 that sends `answer` to each request, then stalls or hangs up."""

    def __init__(self, answer: bytes, stall: bool):
        self.answer, self.stall = answer, stall
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/feed.xml"
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            connection, _ = self.socket.accept()
        except OSError:  # closed before anyone asked
            return
        with connection:
            connection.recv(65536)
            connection.sendall(self.answer)
            if self.stall:
                self.done.wait(30)

    def close(self) -> None:
        self.done.set()
        self.socket.close()


@pytest.mark.parametrize(
    ("answer", "stall", "reason"),
    [
        (HEAD + START, False, "the connection closed after 50 of 1000 bytes"),
        (HEAD + START, True, "no answer within 1 s (--timeout to wait longer)"),
        (b"hello there\r\n\r\n", False, "the server's answer is not HTTP"),
    ],
)
def test_a_server_that_stops_half_way_is_one_line(
    project, capsys, monkeypatch, answer, stall, reason
):
    timeouts = fetch_timeouts(monkeypatch)
    server = RawServer(answer, stall)
    root = project()
    try:
        result = run(root, capsys, server.url, "--timeout", "1")
    finally:
        server.close()
    assert result == (1, "", f"error: cannot fetch {server.url}: {reason}\n")
    assert timeouts == [1.0]  # one fetch, which waited for what --timeout says
    assert files(root) == {}


def test_an_address_that_is_no_address_is_one_line(project, capsys):
    assert run(project(), capsys, "http://[::1/feed.xml") == (
        1,
        "",
        "error: cannot fetch http://[::1/feed.xml: not a web address (Invalid IPv6 URL)\n",
    )
