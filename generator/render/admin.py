"""The web editor at /admin/: Decap CMS, configured from the review format's definition.

Staff open a review, add a reply, a switch to a private channel, the customer's follow-up or how
the case ended, and save: a commit (or a pull request) to the repository, which CI checks and
publishes like any other. The customer's fields are shown and never written; reviewwall's own
file format in templates/admin/reviewwall-cms.js edits the file in place, so the rest of it
stays byte for byte.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import yaml

from ..read.config import SiteConfig
from ..read.format import OUTCOME, REVIEW, THREAD_ENTRY, Field
from ..read.review import PRIVATE_VIA
from .renderer import BUILTIN_TEMPLATES, Page

ADMIN_URL = "admin/"
# Pinned: the page loads them from a CDN; `make test` fetches the same versions from npm.
DECAP_VERSION = "3.16.3"
YAML_VERSION = "2.9.1"
DECAP_URL = f"https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js"
YAML_URL = f"https://unpkg.com/yaml@{YAML_VERSION}/browser/index.js"
SCRIPT = "reviewwall-cms.js"
_API_PATHS = {"github": "/api/v3", "gitlab": "/api/v4", "gitea": "/api/v1"}
_PUBLIC_HOSTS = {"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org"}


def admin_pages(config: SiteConfig) -> list[Page]:
    """Return /admin/index.html, its config.yml and script; none when the site has no editor."""
    if config.editor_backend is None:
        return []
    script = _template(config, SCRIPT)
    settings = {
        "timezone": str(config.timezone),
        "channels": config.channels,
        "staff_name": config.staff_name or "",
        "via": list(PRIVATE_VIA),
        **format_settings(),
    }
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    index = environment.from_string(_template(config, "index.html").decode()).render(
        name=config.name,
        decap_url=DECAP_URL,
        yaml_url=YAML_URL,
        # A new version of the script gets a new address, so no browser keeps the old one.
        script_version=hashlib.sha256(script).hexdigest()[:12],
        settings=settings,
    )
    decap = yaml.safe_dump(decap_config(config), allow_unicode=True, sort_keys=False, width=100)
    return [
        Page(ADMIN_URL + "index.html", ADMIN_URL, index.encode()),
        Page(ADMIN_URL + "config.yml", ADMIN_URL + "config.yml", decap.encode()),
        Page(ADMIN_URL + SCRIPT, ADMIN_URL + SCRIPT, script),
    ]


def format_settings() -> dict:
    """Return what reviewwall's file format in the page needs: the customer's fields, which it
    never writes, and each mapping's key order, where it puts a new key."""
    return {
        "customer": [field.name for field in REVIEW.fields if field.customer],
        "order": {
            "review": list(REVIEW.names),
            "thread": list(THREAD_ENTRY.names),
            "outcome": list(OUTCOME.names),
        },
    }


def decap_config(config: SiteConfig) -> dict:
    """Return Decap CMS's configuration: the backend, and the reviews as one collection."""
    settings: dict = {"backend": backend_config(config)}
    # Only on a page served from localhost: `npx decap-server` in the project edits its files.
    settings["local_backend"] = True
    settings["publish_mode"] = config.editor.publish_mode
    settings["media_folder"] = "reviews/.media"  # Decap needs one; a review has no uploads
    if config.site_url:
        settings["site_url"] = config.site_url
        settings["display_url"] = config.site_url
    settings["collections"] = [
        {
            "name": "reviews",
            "label": "Reviews",
            "label_singular": "Review",
            "description": "Open a review to answer it, take the talk private, or say how the "
            "case ended. The customer's words are shown as they wrote them and cannot be "
            "changed here.",
            "folder": "reviews",
            # Two parts: Decap lists the files of reviews/<year>/, and saves each where it is.
            "path": "{{year}}/{{slug}}",
            "extension": "yml",
            "format": "reviewwall-yml",
            "create": False,  # new reviews come by reviewwall new or import, as the customer wrote
            "delete": False,  # taking one down is reviewwall remove, which keeps a record
            "identifier_field": "received",
            "summary": "{{received}} · {{author}} · {{channel}}",
            "sortable_fields": ["received", "author", "rating"],
            "view_groups": [{"label": "Year", "field": "received", "pattern": r"^\d{4}"}],
            "editor": {"preview": False},
            "fields": [_widget(field) for field in REVIEW.fields],
        }
    ]
    return settings


def backend_config(config: SiteConfig) -> dict:
    """Return Decap's `backend`: the repository's host, branch and how staff log in."""
    name = config.editor_backend
    backend: dict = {"name": name, "branch": config.repository_branch}
    editor = config.editor
    if name == "git-gateway":
        return backend
    address = urlsplit(config.repository or "")
    backend["repo"] = address.path.strip("/")
    host = f"{address.scheme}://{address.netloc}"
    # A server of the business's own (Gitea always is one): its API, and where to log in.
    if name in _API_PATHS and address.hostname != _PUBLIC_HOSTS.get(name):
        backend["api_root"] = host + _API_PATHS[name]
        if name != "github":  # GitHub Enterprise logs in through an OAuth server: auth_url
            backend["base_url"] = host
    if editor.app_id:
        backend["app_id"] = editor.app_id
        if name in ("gitlab", "gitea"):
            backend["auth_type"] = "pkce"
        elif name == "bitbucket":
            backend["auth_type"] = "implicit"
    if editor.auth_url:
        backend["base_url"] = editor.auth_url.rstrip("/")
    return backend


def _widget(field: Field) -> dict:
    widget: dict = {"name": field.name, "label": _label(field.name), "required": False}
    if field.name == "channel":  # the first of the customer's: their whole review, as a card
        return {
            **widget,
            "label": "The review",
            "widget": "reviewwall-review",
            "hint": "The customer's own words and facts: shown as they are, never changed here.",
        }
    if field.customer:  # on the card above; kept in the file as it is
        return {"name": field.name, "widget": "hidden", "required": False}
    widget["hint"] = field.help
    if field.name == "thread":
        return {**widget, "widget": "reviewwall-thread"}
    if field.kind == "mapping":
        return {
            **widget,
            "widget": "object",
            "collapsed": False,
            "fields": [_widget(inner) for inner in field.fields],
        }
    if field.kind in ("choice", "choices"):
        widget.update(widget="select", options=list(field.choices))
        if field.kind == "choices":
            widget["multiple"] = True
        return widget
    if field.kind == "whole":
        return {
            **widget,
            "widget": "number",
            "value_type": "int",
            "min": field.low,
            "max": field.high,
        }
    if field.kind == "boolean":
        return {**widget, "widget": "boolean"}
    if field.kind == "day":
        # Written as the files have it, 2026-11-05: a date without a time.
        return {
            **widget,
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
        }
    if field.kind == "texts":
        return {**widget, "widget": "list"}
    return {**widget, "widget": "text"}


# What staff see above each field they can edit (the hint below it is the format's own help).
_LABELS = {
    "consent": "Consent",
    "withheld_reason": "Why it is withheld",
    "redact": "Words to mask on the site",
    "verified": "Matched to an order",
    "tags": "Tags",
    "thread": "What was said after the review",
    "outcome": "How the case ended",
    "status": "Status",
    "at": "The day it ended",
    "summary": "Summary",
    "actions": "What we did",
    "rating_after": "Rating after",
    "customer_said": "What the customer said at the end",
    "change": "What we changed",
}


def _label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " ").capitalize())


def _template(config: SiteConfig, name: str) -> bytes:
    """Return templates/admin/<name>: the project's own, else reviewwall's."""
    for folder in (config.templates_dir, BUILTIN_TEMPLATES):
        path = Path(folder) / "admin" / name
        if path.is_file():
            return path.read_bytes()
    raise FileNotFoundError(name)
