"""The two file formats as data: every field's name, kind, vocabulary, range and meaning.

The checks read fields by these definitions, and the JSON Schemas editors use are made from them
(`read/schema.py`), so what an editor underlines and what `reviewwall check` reports cannot drift.
Rules that span fields (a thread entry before the review, a name the text signs) stay in the checks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .review import (
    ACTIONS,
    CHANNELS,
    CONSENTS,
    KINDS,
    PRIVATE_VIA,
    SIDES,
    STATUSES,
    WITHHELD_REASONS,
)

NAME_STYLES = ("short", "full", "initials", "none")
# The kinds of git host whose file-history pages reviewwall knows how to link to.
REPOSITORY_HOSTS = ("github", "gitlab", "gitea", "bitbucket")
CHANNEL_NAME = r"^[a-z0-9][a-z0-9-]*$"
LANGUAGE_TAG = r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$"
# How the web editor at /admin/ reaches the repository: a git host's API, or Netlify's gateway.
EDITOR_BACKENDS = REPOSITORY_HOSTS + ("git-gateway",)
PUBLISH_MODES = ("simple", "editorial_workflow")


@dataclass(frozen=True)
class Field:
    """One field of a file.

    kind is one of: text, moment (ISO date or date-time), day, whole (a whole number from low to
    high), boolean, url, duration (24h, 90m, 2d), choice (one of choices), choices (a list of
    them), texts (a list of text), colour, zone (a time zone name), similarity (0.5 to 1, or
    false), mapping (the fields below), list (of mappings with the fields below), names (a mapping
    from a name to text), durations (a mapping from a channel to a duration).
    """

    name: str
    kind: str
    help: str
    required: bool = False
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    fields: tuple[Field, ...] = ()
    customer: bool = False  # the customer's own words or facts: shown by editors, never changed
    example: str | None = None
    noun: str | None = None  # what one value of a choice is called in messages: "unknown status"
    pattern: str | None = None  # a text's shape, or of a names mapping's names (JavaScript regex)

    def __getitem__(self, name: str) -> Field:
        return next(field for field in self.fields if field.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)


def _field(name: str, kind: str, help: str, **more) -> Field:
    return Field(name, kind, help, **more)


def _customer(name: str, kind: str, help: str, **more) -> Field:
    return Field(name, kind, help, customer=True, **more)


THREAD_ENTRY = Field(
    "thread",
    "list",
    "What was said after the review, oldest first: the business's replies, the switch to a "
    "private channel, the customer's follow-ups.",
    fields=(
        _field(
            "at",
            "moment",
            "When it was written: 2026-11-03T14:05 (the site's time zone) or with a zone.",
            required=True,
            example="2026-11-03T14:05",
        ),
        _field(
            "from",
            "choice",
            "Who wrote it: business (the default) or customer (their own words, as written).",
            choices=SIDES,
            noun="sender",
        ),
        _field("by", "text", "The name (and role) of the staff member who wrote it."),
        _field(
            "text",
            "text",
            "The words as published (Markdown); of a private entry, notes that are never "
            "published.",
        ),
        _field("private", "boolean", "true: the talk moved to a private channel here."),
        _field(
            "via",
            "choice",
            "Where a private talk went.",
            choices=PRIVATE_VIA,
            noun="private channel",
        ),
        _field(
            "summary",
            "text",
            "Of a private entry: what the public may know of it (Markdown).",
        ),
        _field(
            "edited",
            "day",
            "The day staff corrected this reply after it was published; never on a customer's "
            "words.",
        ),
    ),
)

OUTCOME = Field(
    "outcome",
    "mapping",
    "How the case ended, as far as it has.",
    fields=(
        _field("status", "choice", "Where the case stands; open until it ends.", choices=STATUSES),
        _field("at", "day", "The day the case ended: 2026-11-05.", example="2026-11-05"),
        _field("summary", "text", "What happened, in one or two sentences (Markdown)."),
        _field("actions", "choices", "What the business did.", choices=ACTIONS, noun="action"),
        _field(
            "rating_after", "whole", "The customer's rating after the case ended.", low=1, high=5
        ),
        _field("customer_said", "text", "What the customer said at the end, in their words."),
        _field("change", "text", "What the business changed so it does not happen again."),
    ),
)

REVIEW = Field(
    "review",
    "mapping",
    "One review: the customer's own words, every reply, and how the case ended.",
    fields=(
        _customer(
            "channel",
            "choice",
            "Where the customer spoke (site_config.yml can add channels).",
            required=True,
            choices=tuple(CHANNELS),
        ),
        _customer(
            "received",
            "moment",
            "When the customer wrote: 2026-11-03T14:05 (the site's time zone) or with a zone.",
            required=True,
            example="2026-11-03T14:05",
        ),
        _customer("author", "text", "The customer's name as given."),
        _customer("rating", "whole", "Stars given, if the channel has them.", low=1, high=5),
        _customer(
            "kind",
            "choice",
            "What the review is; required when there is no rating.",
            choices=KINDS,
        ),
        _customer(
            "language",
            "text",
            "Language tag of the customer's words, like nb, fi, sv or en; the site's if left out.",
            pattern=LANGUAGE_TAG,
        ),
        _customer("title", "text", "The review's title, if the channel has one."),
        _customer(
            "text",
            "text",
            "The customer's own words, verbatim; required when there is no rating.",
        ),
        _customer("url", "url", "Link to the original public post."),
        _field(
            "consent",
            "choice",
            "public (the default for public channels), anonymous (the default for private "
            "channels: shown without a name) or withheld (not published).",
            choices=CONSENTS,
        ),
        _field(
            "withheld_reason",
            "choice",
            "Why a withheld review is withheld.",
            choices=WITHHELD_REASONS,
            noun="reason",
        ),
        _field(
            "redact",
            "texts",
            "Words to mask on the site (a name the customer signed with); the file keeps them.",
        ),
        _field("verified", "boolean", "true: matched to a real order; false: no order found."),
        _field("tags", "texts", "Topics, like delivery or sizing."),
        THREAD_ENTRY,
        OUTCOME,
        _customer("source_id", "text", "The review's id on the platform it was imported from."),
    ),
)
# Fields that are required together: at least one of each group.
REVIEW_NEEDS_ONE_OF = (("text", "rating"), ("rating", "kind"))

CONFIG = Field(
    "site_config",
    "mapping",
    "site_config.yml: the one file a business edits.",
    fields=(
        _field("name", "text", "The business's name, at the top of every page."),
        _field("intro", "text", "A few words on the home page (Markdown)."),
        _field("policy_extra", "text", "Markdown added to the end of the review policy page."),
        _field("site_url", "url", "The address the site is published at."),
        _field("language", "text", "The site's language: en, nb, nn, sv, da or fi."),
        _field(
            "languages",
            "texts",
            "One site in several languages: the first at the root, the others under /<language>/ "
            "(like [nb, sv, fi, da]).",
        ),
        _field("timezone", "zone", "The time zone of dates without one, like Europe/Oslo."),
        _field("per_page", "whole", "Reviews on one wall page.", low=1, high=500),
        _field("logo", "text", "An image file beside site_config.yml, shown at the top."),
        _field(
            "colors",
            "mapping",
            "The site's colours.",
            fields=(
                _field("primary", "colour", "Header and links: '#1f4e5f'."),
                _field("accent", "colour", "Highlights: '#d9822b'."),
            ),
        ),
        _field("repository", "url", "The git repository the reviews live in (for history links)."),
        _field("repository_branch", "text", "The branch the site is built from."),
        _field(
            "repository_host",
            "choice",
            "The kind of git host, when its name does not tell.",
            choices=REPOSITORY_HOSTS,
            noun="repository host",
        ),
        _field("staff_name", "text", "Who signs a reply when `reviewwall reply` is given no --by."),
        _field(
            "channels",
            "names",
            "Channels of your own, or other names for the built-in ones.",
            pattern=CHANNEL_NAME,
        ),
        _field(
            "promise",
            "mapping",
            "How fast the business promises a first public reply.",
            fields=(
                _field("first_reply", "duration", "Like 24h, 90m or 2d."),
                _field(
                    "first_reply_per_channel", "durations", "Another promise for some channels."
                ),
            ),
        ),
        _field(
            "privacy",
            "mapping",
            "How customer names are shown and what is masked.",
            fields=(
                _field(
                    "names",
                    "choice",
                    "How a customer's name is shown.",
                    choices=NAME_STYLES,
                    noun="name style",
                ),
                _field(
                    "redact",
                    "list",
                    "Patterns to mask in published text, like order numbers.",
                    fields=(
                        _field("pattern", "text", "A regular expression.", required=True),
                        _field("label", "text", "What the masked text is called: ordrenummer."),
                    ),
                ),
            ),
        ),
        _field(
            "rules",
            "mapping",
            "The service rules `reviewwall check` warns about; each can be switched off.",
            fields=(
                _field("unanswered", "boolean", "Warn about reviews without a public reply."),
                _field("rule_of_two", "boolean", "Warn about a third public reply in one thread."),
                _field(
                    "canned_replies",
                    "similarity",
                    "How alike two replies may be before it warns (0.5 to 1), or false.",
                ),
                _field(
                    "silent_switch",
                    "boolean",
                    "Warn about a private switch without a public summary.",
                ),
            ),
        ),
        _field("labels", "names", "Your own words for any phrase on the site."),
        _field(
            "editor",
            "mapping",
            "The web editor at /admin/ (Decap CMS), for staff who do not use git.",
            fields=(
                _field(
                    "enabled",
                    "boolean",
                    "false: no /admin/ page. By default there is one when the repository's "
                    "host is known.",
                ),
                _field(
                    "backend",
                    "choice",
                    "How the editor reaches the repository; by default its host's kind.",
                    choices=EDITOR_BACKENDS,
                    noun="editor backend",
                ),
                _field(
                    "auth_url",
                    "url",
                    "GitHub and Bitbucket: the OAuth server staff log in through "
                    "(Decap's base_url).",
                ),
                _field(
                    "app_id",
                    "text",
                    "GitLab, Gitea, Bitbucket: the id of the OAuth application staff log in "
                    "with, in the browser (no server needed).",
                ),
                _field(
                    "publish_mode",
                    "choice",
                    "simple: saving commits to the branch; editorial_workflow: saving opens a "
                    "pull request that CI checks before it is merged.",
                    choices=PUBLISH_MODES,
                    noun="publish mode",
                ),
            ),
        ),
    ),
)
