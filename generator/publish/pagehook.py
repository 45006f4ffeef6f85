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
"""

import jinja2

_BODIES = {}


def on_env(env, config, files):
    """Let the theme's compiled templates be reused across engine runs."""
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()
    return env


def on_page_markdown(markdown, page, config, files):
    """Keep the body aside; Markdown gets nothing to parse."""
    _BODIES[page.file.src_uri] = markdown
    return ""


def on_page_content(html, page, config, files):
    """Give the theme the body, as Markdown would have returned it."""
    body = _BODIES.pop(page.file.src_uri, None)
    return html if body is None else body.strip()
