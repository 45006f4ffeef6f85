"""Walk every file of a built site, whatever module wrote it, and look for what must not be there.

Generic on purpose: pages, feeds, JSON, SVG, the search index and the sitemap are all read the
same way, so a new output is covered the day it is added.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup
from defusedxml import ElementTree

# Elements that run or embed something. The theme's own <script src> and JSON blocks are checked
# separately; none of these may come from the data.
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"}
_JSON_TYPES = {"application/ld+json", "application/json"}


def site_files(site: Path) -> Iterator[tuple[str, str]]:
    """Yield (path, text) for every file; compressed files unpacked, binary files as latin-1."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        yield path.relative_to(site).as_posix(), text


def readings(name: str, text: str) -> list[str]:
    """Return the ways a file's text can be read: as written, entities decoded, JSON decoded."""
    found = [text, html.unescape(text)]
    if name.endswith(".json"):
        try:
            decoded = json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
        else:
            found += [decoded, html.unescape(decoded)]
    return found


def occurrences(site: Path, needles: list[str]) -> list[tuple[str, str]]:
    """Return (file, needle) for every needle in any reading of any file, ignoring case."""
    found = []
    for name, text in site_files(site):
        texts = [reading.lower() for reading in readings(name, text)]
        found += [(name, n) for n in needles if any(n.lower() in t for t in texts)]
    return found


def html_dangers(markup: str, where: str) -> list[str]:
    """Return what in a piece of HTML could run script: handlers, script URLs, embeds, scripts."""
    soup = BeautifulSoup(markup, "html.parser")
    dangers = []
    for element in soup.find_all(True):
        tag = element.name.lower()
        if tag in EMBEDDING:
            dangers.append(f"{where}: <{tag}>")
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            dangers.append(f"{where}: <meta http-equiv=refresh>")
        if tag == "script":
            dangers += _script_dangers(element, where)
        for attribute, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attribute.lower().startswith("on"):
                dangers.append(f"{where}: <{tag} {attribute}>")
            elif attribute.lower() == "srcdoc":
                dangers.append(f"{where}: <{tag} srcdoc>")
            elif attribute.lower() in _URL_ATTRIBUTES and _SCRIPT_URL.match(value):
                dangers.append(f"{where}: <{tag} {attribute}={value[:40]!r}>")
    return dangers


def _script_dangers(element, where: str) -> list[str]:
    body = element.string or ""
    kind = (element.get("type") or "").lower()
    if element.get("src"):
        return [] if not _SCRIPT_URL.match(element["src"]) else [f"{where}: script src"]
    if kind in _JSON_TYPES:
        # html.parser ends a script at the first </script>: data that broke out is not JSON.
        try:
            json.loads(body)
        except ValueError:
            return [f"{where}: a {kind} block that is not JSON: {body[:60]!r}"]
        if "</" in body:
            return [f"{where}: '</' inside a {kind} block"]
        return []
    if "__pwned_" in body:
        return [f"{where}: inline script holding data: {body[:60]!r}"]
    return []


def file_dangers(name: str, text: str) -> list[str]:
    """Return the dangers in one site file, read the way a browser or feed reader reads it."""
    if name.endswith((".html", ".htm")):
        return html_dangers(text, name)
    if name.endswith((".xml", ".svg", ".atom", ".rss")):
        return _xml_dangers(name, text)
    if name.endswith(".json"):
        return _json_dangers(name, text)
    return []


def _xml_dangers(name: str, text: str) -> list[str]:
    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        return [f"{name}: not well-formed XML: {error}"]
    dangers = []
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject") or tag in EMBEDDING:
            dangers.append(f"{name}: <{tag}>")
        for attribute, value in element.attrib.items():
            attribute = attribute.rsplit("}", 1)[-1].lower()
            if attribute.startswith("on"):
                dangers.append(f"{name}: <{tag} {attribute}>")
            elif attribute in ("href", "src") and _SCRIPT_URL.match(value):
                dangers.append(f"{name}: <{tag} {attribute}={value[:40]!r}>")
        # Feed readers render Atom type="html" and RSS descriptions as HTML.
        is_html = element.get("type") == "html" or tag in ("description", "encoded")
        if is_html and element.text:
            dangers += html_dangers(element.text, f"{name} <{tag}>")
    return dangers


def _json_dangers(name: str, text: str) -> list[str]:
    try:
        data = json.loads(text)
    except ValueError as error:
        return [f"{name}: not JSON: {error}"]
    dangers = []
    # Search indexes are rendered as HTML by the theme's search (Material, Zensical).
    is_index = name.startswith("search")

    def walk(value, key: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and (is_index or key.lower().endswith("html")):
            dangers.extend(html_dangers(value, f"{name} {key}"))

    walk(data, "")
    return dangers
