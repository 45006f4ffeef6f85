"""The ledger's table on the figures page: withheld and removed reviews, by reason and stars.

Rows and cells are ready strings, so the template only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..measure.ledger import STARS, Ledger
from ..words.labels import Labels


@dataclass(frozen=True)
class ReasonLine:
    """One row: what happened and why, a count per star rating, the total, and whether the
    figures count them."""

    label: str
    cells: tuple[int, ...]
    total: int
    counted: str


@dataclass(frozen=True)
class LedgerTable:
    """The table's header and rows; no rows when nothing was withheld or removed."""

    columns: tuple[str, ...]
    rows: tuple[ReasonLine, ...]


def make_ledger_table(ledger: Ledger, words: Labels) -> LedgerTable:
    """Return the table of reasons, in the site's words."""
    columns = tuple(f"{stars}★" if stars else words["ledger_no_rating"] for stars in STARS)
    rows = tuple(
        ReasonLine(
            label=words[f"ledger_{row.action}_as"].format(
                reason=words[f"reason_{row.reason or 'none'}"]
            ),
            cells=row.stars,
            total=row.total,
            counted=words["ledger_counted" if row.counted else "ledger_not_counted"],
        )
        for row in ledger.reasons
    )
    return LedgerTable(columns, rows)
