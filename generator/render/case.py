"""A Case is what the site publishes of a review: privacy applied, text escaped, words ready.

Templates receive Cases, never Reviews, so a template cannot show what must not be published:
withheld reviews have no Case, private thread text never enters one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from urllib.parse import quote

from markupsafe import Markup, escape

from ..check.privacy import REDACTED, display_name, patterns_for, redact
from ..measure.figures import days_to_outcome
from ..read.config import SiteConfig
from ..read.review import Review
from ..words.dates import DateFormatter, iso, site_dates
from ..words.labels import Labels, channel_labels
from .markup import excerpt, markdown_to_text, render_markdown, render_plain

# A file's history on each kind of git host, as that host's own "History" button links to it.
# Bitbucket Cloud documents no web URL scheme; its file page's History button opens
# <repository>/history-node/<ref>/<path>, and tools such as d4rkr00t/vscode-open-in-github
# (src/history.ts, formatBitbucketHistoryUrl) link `history-node/<branch>/<path>` the same way.
HISTORY_URL = {
    "github": "{repository}/commits/{branch}/{path}",
    "gitlab": "{repository}/-/commits/{branch}/{path}",
    "gitea": "{repository}/commits/branch/{branch}/{path}",  # Codeberg, Forgejo too
    "bitbucket": "{repository}/history-node/{branch}/{path}",
}
# A review without a title is headed by its first words, cut at a word near this many characters.
HEADLINE_LENGTH = 60


@dataclass
class Step:
    """One moment in a case's timeline after the review itself."""

    kind: str  # 'reply', 'customer' or 'private'
    when: str
    iso: str
    who: str
    after: str | None = None
    html: Markup = Markup("")
    note: str | None = None
    text: str = ""  # what html says, as plain text (feeds, open data, JSON-LD)
    edited: str | None = None  # "edited on 22 Nov 2026": staff corrected it after publishing
    edited_iso: str | None = None


@dataclass
class Case:
    """The published view of one review."""

    id: str
    url: str
    path: str
    title_line: str  # "Never arrived · Complaint on Google, Nov 3, 2026": <title>, feed, links
    headline: str  # the review's own title, or its first words
    no_words: str | None  # "Rated 4★ without a comment", for a rating without words
    about: str  # "Complaint on Google, Nov 3, 2026"
    about_html: Markup  # the same, its date a <time> that never breaks across lines
    author: str
    named: bool
    rating: int | None
    stars_label: str | None
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    received: datetime
    received_label: str
    received_iso: str
    language: str
    title: str | None
    text_html: Markup
    text_excerpt: str
    verified: bool | None
    tags: tuple[str, ...]
    original_url: str | None
    status: str
    status_label: str
    has_outcome: bool  # False for praise without one: no "open" badge on a thank-you
    history_url: str | None = None  # the review file's history in the site's repository
    first_reply_excerpt: str | None = None
    first_reply_by: str | None = None
    first_reply_after: str | None = None
    first_reply_delay: str | None = None  # "47 minutes"
    first_reply_in: str | None = None  # "after 47 minutes", as the case summary says it
    public_replies: int = 0
    timeline: list[Step] = field(default_factory=list)
    outcome_html: Markup = Markup("")
    outcome_date: str | None = None
    actions: list[str] = field(default_factory=list)
    actions_line: str = ""  # "Apology, redelivery"
    rating_after: int | None = None
    rating_after_label: str | None = None
    # How the case stands, in words: "Resolved in 2 days" (status_line), and on cards with what
    # was done, "Resolved in 2 days · refund" (ending). None for praise that needs no outcome.
    status_line: str | None = None
    ending: str | None = None
    customer_said: str | None = None
    change_html: Markup = Markup("")
    updated_iso: str = ""
    # Plain and machine-readable twins of the above, for the feed, open data and JSON-LD.
    text: str = ""
    updated: datetime | None = None
    outcome_iso: str | None = None
    action_codes: tuple[str, ...] = ()


class CaseMaker:
    """Builds Cases for one site: its privacy rules, language and labels."""

    def __init__(self, config: SiteConfig, labels: Labels):
        self.config = config
        self.labels = labels
        self.dates = site_dates(config)
        self.site_patterns = tuple(config.privacy.redact)
        self.patterns = self.site_patterns  # the site's, and the review's own (set in make)
        self.masks = {
            "e-mail": labels["masked_email"],
            "phone number": labels["masked_phone"],
            "other": labels["masked_other"],
            REDACTED: labels["masked_word"],
        }
        self.channel_labels = channel_labels(config.channels, labels)

    def clean(self, text: str | None) -> str | None:
        return redact(text, self.patterns, self.masks) if text else text

    def last_moved(self, review: Review) -> datetime:
        """Return when the case last moved: a reply, a private switch, or the outcome's day."""
        moments = [review.last_activity]
        if review.outcome.at:
            # The outcome has a day, not a time: its start in the site's zone, so a case resolved
            # on a later day than its last reply moves forward in feeds.
            moments.append(datetime.combine(review.outcome.at, time(), self.config.timezone))
        return max(moments)

    def history_url(self, review: Review) -> str | None:
        """Return the review file's history on the site's git host; None when it is unknown."""
        shape = HISTORY_URL.get(self.config.repository_host or "")
        if not self.config.repository or shape is None:
            return None
        return shape.format(
            repository=self.config.repository,
            branch=quote(self.config.repository_branch),
            path=quote(review.path),
        )

    def make(self, review: Review) -> Case:
        """Return the Case for a review that may be published."""
        # The review's own redact: list masks words (a signed name) in everything it publishes.
        self.patterns = (
            patterns_for(review, self.site_patterns) if review.redact else self.site_patterns
        )
        say = self.labels.say
        name = display_name(review.author, self.config.privacy.names, review.consent, self.patterns)
        channel_label = self.channel_labels.get(review.channel, review.channel)
        kind_label = self.labels[f"kind_{review.kind}"]
        received_label = self.dates.day(review.received)
        received_iso = iso(review.received)
        text = self.clean(review.text)
        title = self.clean(review.title)
        # A rating without words is a review: it says so, where its words would stand.
        no_words = None if text else say("rated_without_comment", rating=review.rating)
        headline = excerpt(title if title and title.strip() else text or no_words, HEADLINE_LENGTH)
        about = say("case_title", kind=kind_label, channel=channel_label, date=received_label)
        updated = self.last_moved(review)
        case = Case(
            id=review.id,
            url=f"reviews/{review.id}/",
            path=review.path,
            title_line=f"{headline} · {about}",
            headline=headline,
            no_words=no_words,
            about=about,
            about_html=Markup(escape(self.labels["case_title"])).format(
                kind=kind_label,
                channel=channel_label,
                date=Markup('<time class="rw-nowrap" datetime="{}">{}</time>').format(
                    received_iso, received_label
                ),
            ),
            author=name or self.labels["anonymous"],
            named=name is not None,
            rating=review.rating,
            stars_label=say("stars", rating=review.rating) if review.rating else None,
            kind=review.kind,
            kind_label=kind_label,
            channel=review.channel,
            channel_label=channel_label,
            received=review.received,
            received_label=received_label,
            received_iso=received_iso,
            language=review.language,
            title=title,
            text_html=render_plain(text),
            text_excerpt=excerpt(text),
            verified=review.verified,
            tags=tuple(self.clean(tag) for tag in review.tags),
            original_url=review.url if review.consent == "public" else None,
            history_url=self.history_url(review),
            status=review.status,
            status_label=self.labels[f"status_{review.status}"],
            has_outcome=review.has_outcome,
            public_replies=len(review.public_replies),
            updated_iso=iso(updated),
            text=text,
            updated=updated,
        )
        self._add_thread(case, review)
        self._add_outcome(case, review)
        self._add_ending(case, review)
        return case

    def _add_thread(self, case: Case, review: Review) -> None:
        say = self.labels.say
        previous = review.received
        first = True
        for entry in review.thread:
            step = Step(kind="reply", when=self.dates.moment(entry.at), iso=iso(entry.at), who="")
            if entry.private:
                step.kind = "private"
                via = self.labels.get(f"via_{entry.via}", entry.via or "")
                step.note = say("continued_privately", via=via, date=self.dates.day(entry.at))
                step.html = render_markdown(self.clean(entry.summary))
                step.text = markdown_to_text(self.clean(entry.summary))
            elif entry.side == "customer":
                step.kind = "customer"
                step.who = say("customer_followed_up", name=case.author)
                step.html = render_plain(self.clean(entry.text))
                step.text = self.clean(entry.text)
            else:
                step.who = self.clean(entry.by) or self.config.name
                delay = self.dates.duration(entry.at - (review.received if first else previous))
                step.after = say("answered_after" if first else "replied_after", duration=delay)
                reply = self.clean(entry.text)
                step.html = render_markdown(reply)
                step.text = markdown_to_text(reply)
                if first:
                    case.first_reply_excerpt = excerpt(step.text, 220)
                    case.first_reply_by = step.who
                    case.first_reply_after = step.after
                    case.first_reply_delay = delay
                    case.first_reply_in = say("summary_after", duration=delay)
                first = False
            if entry.edited:
                step.edited = say("edited_on", date=self.dates.day(entry.edited))
                step.edited_iso = iso(entry.edited)
            previous = entry.at
            case.timeline.append(step)

    def _add_outcome(self, case: Case, review: Review) -> None:
        outcome = review.outcome
        case.outcome_html = render_markdown(self.clean(outcome.summary))
        case.outcome_date = self.dates.day(outcome.at) if outcome.at else None
        case.actions = [self.labels[f"action_{action}"] for action in outcome.actions]
        case.actions_line = ", ".join(case.actions[:1] + [_lower(a) for a in case.actions[1:]])
        case.action_codes = outcome.actions
        case.outcome_iso = iso(outcome.at) if outcome.at else None
        case.rating_after = outcome.rating_after
        if outcome.rating_after:
            case.rating_after_label = self.labels.say("stars", rating=outcome.rating_after)
        case.customer_said = self.clean(outcome.customer_said)
        case.change_html = render_markdown(self.clean(outcome.change))

    def _add_ending(self, case: Case, review: Review) -> None:
        """Say how the case stands: the status, how long it took, and what was done.

        An open case says when it was answered, or since when it waits: a date, not "for 5 days",
        so a static page stays true on the days nobody builds the site.
        """
        if not review.has_outcome:
            return
        say, status = self.labels.say, review.status
        if status == "open" and case.first_reply_delay is not None:
            answered = say("ending_answered", duration=case.first_reply_delay)
            line = f"{case.status_label} · {answered}"
        elif status == "open" and any(step.kind == "private" for step in case.timeline):
            line = f"{case.status_label} · {self.labels['ending_private']}"
        elif status == "open":
            # No break inside the date, wherever the line wraps.
            line = say("ending_unanswered", date=case.received_label.replace(" ", "\u00a0"))
        elif review.outcome.at:
            days = days_to_outcome(review, self.config)
            if days.days > 0:
                line = say(f"ending_{status}", duration=say_days(self.dates, days))
            else:
                line = self.labels[f"ending_{status}_same_day"]
        else:
            line = case.status_label
        case.status_line = line
        actions = ", ".join(_lower(action) for action in case.actions)
        case.ending = f"{line} · {actions}" if actions else line


def say_days(dates: DateFormatter, days: timedelta) -> str:
    """Return whole calendar days as days: '1 day', '13 days', '3 weeks', never '24 hours'.

    Days until the outcome are counted by date (days_to_outcome), so hours would say more than
    is known; weeks only from two of them, as the figures say durations.
    """
    return dates.duration(days, threshold=1 if days < timedelta(days=7) else 2)


def _lower(label: str) -> str:
    """Return a label as a word inside a sentence: 'Refund' → 'refund', but 'SMS' stays."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def make_cases(reviews: list[Review], config: SiteConfig, labels: Labels) -> list[Case]:
    """Return the Cases the site shows, newest first; withheld reviews have none."""
    return newest_first(cases_in_file_order(reviews, config, labels))


def cases_in_file_order(reviews: list[Review], config: SiteConfig, labels: Labels) -> list[Case]:
    """Return the Cases of these reviews in their order; withheld reviews have none."""
    maker = CaseMaker(config, labels)
    return [maker.make(review) for review in reviews if not review.withheld]


def newest_first(cases: list[Case]) -> list[Case]:
    """Return the cases newest first; cases received at the same moment keep their order."""
    return sorted(cases, key=lambda case: case.received, reverse=True)
