"""Write a reply in the user's own editor, as `git commit` has a message written: a temporary file
with the review and the thread so far as `#` lines; what is left without them is the reply."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Mapping
from pathlib import Path

from ..read.config import SiteConfig
from ..read.problems import printable
from ..read.review import Review
from .roundtrip import EditError

# Tried in this order when neither EDITOR nor VISUAL is set: Debian's choice of the user's
# editor, then the two nearly every system has.
FALLBACK_EDITORS = ("sensible-editor", "nano", "vi")


def find_editor(environ: Mapping[str, str]) -> list[str] | None:
    """Return the command line of the editor to run: $EDITOR, $VISUAL, or one installed."""
    for name in ("EDITOR", "VISUAL"):
        value = environ.get(name, "").strip()
        if value:
            return shlex.split(value, posix=os.name != "nt")
    for name in FALLBACK_EDITORS:
        if found := shutil.which(name):
            return [found]
    return None


def compose(template: str, name: str, editor: list[str]) -> tuple[str, Path]:
    """Open the editor on a temporary file holding template; return the text without its `#`
    lines, and the file (left for the caller to delete once the text is safe)."""
    handle, temporary = tempfile.mkstemp(prefix=f"reviewwall-{name}-", suffix=".md")
    path = Path(temporary)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(template)
    try:
        finished = subprocess.run([*editor, str(path)], check=False)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise EditError(
            [f"error: the editor '{editor[0]}' cannot be started: {error.strerror or error}"]
        ) from None
    if finished.returncode != 0:
        path.unlink(missing_ok=True)
        raise EditError(
            [f"Aborted: the editor exited with status {finished.returncode}; nothing was written."]
        )
    return without_comments(path.read_text(encoding="utf-8")), path


def without_comments(text: str) -> str:
    """Return the text without lines starting with '#' and without blank lines around it."""
    kept = [line.rstrip() for line in text.splitlines() if not line.startswith("#")]
    return "\n".join(kept).strip("\n")


def reply_template(review: Review, config: SiteConfig) -> str:
    """Return what the editor opens on: an empty first line, then the case as `#` lines."""
    zone = config.timezone
    channel = config.channels.get(review.channel, review.channel)
    facts = [channel, f"{review.received.astimezone(zone):%Y-%m-%d %H:%M}"]
    if review.rating is not None:
        facts.append(f"rated {review.rating} of 5")
    who = f", by {review.author}" if review.author else ""
    lines = [
        "",
        "# Write the public reply above, in Markdown, as it will stand on the site. Lines that",
        "# start with '#' are left out; an empty reply stops here, and nothing is written.",
        "#",
        f"# {review.path}",
        f"# {', '.join(facts)}{who}:",
    ]
    if review.title:
        lines += _quoted(f"Title: {review.title}", "  ")
    lines += _quoted(review.text or "(a rating without words)", "  ")
    if review.thread:
        lines += ["#", "# The thread so far:"]
    public = 0
    for entry in review.thread:
        when = f"{entry.at.astimezone(zone):%Y-%m-%d %H:%M}"
        if entry.private:
            lines.append(f"#   {when}, continued privately ({entry.via}):")
            lines += _quoted(entry.summary or "(no summary)", "    ")
        elif entry.side == "customer":
            lines.append(f"#   {when}, the customer:")
            lines += _quoted(entry.text, "    ")
        else:
            public += 1
            lines.append(f"#   {when}, {entry.by or config.name} (public reply {public} of 2):")
            lines += _quoted(entry.text, "    ")
    if public >= 2:
        lines += [
            "#",
            f"# This would be public reply {public + 1}; the rule of two allows two. To continue",
            "# privately instead:",
            f"#   reviewwall private {review.id} --via email --summary '…'",
        ]
    return "\n".join(lines) + "\n"


def _quoted(text: str, indent: str) -> list[str]:
    lines = []
    for paragraph in text.splitlines() or [""]:
        wrapped = textwrap.wrap(printable(paragraph), 96 - len(indent)) or [""]
        lines += [f"# {indent}{line}".rstrip() for line in wrapped]
    return lines
