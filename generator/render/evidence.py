"""The pages behind the figures: for one figure and one period, the cases it is computed from.

Withheld reviews are counted on these pages, never shown: they have no Case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import NamedTuple

from markupsafe import Markup, escape

from ..read.review import Review
from ..words.labels import Labels
from .case import Case
from .figurecells import Cell, Note
from .pages import HIDE
from .renderer import KnownOrder, Linker, Page, PageOrder, Renderer


class Entry(NamedTuple):
    """One published case behind a figure, with what it adds to it ('30 hours', 'answered') and
    whether it counts for the figure or against it (None: it adds a value, such as its time)."""

    case: Case
    note: str = ""
    counts: bool | None = None


@dataclass
class Evidence:
    """A page listing the cases behind one figure for one period, oldest first."""

    url: str
    title: str
    period: str
    basis: tuple[Review, ...]
    cases: dict[str, Case]
    note: Callable[[Review], Note] | None = None
    cell: Cell | None = None  # the figure as the figures page shows it

    @cached_property
    def withheld(self) -> int:
        """How many reviews behind the figure are withheld: counted, never shown."""
        return sum(1 for review in self.basis if review.id not in self.cases)

    @cached_property
    def entries(self) -> list[Entry]:
        """The published cases, each with its note. Made when the page is rendered, on whichever
        process renders it: 90 000 entries at 10 000 reviews, 0.3 s of work before the pages."""
        note, cases = self.note, self.cases
        if note is None:
            return [Entry(cases[r.id]) for r in self.basis if r.id in cases]
        return [Entry(cases[r.id], *note(r)) for r in self.basis if r.id in cases]


class EvidenceBook:
    """Collects the evidence pages while the figures page is put together."""

    def __init__(self, cases: list[Case]):
        self.cases = {case.id: case for case in cases}
        self.pages: list[Evidence] = []

    def add(
        self,
        url: str,
        title: str,
        period: str,
        basis: tuple[Review, ...],
        note: Callable[[Review], Note] | None = None,
        cell: Cell | None = None,
    ) -> Evidence:
        """Return a new evidence page for these reviews; withheld ones are only counted.

        `note(review)` says what each case adds to the figure, so a reader can redo the sum;
        `cell` is the figure itself, which the page states first.
        """
        evidence = Evidence(url, title, period, basis, self.cases, note, cell)
        self.pages.append(evidence)
        return evidence


def evidence_page_orders(book: EvidenceBook, renderer: Renderer, words: Labels) -> list[PageOrder]:
    """Return the orders for one page per collected figure. Each says what it shows: its figure,
    and its cases with the note each adds (made from the case's review file and the settings)."""
    return [
        KnownOrder(
            partial(render_evidence_page, evidence, renderer, words),
            evidence.url + "index.md",
            repr(
                (
                    evidence.title,
                    evidence.period,
                    evidence.cell,
                    evidence.withheld,
                    getattr(evidence.note, "__name__", None),
                )
            ),
            tuple(review.path for review in evidence.basis if review.id in evidence.cases),
        )
        for evidence in book.pages
    ]


def render_evidence_page(evidence: Evidence, renderer: Renderer, words: Labels) -> Page:
    """Return the page of the cases behind one figure; search skips it (it repeats the cases)."""
    link = Linker(evidence.url)
    lines = []
    for entry in evidence.entries:
        href = link(entry.case.url)
        line = renderer.fragment(
            "evidence_line.html", (entry.case.id, href), case=entry.case, href=href
        )
        lines.append((entry, line))
    return renderer.page(
        "figure_cases.html",
        evidence.url + "index.md",
        evidence.url,
        f"{evidence.title} · {evidence.period}",
        meta={"hide": HIDE, "search": {"exclude": True}},
        evidence=evidence,
        figure=figure_sentence(evidence, words),
        lines=lines,
        words=words,
    )


def figure_sentence(evidence: Evidence, words: Labels) -> Markup:
    """Return the figure the page backs, as the figures page shows it: 'All time: 83% (5 of 6)'."""
    cell = evidence.cell
    if cell is None:
        return Markup("")
    value = Markup("<strong>{}</strong>").format(cell.text)
    key = "evidence_figure_detail" if cell.detail else "evidence_figure"
    return Markup(escape(words[key])).format(
        period=evidence.period, value=value, detail=cell.detail
    )
