"""The business's logo (`logo:` in site_config.yml): an image file of the project's own, which the
site publishes and shows in every header and as the favicon."""

from __future__ import annotations

from pathlib import Path

from .fields import FieldReader, shown
from .problems import unreadable
from .yamltree import Node

LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico")


def read_logo(fields: FieldReader, node: Node, root: Path, config_file: str) -> str | None:
    """A logo named but not there is an error: the site would quietly go without it. It is
    published, so it must be an image of the project's own, not any file the path reaches."""
    if (name := fields.text(node, "logo")) is None:
        return None
    root = root.resolve()
    if Path(name).is_absolute() or not (root / name).resolve().is_relative_to(root):
        where = f"beside {config_file} or in a folder below it"
        fields.error(node, "logo", f"{shown(node)} is outside the project; name an image {where}")
        return None
    try:
        (root / name).open("rb").close()
    except OSError as error:
        reason = unreadable(error)
        message = f"cannot read {shown(node)} ({reason}); name an image file beside {config_file}"
        fields.error(node, "logo", message + ", or leave logo out")
        return None
    if Path(name).suffix.lower() not in LOGO_SUFFIXES:
        expected = ", ".join(LOGO_SUFFIXES[:-1]) + f" or {LOGO_SUFFIXES[-1]}"
        fields.error(
            node, "logo", f"{shown(node)} is not an image; expected a name ending in {expected}"
        )
        return None
    return name
