"""Talking to a live preview (`reviewwall serve`) from tests and the benchmark."""

from __future__ import annotations

import socket
import time
import urllib.request


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 2) -> str | None:
    """Return the page at url, or None while the server has none (or is not up)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode()
    except OSError:  # URLError and HTTPError are OSErrors too
        return None


def wait_for(predicate, seconds: float, poll: float = 0.2):
    """Return predicate()'s first value other than None and False; None after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (value := predicate()) is not None and value is not False:
            return value
        time.sleep(poll)
    return None
