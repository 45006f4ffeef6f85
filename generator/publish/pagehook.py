"""Run by MkDocs, not by reviewwall: a hook (mkdocs.yml `hooks:`) that gives each page's HTML
body to the theme as it is, without Markdown.

reviewwall renders every page body as HTML (render/renderer.py writes it as one raw HTML block,
no blank line in it). Python-Markdown would parse all of it only to hand it back unchanged, and
that parse was two thirds of MkDocs's time per page (html.parser, twice: the raw-HTML
preprocessor and md_in_html). What Markdown gives back for such a body is the body itself,
stripped; so is what this gives, and the pages, the search index and the sitemap are the same
byte for byte (tests/publish/test_pagehook.py). A plain `mkdocs build` of build/ runs it too;
Zensical, which runs no MkDocs hooks, converts the pages itself.

It imports nothing of reviewwall: MkDocs loads it from build/hooks/ by its path.

It also lets the theme's templates be compiled once, not on every run: MkDocs compiled Material's
41 templates in every engine process, a third of a rebuild's engine time. Jinja's own cache of
compiled templates keeps them in a folder of this user's alone (Jinja makes it in the temporary
folder and refuses one that another user could write to), never in build/, which may come from
a cache others can write; a template whose source changed is compiled again.

And it keeps the bodies of pages left out of search away from Material's search plugin, which
runs a regular expression over every page's HTML to drop `data-search-*` attributes, excluded
or not: over the pages behind the figures (up to 4 MB each at 10 000 reviews), a third of a
rebuild's engine time (MkDocs on a reply's 18 pages: 0.68 → 0.47 s). Only bodies without such
an attribute are kept away, so the plugin would have changed nothing in them; they are given
back before the theme renders the page.
"""

import jinja2

_BODIES = {}
_UNSEARCHED = {}


def on_env(env, config, files):
    """Let the theme's compiled templates be reused across engine runs."""
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()
    return env


def on_page_markdown(markdown, page, config, files):
    """Keep the body aside; Markdown gets nothing to parse."""
    _BODIES[page.file.src_uri] = markdown
    return ""


def on_page_content(html, page, config, files):
    """Give the theme the body, as Markdown would have returned it; a page left out of search
    holds nothing until the search plugin has seen it."""
    body = _BODIES.pop(page.file.src_uri, None)
    content = html if body is None else body.strip()
    search = page.meta.get("search") or {}  # as Material's search plugin reads it
    if search.get("exclude") and "data-search-" not in content:
        _UNSEARCHED[page.file.src_uri] = content
        return ""
    return content


def on_page_context(context, page, config, nav):
    """Give back the body of a page left out of search, before the theme renders it."""
    if page.file.src_uri in _UNSEARCHED:
        page.content = _UNSEARCHED.pop(page.file.src_uri)
    return context


# After the search plugin's own (MkDocs's event_priority, without importing MkDocs here).
on_page_context.mkdocs_priority = -100
