"""The review and moderation policy page (/policy/), generated from site_config.yml.

EU rules (the Omnibus Directive) ask a business to say how it handles reviews and whether and how
it checks that they come from real customers. Generating the page from the settings the site is
built with keeps the policy and the practice from drifting apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from ..check.privacy import display_name
from ..read.config import SiteConfig
from ..read.review import CHANNELS, PRIVATE_CHANNELS
from ..words.dates import site_dates
from ..words.labels import Labels, channel_labels
from .case import Case
from .markup import render_markdown
from .pages import HIDE, describe
from .renderer import Page, Renderer

POLICY_URL = "policy/"


@dataclass
class Policy:
    """The policy page's sentences, worked out from the settings and the published cases."""

    words: Labels
    intro: str
    channels: list[str]
    private: str | None
    names: str
    anonymous: str
    masked: str
    verified: str
    verified_count: str
    promise: str
    promise_per_channel: list[str]
    repository: str | None
    extra: Markup = field(default_factory=Markup)


def list_words(items: list[str], words: Labels) -> str:
    """Return 'a, b and c' in the site's language."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {words['and']} {items[-1]}"


def names_sentence(style: str, words: Labels) -> str:
    """Return how names are shown, with an example made by the same code the pages use."""
    example = words["policy_example_name"]
    shown = display_name(example, style, "public") or words["anonymous"]
    return words.say(f"policy_names_{style}", example=example, shown=shown)


def collected_channels(config: SiteConfig, received: set[str]) -> list[str]:
    """Return the channels the site collects, in the config's order.

    That is every channel a review came from (withheld ones too), and every channel the site
    added to the built-in list or gave its own reply promise.
    """
    wanted = received | set(config.promise.first_reply_per_channel)
    wanted |= {name for name in config.channels if name not in CHANNELS}
    return [name for name in config.channels if name in wanted]


def in_sentence(name: str, label: str, config: SiteConfig) -> str:
    """Return a channel's label as a sentence says it: a built-in word channel in lower case
    ('e-post', 'web form'); brands and the site's own labels as written."""
    if name in PRIVATE_CHANNELS and config.channels.get(name) == CHANNELS.get(name):
        return label[:1].lower() + label[1:]
    return label


def make_policy(
    config: SiteConfig, labels: Labels, cases: list[Case], received_channels: set[str]
) -> Policy:
    """Return the policy for a site: its channels, name style, masks, promise and checks."""
    words = labels
    duration = site_dates(config).duration
    channels = collected_channels(config, received_channels)
    labelled = channel_labels(config.channels, labels)
    private = [
        in_sentence(name, labelled[name], config) for name in channels if name in PRIVATE_CHANNELS
    ]
    masked = [words["policy_emails"], words["policy_phones"]]
    masked += [pattern.label for pattern in config.privacy.redact]
    return Policy(
        words=words,
        intro=words.say("policy_intro", name=config.name),
        channels=[labelled[name] for name in channels],
        private=words.say("policy_private", channels=list_words(private, words))
        if private
        else None,
        names=names_sentence(config.privacy.names, words),
        anonymous=words.say("policy_anonymous", anonymous=words["anonymous"]),
        masked=words.say("policy_masked", items=list_words(masked, words)),
        verified=words.say(
            "policy_verified", verified=words["verified"], unverified=words["unverified"]
        ),
        verified_count=words.say(
            "policy_verified_count",
            published=len(cases),
            verified=sum(1 for case in cases if case.verified is True),
            unverified=sum(1 for case in cases if case.verified is False),
            verified_label=words["verified"],
            unverified_label=words["unverified"],
        ),
        promise=words.say("policy_promise", duration=duration(config.promise.first_reply)),
        promise_per_channel=[
            f"{labelled.get(name, name)}: {duration(delay)}"
            for name, delay in config.promise.first_reply_per_channel.items()
        ],
        repository=config.repository,
        extra=render_markdown(config.policy_extra),
    )


def render_policy(
    config: SiteConfig,
    labels: Labels,
    renderer: Renderer,
    cases: list[Case],
    received_channels: set[str],
) -> Page:
    """Return the policy page."""
    policy = make_policy(config, labels, cases, received_channels)
    return renderer.page(
        "policy.html",
        POLICY_URL + "index.md",
        POLICY_URL,
        labels["policy"],
        describe(policy.intro),
        meta={"hide": HIDE},
        policy=policy,
        words=policy.words,
    )
