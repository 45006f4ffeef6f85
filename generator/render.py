"""Fill the Jinja2 templates in templates/ with ready data; every value is escaped by default."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

# The templates a fresh project starts from; a project's own templates/ folder overrides them.
BUILTIN_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_BLANK_LINES = re.compile(r"\n\s*\n+")
# libyaml's emitter when PyYAML has it: the same safe output, without Python's slow emitter.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Page:
    """A Markdown page of the generated project: where it goes and what it says."""

    path: str  # relative to docs/, like 'reviews/2026-11-03-kari.md'
    url: str  # the URL it will have, like 'reviews/2026-11-03-kari/'
    content: str


def relative_url(from_url: str, to_url: str) -> str:
    """Return a link from one page URL to another, relative so the site works under any path."""
    if to_url.startswith(("http://", "https://", "mailto:", "#")):
        return to_url
    target, _, fragment = to_url.partition("#")
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    link = _relative_path(target or ".", base or ".")
    if target.endswith("/") and not link.endswith("/"):
        link += "/"
    link = "./" if link in (".", "./") else link
    return f"{link}#{fragment}" if fragment else link


def _relative_path(target: str, base: str) -> str:
    """Return posixpath.relpath(target, base) for two site paths, without asking the disk.

    relpath makes both absolute from the working folder first, a system call per link; a site
    of ten thousand cases has hundreds of thousands of links.
    """
    if target.startswith("/") or base.startswith("/"):
        return posixpath.relpath(target, base)
    to_parts = [p for p in posixpath.normpath(target).split("/") if p not in ("", ".")]
    from_parts = [p for p in posixpath.normpath(base).split("/") if p not in ("", ".")]
    if ".." in to_parts or ".." in from_parts:
        return posixpath.relpath(target, base)
    common = 0
    for to_part, from_part in zip(to_parts, from_parts, strict=False):
        if to_part != from_part:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def front_matter(title: str, description: str = "", **extra: object) -> str:
    """Return a page's YAML front matter; yaml.safe_dump quotes hostile text correctly."""
    meta = {"title": title, **({"description": description} if description else {}), **extra}
    return (
        "---\n"
        + yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
        + "---\n\n"
    )


class Renderer:
    """Renders templates for one site; templates see labels, the site config and a url() helper."""

    def __init__(self, templates_dir: Path, **globals_: object):
        loader = jinja2.FileSystemLoader(
            [str(templates_dir / "pages"), str(BUILTIN_TEMPLATES / "pages")]
        )
        self.env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(globals_)

    def render(self, template: str, page_url: str, **context: object) -> str:
        """Return a template's HTML for the page at page_url, with no blank lines in it.

        Markdown ends a raw HTML block at a blank line in some engines, so the body has none.
        """

        def url(target: str) -> str:
            return relative_url(page_url, target)

        html = self.env.get_template(template).render(url=url, page_url=page_url, **context)
        return _BLANK_LINES.sub("\n", html).strip() + "\n"

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
