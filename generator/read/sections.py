"""The sections of site_config.yml with settings of their own: promise, privacy, rules, editor,
and the repository the editor and the case pages link to.

Each has its dataclass, with the defaults a new user gets, and its reader; config.py reads the
top of the file and hands each section here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .fields import FieldReader, shown
from .format import CONFIG, REPOSITORY_HOSTS
from .problems import did_you_mean
from .yamltree import Node

if TYPE_CHECKING:
    from .config import SiteConfig

# Git hosts whose logins the web editor can only make through an OAuth application of the site's.
NEEDS_APP_ID = ("gitea", "bitbucket")
_KNOWN_HOSTS = {
    "github.com": "github",
    "gitlab.com": "gitlab",
    "codeberg.org": "gitea",
    "bitbucket.org": "bitbucket",
}
# Self-hosted servers often carry their software's name: gitlab.example.no, forgejo.example.se.
_HOST_NAME_HINTS = (("gitlab", "gitlab"), ("gitea", "gitea"), ("forgejo", "gitea"))


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
                hint = did_you_mean(channel, config.channels) or (
                    "; a channel of your own goes under 'channels' first"
                )
                allowed = ", ".join(config.channels)
                fields.error(
                    node, name, f"unknown channel '{channel}'; expected one of: {allowed}{hint}"
                )
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
        given = entry.get("pattern", Node(None, item.line))
        pattern = fields.text(given, f"{name}.pattern")
        label = fields.text(entry.get("label", Node(None, item.line)), f"{name}.label") or "number"
        if given.kind == "empty":
            fields.error(
                given,
                f"{name}.pattern",
                "missing; each entry needs a pattern (a regular expression) and may have a label",
            )
        if pattern is None:
            continue
        try:
            patterns.append(RedactPattern(re.compile(pattern), label))
        except re.error as error:
            where = f" at character {error.pos + 1}" if error.pos is not None else ""
            fields.error(
                given,
                f"{name}.pattern",
                f"'{pattern}' is not a valid regular expression: {error.msg}{where}",
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


def read_repository(fields: FieldReader, top: dict[str, Node], config: SiteConfig) -> None:
    """Read where the review files live (repository) and the kind of host it is on."""
    setting = top.get("repository_host", Node(None, 0))
    if setting.kind != "empty":
        config.repository_host = fields.read(CONFIG["repository_host"], setting)
    if "repository" not in top or not (value := fields.url(top["repository"], "repository")):
        return
    # The address people copy may be the clone URL: https://github.com/shop/reviews.git/
    config.repository = value.rstrip("/").removesuffix(".git").rstrip("/")
    if setting.kind != "empty":
        return
    config.repository_host = repository_host_of(config.repository)
    if config.repository_host is None:
        # Never guess: a link in the wrong shape would send visitors to a "page not found".
        kinds = ", ".join(REPOSITORY_HOSTS[:-1]) + f" or {REPOSITORY_HOSTS[-1]}"
        fields.problems.warn(
            fields.path,
            top["repository"].line,
            f"repository: {urlsplit(config.repository).hostname} is not a host reviewwall "
            "knows, so case pages leave out the link to their file's history; set "
            f"repository_host to {kinds}",
        )


def repository_host_of(url: str) -> str | None:
    """Return the kind of git host an address is on, as far as its host name tells."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if host in _KNOWN_HOSTS:
        return _KNOWN_HOSTS[host]
    return next((kind for hint, kind in _HOST_NAME_HINTS if hint in host), None)
