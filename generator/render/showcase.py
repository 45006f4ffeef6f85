"""The figures page: every figure for both periods as rows, the pictures, the ledger.

Each figure links to a page listing the cases behind it (evidence.py; withheld ones only
counted), so a visitor can check every number. Words come from the catalogs (words/), numbers
from figures.py.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from babel.numbers import format_decimal

from ..measure.figures import Figures, PeriodFigures, ReplyTimes
from ..read.review import KINDS, STATUSES
from ..words.dates import site_dates
from ..words.labels import Labels, channel_labels
from .evidence import EvidenceBook, evidence_page_orders
from .figurecells import Cell, NoteWriter, Row, Section
from .ledgertable import make_ledger_table
from .pages import HIDE, Site, describe
from .pictures import make_pictures
from .renderer import Page, PageOrder, Renderer

FIGURES_URL = "figures/"


class FiguresViewMaker(NoteWriter):
    """Turns measured figures into rows of words, for one site."""

    def __init__(self, site: Site, words: Labels):
        dates = site_dates(site.config)
        super().__init__(dates, words, site.config)
        self.site = site
        self.channels = channel_labels(site.config.channels, site.labels)
        self.evidence = EvidenceBook(site.cases)

    def backed(self, cell: Cell, period: PeriodFigures, key: str, title: str, basis, note) -> Cell:
        """Attach the page of cases behind a cell (none when nothing is behind it)."""
        if not basis:
            return cell
        cell.url = f"{FIGURES_URL}{period.key}/{key}/"
        period_name = self.words[f"period_{period.key}"]
        cell.withheld = self.evidence.add(cell.url, title, period_name, basis, note, cell).withheld
        return cell

    def row(self, key, label, how, measure, sub=False, note=None, context=None) -> Row:
        """Return a row: `measure(period)` gives (cell, the reviews behind it) per period.

        `note(review)` writes what each case adds to the figure on its evidence page; `context`
        goes before the label in that page's title, where the label alone ('Open') says too little.
        """
        title = f"{context}: {label}" if context else label
        cells = []
        for period in self.periods:
            cell, basis = measure(period)
            cells.append(self.backed(cell, period, key, title, basis, note))
        return Row(label, how, cells, sub)

    def count(self, key, label, how, group, sub=True, context=None) -> Row:
        """Return a row counting the reviews `group(period)` picks."""
        number = lambda p: (Cell(format_decimal(len(group(p)), locale=self.locale)), group(p))  # noqa: E731
        return self.row(key, label, how, number, sub, context=context)

    def heading(self, label: str, how: str) -> Row:
        return Row(label, how, [Cell("") for _ in self.periods])

    def make(self, figures: Figures) -> list[Section]:
        """Return the page's sections; the evidence pages are collected on the way."""
        self.periods = figures.periods
        w, labels = self.words, self.site.labels
        sections = [
            Section(w["section_received"], self.received_rows()),
            Section(
                w["section_replies"],
                [
                    self.row(
                        "complaints-answered",
                        w["fig_complaint_reply_rate"],
                        w["how_complaint_reply_rate"],
                        lambda p: (self.percent(p.complaint_reply_rate), p.complaints),
                        note=self.answered_note,
                    ),
                    self.row(
                        "answered",
                        w["fig_reply_rate"],
                        w["how_reply_rate"],
                        lambda p: (self.percent(p.reply_rate), p.reviews),
                        note=self.answered_note,
                    ),
                ],
            ),
            Section(w["section_first_reply"], self.first_reply_rows()),
            Section(
                w["section_outcomes"],
                [
                    self.row(
                        f"outcome-{s}",
                        labels[f"status_{s}"],
                        w["how_outcomes"] if not i else "",
                        lambda p, s=s: (
                            self.percent(p.outcomes[s]),
                            tuple(r for r in p.complaints if r.status == s),
                        ),
                        context=w["section_outcomes"],
                    )
                    for i, s in enumerate(STATUSES)
                ]
                + [
                    self.row(
                        "time-to-resolve",
                        w["fig_time_to_resolve"],
                        w["how_time_to_resolve"],
                        lambda p: (
                            Cell(self.duration(p.time_to_resolve.median)),
                            p.time_to_resolve.basis,
                        ),
                        note=self.resolve_note,
                    ),
                ],
            ),
            Section(
                w["section_after"],
                [
                    self.row(
                        "won-back",
                        w["fig_won_back"],
                        w["how_won_back"],
                        lambda p: (self.won_back(p), p.won_back.basis),
                        note=self.won_back_note,
                    ),
                    self.row(
                        "rule-of-two",
                        w["fig_rule_of_two"],
                        w["how_rule_of_two"],
                        lambda p: (self.percent(p.rule_of_two), p.rule_of_two.basis),
                        note=self.replies_note,
                    ),
                    self.count(
                        "changes",
                        w["fig_changes"],
                        w["how_changes"],
                        lambda p: p.changes,
                        sub=False,
                    ),
                ],
            ),
        ]
        return sections

    def received_rows(self) -> list[Row]:
        w, labels = self.words, self.site.labels
        received = w["section_received"]
        channels = [
            self.count(
                f"channel-{c}", label, "", lambda p, c=c: p.by_channel.get(c, ()), context=received
            )
            for c, label in self.channels.items()
            if any(c in p.by_channel for p in self.periods)
        ]
        kinds = [
            self.count(
                f"kind-{k}",
                labels[f"kind_{k}"],
                "",
                lambda p, k=k: p.by_kind.get(k, ()),
                context=received,
            )
            for k in KINDS
            if any(k in p.by_kind for p in self.periods)
        ]
        rows = [
            self.count(
                "received", w["fig_received"], w["how_received"], lambda p: p.reviews, sub=False
            )
        ]
        # A heading only over rows: a site with no reviews yet gets none.
        if channels:
            rows += [self.heading(labels["channels"], w["how_by_channel"]), *channels]
        if kinds:
            rows += [self.heading(w["by_kind"], w["how_by_kind"]), *kinds]
        rows.append(
            self.row(
                "average", w["fig_average"], w["how_average"], lambda p: (self.average(p), p.rated)
            )
        )
        return rows

    def first_reply_rows(self) -> list[Row]:
        w = self.words
        rows = [
            self.row(
                "first-reply",
                w["fig_first_reply"],
                w["how_first_reply"],
                lambda p: self.reply_cell(p.first_reply),
                note=self.reply_note,
                context=w["section_first_reply"],
            )
        ]
        channels = [
            (c, label)
            for c, label in self.channels.items()
            if any(_times_for(p, c) for p in self.periods)
        ]
        rows += [
            self.row(
                f"first-reply-{c}",
                label,
                w["how_first_reply_channel"] if not i else "",
                lambda p, c=c: self.reply_cell(_times_for(p, c)),
                sub=True,
                note=self.reply_note,
                context=w["section_first_reply"],
            )
            for i, (c, label) in enumerate(channels)
        ]
        return rows


def _times_for(period: PeriodFigures, channel: str) -> ReplyTimes | None:
    return next((t for t in period.first_reply_by_channel if t.channel == channel), None)


def figures_page_orders(site: Site, renderer: Renderer, words: Labels) -> list[PageOrder]:
    """Return the orders for /figures/ and one page per figure listing the cases behind it."""
    maker = FiguresViewMaker(site, words)
    sections = maker.make(site.figures)  # collects the evidence pages on the way
    figures_page = partial(render_figures_page, site, renderer, words, sections)
    return [figures_page, *evidence_page_orders(maker.evidence, renderer, words)]


def render_figures_page(
    site: Site, renderer: Renderer, words: Labels, sections: list[Section]
) -> Page:
    """Return /figures/: every figure for both periods, the pictures, the ledger."""
    built = site.built or datetime.now(site.config.timezone)
    intro = words["figures_intro"].format(date=site_dates(site.config).day(built))
    return renderer.page(
        "figures.html",
        FIGURES_URL + "index.md",
        FIGURES_URL,
        site.labels["figures"],
        describe(intro),
        meta={"hide": HIDE},
        sections=sections,
        pictures=make_pictures(site, words),
        words=words,
        ledger=site.ledger,
        reasons=make_ledger_table(site.ledger, words) if site.ledger else None,
        periods=[words["period_year"], words["period_all"]],
        intro=intro,
    )


def showcase_nav(labels: Labels) -> list[dict[str, str]]:
    """Return the nav entries of the figures page and the changes page."""
    return [{labels["figures"]: FIGURES_URL + "index.md"}, {labels["changes"]: "changes/index.md"}]
