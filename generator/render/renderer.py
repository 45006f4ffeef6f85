"""Fill the Jinja2 templates in templates/ with ready data; every value is escaped by default."""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml
from markupsafe import Markup

# The templates a fresh project starts from; a project's own templates/ folder overrides them.
BUILTIN_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
_BLANK_LINES = re.compile(r"\n\s*\n+")
# libyaml's emitter when PyYAML has it: the same safe output, without Python's slow emitter.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# What YAML reads differently from JSON, or not at all: control characters, NEL, the line and
# paragraph separators, the byte order mark, surrogates and the two non-characters.
_NOT_PLAIN_YAML = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)


@dataclass
class Page:
    """A Markdown page of the generated project, or a file the site gives back as it is (the
    feed, the open data): where it goes and what it says."""

    path: str  # relative to docs/, like 'reviews/2026-11-03-kari.md'
    url: str  # the URL it will have, like 'reviews/2026-11-03-kari/'
    content: str | bytes  # bytes for a file given back as it is

    @property
    def data(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode()


# A page still to render: made cheaply, so that thousands of them can be shared out to processes.
PageOrder = Callable[[], Page]


@dataclass(frozen=True)
class KnownOrder:
    """A page still to render that says, before it is rendered, what it will show: a later build
    whose page shows the same keeps the page written before (publish/memo.py).

    `shows`: everything the page shows beyond the site's settings, templates and words, as text;
    `cases`: the review files whose cases it shows (each case is made from its file alone).
    """

    render: PageOrder
    path: str  # relative to docs/
    shows: str
    cases: tuple[str, ...]

    def __call__(self) -> Page:
        return self.render()


class Linker:
    """Makes links from one page URL to others, relative so the site works under any path."""

    def __init__(self, page_url: str):
        base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else "."
        self.base = base or "."
        self.base_parts = _parts(self.base)

    def __call__(self, to_url: str) -> str:
        if to_url.startswith(("http://", "https://", "mailto:", "#")):
            return to_url
        target, _, fragment = to_url.partition("#")
        link = self._relative_path(target or ".")
        if target.endswith("/") and not link.endswith("/"):
            link += "/"
        link = "./" if link in (".", "./") else link
        return f"{link}#{fragment}" if fragment else link

    def _relative_path(self, target: str) -> str:
        """Return posixpath.relpath(target, base) for two site paths, without asking the disk.

        relpath makes both absolute from the working folder first, a system call per link; a
        site of ten thousand cases has hundreds of thousands of links.
        """
        to_parts, from_parts = _parts(target), self.base_parts
        if to_parts is None or from_parts is None:
            return posixpath.relpath(target, self.base)
        common = 0
        for to_part, from_part in zip(to_parts, from_parts, strict=False):
            if to_part != from_part:
                break
            common += 1
        return "/".join([".."] * (len(from_parts) - common) + list(to_parts[common:])) or "."


@functools.lru_cache(maxsize=65536)
def _parts(path: str) -> tuple[str, ...] | None:
    """Return a site path's parts, or None where only posixpath.relpath is right (/, ..)."""
    if path.startswith("/"):
        return None
    parts = tuple(p for p in posixpath.normpath(path).split("/") if p not in ("", "."))
    return None if ".." in parts else parts


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """Return a page's YAML front matter; every value is quoted, so hostile text stays text.

    JSON is YAML: a value written by json.dumps reads back the same, unless it holds characters
    YAML treats apart (line breaks beyond \\n, controls, surrogates); then PyYAML writes it all.
    """
    meta = {"title": title, **({"description": description} if description else {}), **extra}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items()]
    if any(_NOT_PLAIN_YAML.search(line) for line in lines):
        lines = [yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)]
    return "---\n" + "".join(lines) + "---\n\n"


class Renderer:
    """Renders templates for one site; templates see labels, the site config and a url() helper."""

    def __init__(self, templates_dir: Path, translations=None, **globals_: object):
        loader = jinja2.FileSystemLoader(
            [str(templates_dir / "pages"), str(BUILTIN_TEMPLATES / "pages")]
        )
        self.env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # a Renderer lives for one build: no stat of the template per page
            extensions=["jinja2.ext.i18n"],
        )
        # The templates' own phrases (npgettext) in the site's language, `labels:` on top.
        if translations is not None:
            self.env.install_gettext_translations(translations, newstyle=False)
        else:
            self.env.install_null_translations(newstyle=False)
        self.env.globals.update(globals_)
        self.fragments: dict[tuple[str, Hashable], Markup] = {}

    def render(self, template: str, page_url: str, **context: object) -> str:
        """Return a template's HTML for the page at page_url, with no blank lines in it.

        Markdown ends a raw HTML block at a blank line in some engines, so the body has none.
        """

        url = Linker(page_url)
        html = self.env.get_template(template).render(url=url, page_url=page_url, **context)
        return _BLANK_LINES.sub("\n", html).strip() + "\n"

    def fragment(self, template: str, key: Hashable, **context: object) -> Markup:
        """Return the HTML of a small template that many pages show alike, rendered once per key.

        `key` names everything the HTML depends on (a case and the link to it): a later call with
        the same key gets the first HTML back. The benchmark's shop lists a case on eleven
        evidence pages on average; rendering its line once saves most of those pages' time.
        """
        html = self.fragments.get((template, key))
        if html is None:
            html = Markup(self.env.get_template(template).render(**context).removesuffix("\n"))
            self.fragments[(template, key)] = html
        return html

    def page(
        self,
        template: str,
        path: str,
        url: str,
        title: str,
        description: str = "",
        meta: dict | None = None,
        **context: object,
    ) -> Page:
        """Return a Page: front matter, then the rendered template."""
        body = self.render(template, url, **context)
        return Page(path, url, front_matter(title, description, **(meta or {})) + body)
