"""The pages behind the figures: for one figure and one period, the cases it is computed from.

Withheld reviews are counted on these pages, never shown: they have no Case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import NamedTuple

from ..read.review import Review
from ..words.labels import Labels
from .case import Case
from .pages import HIDE
from .renderer import Linker, Page, PageOrder, Renderer


class Entry(NamedTuple):
    """One published case behind a figure, with what it adds to it ('30 hours', 'answered')."""

    case: Case
    note: str = ""


@dataclass
class Evidence:
    """A page listing the cases behind one figure for one period, oldest first."""

    url: str
    title: str
    period: str
    basis: tuple[Review, ...]
    cases: dict[str, Case]
    note: Callable[[Review], str] | None = None

    @cached_property
    def withheld(self) -> int:
        """How many reviews behind the figure are withheld: counted, never shown."""
        return sum(1 for review in self.basis if review.id not in self.cases)

    @cached_property
    def entries(self) -> list[Entry]:
        """The published cases, each with its note. Made when the page is rendered, on whichever
        process renders it: 90 000 entries at 10 000 reviews, 0.3 s of work before the pages."""
        note, cases = self.note, self.cases
        return [Entry(cases[r.id], note(r) if note else "") for r in self.basis if r.id in cases]


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
        note: Callable[[Review], str] | None = None,
    ) -> Evidence:
        """Return a new evidence page for these reviews; withheld ones are only counted.

        `note(review)` says what each case adds to the figure, so a reader can redo the sum.
        """
        evidence = Evidence(url, title, period, basis, self.cases, note)
        self.pages.append(evidence)
        return evidence


def evidence_page_orders(book: EvidenceBook, renderer: Renderer, words: Labels) -> list[PageOrder]:
    """Return the orders for one page per collected figure."""
    return [partial(render_evidence_page, evidence, renderer, words) for evidence in book.pages]


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
        lines=lines,
        words=words,
    )
