"""Read a source's bytes from a URL or a file, or say in one line why not."""

from __future__ import annotations

import errno
import http.client
import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__

DEFAULT_TIMEOUT = 10.0
# A review feed or export is a few megabytes at most; a source far beyond that is a mistake.
MAX_BYTES = 200 * 1024 * 1024


class SourceError(Exception):
    """The source could not be read; the message is the one line staff see."""


@dataclass
class Source:
    """A source's name as staff gave it, its bytes, and the HTTP headers that tell its type."""

    name: str
    data: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def form(self) -> str:
        """Return 'csv', 'json' or 'feed': by the name's ending, the served type, else the bytes."""
        path = self.name.split("?", 1)[0].split("#", 1)[0].lower()
        served = self.headers.get("content-type", "").lower()
        if path.endswith(".csv") or "text/csv" in served:
            return "csv"
        if path.endswith(".json") or "json" in served:
            return "json"
        # Without a telling name, JSON starts with { or [ where XML starts with <.
        head = self.data[:64].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
        return "json" if head[:1] in (b"{", b"[") else "feed"


def is_url(source: str) -> bool:
    """Return True for an http:// or https:// address."""
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str, timeout: float = DEFAULT_TIMEOUT) -> Source:
    """Return the source's bytes; raise SourceError with a one-line reason."""
    if is_url(source):
        return _fetch(source, timeout)
    path = Path(source)
    try:
        with path.open("rb") as handle:
            # A file says its size: one far too large is refused without reading it.
            too_large = os.fstat(handle.fileno()).st_size > MAX_BYTES
            data = b"" if too_large else handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(f"cannot read {source}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"cannot read {source}: it is a folder, not a file") from None
    except OSError as error:
        raise SourceError(f"cannot read {source}: {error.strerror or error}") from None
    _check_size(source, data, too_large)
    return Source(source, data)


def _fetch(url: str, timeout: float) -> Source:
    try:
        request = urllib.request.Request(url, headers={"User-Agent": f"reviewwall/{__version__}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            headers = {
                name.lower(): value
                for name, value in response.headers.items()
                if name.lower() in ("content-type", "content-location")
            }
            expected = response.headers.get("content-length", "")
    except urllib.error.HTTPError as error:
        raise SourceError(f"cannot fetch {url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise SourceError(f"cannot fetch {url}: {_reason(error.reason, timeout)}") from None
    except TimeoutError:
        raise SourceError(f"cannot fetch {url}: {_no_answer(timeout)}") from None
    except OSError as error:
        raise SourceError(f"cannot fetch {url}: {_reason(error, timeout)}") from None
    except http.client.HTTPException:
        raise SourceError(f"cannot fetch {url}: the server's answer is not HTTP") from None
    except ValueError as error:  # urllib's word for an address it cannot even split
        raise SourceError(f"cannot fetch {url}: not a web address ({error})") from None
    _check_size(url, data)
    if expected.isdigit() and len(data) < int(expected):
        # A cut-off feed would parse as a broken one and lose its last entries without need.
        raise SourceError(
            f"cannot fetch {url}: the connection closed after {len(data)} of {expected} bytes"
        )
    headers.setdefault("content-location", url)
    return Source(url, data, headers)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return _no_answer(timeout)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused (is the address right, and the server up?)"
    if isinstance(reason, socket.gaierror):
        return "unknown host name, or no network"
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        return "no network route to the host"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return str(reason)


def _no_answer(timeout: float) -> str:
    return f"no answer within {timeout:g} s (--timeout to wait longer)"


def _check_size(name: str, data: bytes, too_large: bool = False) -> None:
    if too_large or len(data) > MAX_BYTES:
        raise SourceError(f"cannot read {name}: larger than {MAX_BYTES // 2**20} MB")
