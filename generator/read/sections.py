"""The sections of site_config.yml with settings of their own: promise, privacy, rules, editor.

Each has its dataclass, with the defaults a new user gets, and its reader; config.py reads the
top of the file and hands each section here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from .fields import FieldReader, shown
from .format import CONFIG
from .yamltree import Node

if TYPE_CHECKING:
    from .config import SiteConfig

# Git hosts whose logins the web editor can only make through an OAuth application of the site's.
NEEDS_APP_ID = ("gitea", "bitbucket")


@dataclass(frozen=True)
class RedactPattern:
    """A site-specific pattern to mask in published text (order numbers, accounts)."""

    pattern: re.Pattern
    label: str


@dataclass
class PromiseConfig:
    """How fast the business promises a first public reply."""

    first_reply: timedelta = timedelta(hours=24)
    first_reply_per_channel: dict[str, timedelta] = field(default_factory=dict)

    def first_reply_for(self, channel: str) -> timedelta:
        return self.first_reply_per_channel.get(channel, self.first_reply)


@dataclass
class PrivacyConfig:
    """How customer names are shown and what is masked."""

    names: str = "short"
    redact: tuple[RedactPattern, ...] = ()


@dataclass
class RulesConfig:
    """The service rules `reviewwall check` warns about; each can be switched off."""

    unanswered: bool = True
    rule_of_two: bool = True
    canned_replies: float | None = 0.85  # similarity from 0 to 1; None is off
    silent_switch: bool = True


@dataclass
class EditorConfig:
    """The web editor at /admin/: whether there is one, and how it reaches the repository."""

    enabled: bool | None = None  # None: there is one when the backend is known
    backend: str | None = None  # None: the repository's host's kind
    auth_url: str | None = None
    app_id: str | None = None
    publish_mode: str = "simple"
    asked: bool = False  # site_config.yml has an editor: section: the business wants one


def read_promise(fields: FieldReader, promise: dict[str, Node], config: SiteConfig) -> None:
    fields.warn_unknown(promise, CONFIG["promise"].names, "promise.")
    if "first_reply" in promise and (
        value := fields.duration(promise["first_reply"], "promise.first_reply")
    ):
        config.promise.first_reply = value
    per_channel = promise.get("first_reply_per_channel")
    if per_channel is not None and (
        mapping := fields.mapping(per_channel, "promise.first_reply_per_channel")
    ):
        for channel, node in mapping.items():
            name = f"promise.first_reply_per_channel.{channel}"
            if channel not in config.channels:
                fields.error(node, name, "not a channel; add it under 'channels' first")
            elif (value := fields.duration(node, name)) is not None:
                config.promise.first_reply_per_channel[channel] = value


def read_privacy(fields: FieldReader, privacy: dict[str, Node], config: SiteConfig) -> None:
    fields.warn_unknown(privacy, CONFIG["privacy"].names, "privacy.")
    if "names" in privacy and (
        style := fields.read(CONFIG["privacy"]["names"], privacy["names"], "privacy.names")
    ):
        config.privacy.names = style
    patterns = []
    for i, item in enumerate(fields.items(privacy.get("redact", Node(None, 0)), "privacy.redact")):
        name = f"privacy.redact[{i + 1}]"
        entry = fields.mapping(item, name)
        if entry is None:
            continue
        fields.warn_unknown(entry, CONFIG["privacy"]["redact"].names, f"{name}.")
        pattern = fields.text(entry.get("pattern", Node(None, item.line)), f"{name}.pattern")
        label = fields.text(entry.get("label", Node(None, item.line)), f"{name}.label") or "number"
        if pattern is None:
            fields.error(item, name, "needs a 'pattern' (a regular expression)")
            continue
        try:
            patterns.append(RedactPattern(re.compile(pattern), label))
        except re.error as error:
            fields.error(
                entry["pattern"], f"{name}.pattern", f"not a valid regular expression: {error}"
            )
    config.privacy.redact = tuple(patterns)


def read_rules(fields: FieldReader, rules: dict[str, Node], config: SiteConfig) -> None:
    fields.warn_unknown(rules, CONFIG["rules"].names, "rules.")
    for key in ("unanswered", "rule_of_two", "silent_switch"):
        if key in rules and (value := fields.boolean(rules[key], f"rules.{key}")) is not None:
            setattr(config.rules, key, value)
    node = rules.get("canned_replies")
    if node is None or node.kind == "empty":
        return
    value = str(node.value).strip().lower() if node.kind == "text" else ""
    if value in ("false", "no", "off"):
        config.rules.canned_replies = None
    elif value in ("true", "yes", "on"):
        config.rules.canned_replies = RulesConfig.canned_replies
    elif re.fullmatch(r"0?\.\d+|1(\.0*)?", value) and float(value) >= 0.5:
        config.rules.canned_replies = float(value)
    else:
        fields.error(
            node,
            "rules.canned_replies",
            f"expected a similarity from 0.5 to 1.0 (like 0.85) or false, got {shown(node)}",
        )


def read_editor(
    fields: FieldReader, editor: dict[str, Node], node: Node, config: SiteConfig
) -> None:
    definition = CONFIG["editor"]
    config.editor.asked = True
    fields.warn_unknown(editor, definition.names, "editor.")
    for key in definition.names:
        if key in editor and (value := fields.read(definition[key], editor[key], f"editor.{key}")):
            setattr(config.editor, key, value)
    if "enabled" in editor and fields.read(definition["enabled"], editor["enabled"]) is False:
        config.editor.enabled = False
        return
    backend = config.editor_backend
    if backend is None:
        fields.error(
            node,
            "editor",
            "the web editor needs to know where the reviews are: set repository (on "
            "GitHub, GitLab, Gitea or Bitbucket), or editor.backend: git-gateway",
        )
        return
    if backend != "git-gateway" and config.repository is None:
        fields.error(
            node, "editor", f"the {backend} backend needs repository: the address of the reviews"
        )
    if backend in NEEDS_APP_ID and config.editor.app_id is None:
        fields.error(
            node,
            "editor.app_id",
            f"missing; staff log in to {backend.capitalize()} through an OAuth application: "
            "give its client id",
        )
