"""Open data (/reviews.json): exactly what the pages show, for anyone to reuse.

Built from Cases only, so it holds what a visitor can read and nothing more: no withheld review,
no private thread text, names as the pages show them, personal details masked. Every field is
documented in docs/pages/gives-back.md, "Open data"; VERSION changes when a field's
meaning does.
"""

from __future__ import annotations

import json

from ..read.config import SiteConfig
from .case import Case, Step

VERSION = 1
DATA_URL = "reviews.json"


def step_record(case: Case, step: Step) -> dict:
    """Return one thread entry as the case page shows it."""
    by = {"reply": step.who, "customer": case.author}.get(step.kind)
    record = {"type": step.kind, "at": step.iso, "by": by, "text": step.text}
    record["html"] = str(step.html)
    if step.kind == "private":
        record["note"] = step.note
    if step.edited_iso:
        record["edited"] = step.edited_iso
    return record


def case_record(config: SiteConfig, case: Case) -> dict:
    """Return one published case as a JSON-ready dict."""
    return {
        "id": case.id,
        "url": config.link(case.url),
        "received": case.received_iso,
        "updated": case.updated_iso,
        "channel": case.channel,
        "channel_label": case.channel_label,
        "kind": case.kind,
        "rating": case.rating,
        "author": case.author,
        "named": case.named,
        "verified": case.verified,
        "language": case.language,
        "title": case.title,
        "text": case.text,
        "tags": list(case.tags),
        "original_url": case.original_url,
        "thread": [step_record(case, step) for step in case.timeline],
        "outcome": {
            "status": case.status,
            "date": case.outcome_iso,
            "summary_html": str(case.outcome_html) or None,
            "actions": list(case.action_codes),
            "rating_after": case.rating_after,
            "customer_said": case.customer_said,
            "change_html": str(case.change_html) or None,
        },
    }


def render_open_data(config: SiteConfig, cases: list[Case]) -> bytes:
    """Return /reviews.json: the site and every published case, newest first."""
    newest = max((case.updated for case in cases), default=None)
    data = {
        "version": VERSION,
        "site": {
            "name": config.name,
            "url": config.site_url,
            "language": config.language,
        },
        "updated": newest.isoformat() if newest else None,
        "count": len(cases),
        "reviews": [case_record(config, case) for case in cases],
    }
    # One review per line: readable and diffable, and each line made by json's C encoder (an
    # indented dump is all Python, seconds at ten thousand reviews).
    head = json.dumps({**data, "reviews": []}, ensure_ascii=False)[: -len("[]}")]
    lines = ",\n".join(json.dumps(record, ensure_ascii=False) for record in data["reviews"])
    return f"{head}[\n{lines}\n]}}\n".encode()
