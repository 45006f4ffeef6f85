"""site_config.yml: the one file a business edits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .fields import FieldReader, shown
from .format import CONFIG
from .logo import read_logo
from .problems import Problems, not_utf8, unreadable
from .review import CHANNELS
from .sections import (
    NEEDS_APP_ID,
    EditorConfig,
    PrivacyConfig,
    PromiseConfig,
    RedactPattern,
    RulesConfig,
    read_editor,
    read_privacy,
    read_promise,
    read_repository,
    read_rules,
    repository_host_of,
)
from .yamltree import Node, YamlError, parse_yaml

__all__ = ["CONFIG_FILE", "RedactPattern", "SiteConfig", "read_config", "repository_host_of"]

CONFIG_FILE = "site_config.yml"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass
class SiteConfig:
    """Everything site_config.yml can say, with the defaults a new user gets."""

    root: Path
    name: str = "Customer reviews"
    intro: str = ""
    policy_extra: str = ""  # Markdown added to the end of the policy page
    site_url: str | None = None
    language: str = "en"
    # Every language the site is built in, its own first; one unless `languages:` says more.
    languages: tuple[str, ...] = ()
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    per_page: int = 20
    logo: str | None = None
    primary_colour: str = "#1f4e5f"
    accent_colour: str = "#d9822b"
    repository: str | None = None
    repository_branch: str = "main"
    # github, gitlab, gitea or bitbucket: set in site_config.yml, or known from the host's name;
    # None when neither says, and case pages then link to no history.
    repository_host: str | None = None
    staff_name: str | None = None  # who signs a reply when `reviewwall reply` is given no --by
    channels: dict[str, str] = field(default_factory=lambda: dict(CHANNELS))
    promise: PromiseConfig = field(default_factory=PromiseConfig)
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    rules: RulesConfig = field(default_factory=RulesConfig)
    labels: dict[str, str] = field(default_factory=dict)
    label_lines: dict[str, int] = field(default_factory=dict)  # where each override was set
    lines: dict[str, int] = field(default_factory=dict)  # where each top-level key was set
    editor: EditorConfig = field(default_factory=EditorConfig)

    @property
    def all_languages(self) -> tuple[str, ...]:
        """Return every language the site is built in, its own first."""
        return self.languages or (self.language,)

    @property
    def editor_backend(self) -> str | None:
        """Return how /admin/ reaches the repository, or None when the site has no /admin/."""
        if self.editor.enabled is False:
            return None
        backend = self.editor.backend or self.repository_host
        if backend in NEEDS_APP_ID and not (self.editor.app_id or self.editor.asked):
            return None  # these hosts need an OAuth application first: on only when set up
        return backend

    @property
    def reviews_dir(self) -> Path:
        return self.root / "reviews"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def link(self, url: str) -> str:
        """Return a site URL absolute when site_url is set, else as given (relative to the root)."""
        return (self.site_url or "") + url


_TOP = CONFIG.names


def read_config(root: Path) -> tuple[SiteConfig, Problems]:
    """Read site_config.yml under root; every problem is reported, defaults fill the rest."""
    problems = Problems()
    config = SiteConfig(root=root)
    path = root / CONFIG_FILE
    if not path.exists():
        problems.error(
            CONFIG_FILE, 1, "not found; every site needs one (see docs/pages/site-config.md)"
        )
        return config, problems
    try:
        data = path.read_bytes()
        tree = parse_yaml(data.decode("utf-8"))
    except OSError as error:
        reason = unreadable(error)
        problems.error(CONFIG_FILE, 1, f"cannot be read: {reason}")
        return config, problems
    except UnicodeDecodeError as error:
        not_utf8(problems, CONFIG_FILE, data, error)
        return config, problems
    except YamlError as error:
        hint = ""
        if "escape character" in error.message:  # a regular expression in double quotes
            hint = "; in double quotes a backslash starts an escape: write it in single quotes"
        problems.error(CONFIG_FILE, error.line, error.message + hint)
        return config, problems
    if tree is None:
        return config, problems
    fields = FieldReader(CONFIG_FILE, problems, UTC)
    top = fields.mapping(tree, "site_config")
    if top is None:
        return config, problems
    fields.warn_unknown(top, _TOP)
    config.lines = {key: node.key_line or node.line for key, node in top.items()}
    _read_top(fields, top, config)
    if "promise" in top and (promise := fields.mapping(top["promise"], "promise")):
        read_promise(fields, promise, config)
    if "privacy" in top and (privacy := fields.mapping(top["privacy"], "privacy")):
        read_privacy(fields, privacy, config)
    if "rules" in top and (rules := fields.mapping(top["rules"], "rules")):
        read_rules(fields, rules, config)
    if "editor" in top and (editor := fields.mapping(top["editor"], "editor")):
        read_editor(fields, editor, top["editor"], config)
    return config, problems


def _read_top(fields: FieldReader, top: dict[str, Node], config: SiteConfig) -> None:
    for key in (
        "name",
        "intro",
        "policy_extra",
        "language",
        "repository_branch",
        "staff_name",
    ):
        if key in top and (value := fields.text(top[key], key)):
            setattr(config, key, value)
    if "site_url" in top and (value := fields.url(top["site_url"], "site_url")):
        config.site_url = value.rstrip("/") + "/"
    if "logo" in top:
        config.logo = read_logo(fields, top["logo"], config.root, CONFIG_FILE)
    _read_languages(fields, top, config)
    read_repository(fields, top, config)
    if "per_page" in top and (number := fields.read(CONFIG["per_page"], top["per_page"])):
        config.per_page = number
    if "timezone" in top and (zone := fields.text(top["timezone"], "timezone")):
        try:
            config.timezone = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            fields.error(
                top["timezone"],
                "timezone",
                f"unknown time zone {shown(top['timezone'])}; expected a name like Europe/Oslo",
            )
    if "colors" in top and (colours := fields.mapping(top["colors"], "colors")):
        fields.warn_unknown(colours, CONFIG["colors"].names, "colors.")
        for key in ("primary", "accent"):
            if key in colours and (value := fields.text(colours[key], f"colors.{key}")):
                if _HEX_COLOUR.fullmatch(value):
                    setattr(config, f"{key}_colour", value)
                else:
                    fields.error(
                        colours[key],
                        f"colors.{key}",
                        f"expected a colour like '#1f4e5f', got {shown(colours[key])}",
                    )
    for key in ("channels", "labels"):
        if key in top and (mapping := fields.mapping(top[key], key)):
            for name, node in mapping.items():
                if key == "channels":
                    _check_channel_name(fields, name, node)
                if (label := fields.text(node, f"{key}.{name}")) is not None:
                    getattr(config, key)[name] = label
                    if key == "labels":
                        config.label_lines[name] = node.key_line or node.line


def _read_languages(fields: FieldReader, top: dict[str, Node], config: SiteConfig) -> None:
    """`languages: [nb, sv]` makes nb the site's language, unless `language:` says another."""
    if "languages" not in top:
        config.languages = (config.language,)
        return
    listed = tuple(dict.fromkeys(fields.read(CONFIG["languages"], top["languages"])))
    if not listed:
        config.languages = (config.language,)
        return
    if "language" in top and config.language != listed[0]:
        fields.error(
            top["language"],
            "language",
            f"'{config.language}' is not the first of languages ({', '.join(listed)}), which is "
            "the site's own language; leave language out, or put it first there",
        )
    config.language = listed[0]
    config.languages = listed


def _check_channel_name(fields: FieldReader, name: str, node: Node) -> None:
    if re.fullmatch(pattern := CONFIG["channels"].pattern, name):
        return
    slug = re.sub(r"[\s_]+", "-", name.strip().lower())
    hint = f"; did you mean '{slug}'?" if re.fullmatch(pattern, slug) else ""
    fields.problems.error(
        fields.path,
        node.key_line or node.line,
        f"channels: '{name}' is not a channel name; use lowercase letters, digits and "
        f"hyphens{hint}",
    )
