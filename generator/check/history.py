"""`reviewwall verify`: what a customer wrote stays as written, and no review quietly disappears.

The review files at an earlier revision are compared with the working tree, value by value as
reviewwall reads them (so reformatting a file is no change): a review gone without a record in
removals.yml, a customer's words or facts changed, a published reply changed or gone without an
`edited:` date, a removal record taken out. Staff's additions (replies, outcomes, tags, new
reviews) pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..read.config import SiteConfig
from ..read.problems import Problems
from ..read.reader import Document, find_review_files, parse_document
from ..read.removals import REMOVALS_FILE, read_removals
from ..read.revision import Revision
from ..read.yamltree import Node, YamlError, parse_yaml

# The customer's words and the facts of what they did: never changed once in git.
CUSTOMER_FIELDS = ("channel", "received", "author", "rating", "title", "text", "url")


@dataclass
class Verified:
    """What verify found: every problem, and how many reviews it compared."""

    problems: Problems = field(default_factory=Problems)
    compared: int = 0
    new: int = 0
    removed: int = 0


def verify_history(root: Path, config: SiteConfig, before: Revision, today: date) -> Verified:
    """Compare the project's review files with those at an earlier revision."""
    found = Verified()
    problems = found.problems
    then = _documents(before.reviews.items(), problems, f"at {before.ref}", warn=True)
    now_paths = find_review_files(config.reviews_dir)
    current = [(p.relative_to(root).as_posix(), _read_bytes(p)) for p in now_paths]
    now = _documents(current, Problems(), "", warn=False)  # `check` reports these
    removals = read_removals(root, config)
    removed_ids = {record.id for record in removals.records}
    now_ids = {path_id(path) for path, _ in current}
    compare = Comparison(config, before.ref, today, problems)
    for review_id, old in then.items():
        new = now.get(review_id)
        if new is not None:
            found.compared += 1
            compare.review(old, new)
        elif review_id in removed_ids:
            found.removed += 1
        elif review_id not in now_ids:  # present but unreadable now: `check` says why
            problems.error(
                old.path,
                1,
                f"the review '{review_id}' is gone since {before.ref}; put the file back, or "
                f"remove it on the record: reviewwall remove {review_id} --reason REASON",
            )
    found.new = len(now_ids - set(then))
    _compare_removals(before, root, config, problems)
    return found


def path_id(path: str) -> str:
    return Path(path).stem


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _documents(files, problems: Problems, when: str, warn: bool) -> dict[str, Document]:
    """Parse files into documents by id; one that cannot be read is left out (with a warning
    for the earlier revision: its words cannot be compared)."""
    documents: dict[str, Document] = {}
    for path, data in files:
        found = Problems()
        document = parse_document(data, path_id(path), path, found) if data is not None else None
        if document is None or found.errors:
            if warn:
                why = found.errors[0].message if found.errors else "it cannot be read"
                problems.warn(
                    path, 1, f"could not be read {when} ({why}); its words were not compared"
                )
            continue
        documents.setdefault(document.id, document)
    return documents


class Comparison:
    """Compares one review's two versions, field by field, and says what changed."""

    def __init__(self, config: SiteConfig, ref: str, today: date, problems: Problems):
        self.timezone = config.timezone
        self.ref = ref
        self.today = today
        self.problems = problems

    def review(self, old: Document, new: Document) -> None:
        before, after = _fields(old.tree), _fields(new.tree)
        for name in CUSTOMER_FIELDS:
            self._same(new, after.get(name), before.get(name), name, new.tree.line)
        self._thread(old, new, before.get("thread"), after.get("thread"))
        outcome_then, outcome_now = _fields(before.get("outcome")), _fields(after.get("outcome"))
        line = (after.get("outcome") or new.tree).line
        for name in ("customer_said", "rating_after"):
            self._same(new, outcome_now.get(name), outcome_then.get(name), f"outcome.{name}", line)

    def _same(self, new: Document, now: Node | None, then: Node | None, name: str, line: int):
        """Report a customer's value that changed or went (a value added later is fine)."""
        old, value = self._value(name, then), self._value(name, now)
        if old is None or old == value:
            return
        was = _quoted(_plain(then))
        if value is None:
            self.problems.error(
                new.path,
                line,
                f"{name}: removed since {self.ref}, where it was {was}; a customer's words and "
                "facts stay as they came: put it back",
            )
        else:
            self.problems.error(
                new.path,
                now.line,
                f"{name}: changed since {self.ref}, where it was {was}; a customer's words and "
                "facts stay as they came: put it back as it was",
            )

    def _value(self, name: str, node: Node | None):
        """Return the value as reviewwall reads it: text stripped, numbers and moments parsed."""
        text = _plain(node)
        if text is None:
            return None
        if name in ("rating", "outcome.rating_after") and text.isdigit():
            return int(text)
        if name in ("received", "at"):
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                return text
            return moment if moment.tzinfo else moment.replace(tzinfo=self.timezone)
        return text

    def _thread(self, old: Document, new: Document, then: Node | None, now: Node | None):
        before, after = self._entries(then), self._entries(now)
        line = (now.key_line or now.line) if now is not None else new.tree.line
        for key, entry in before.items():
            side = key[2]
            match = after.get(key)
            when = _plain(entry.get("at"))
            if side == "customer":
                if match is None or _words(match, ("text",)) != _words(entry, ("text",)):
                    self.problems.error(
                        new.path,
                        (match.get("text") or match.get("at")).line if match else line,
                        f"thread: the customer's follow-up of {when} "
                        f"{'changed' if match else 'is gone'} since {self.ref}; a customer's "
                        "words stay as they came: put it back as it was",
                    )
                continue
            published = ("summary", "via") if _plain(entry.get("private")) else ("text", "by")
            if match is None:
                self.problems.error(
                    new.path,
                    line,
                    f"thread: the reply of {when}, published at {self.ref}, is gone; a published "
                    f"reply stays: put it back, and to correct it add edited: {self.today} to it",
                )
            elif _words(match, published) != _words(entry, published) and not _plain(
                match.get("edited")
            ):
                changed = next(n for n in published if _words(match, (n,)) != _words(entry, (n,)))
                self.problems.error(
                    new.path,
                    (match.get(changed) or match.get("at")).line,
                    f"thread: the reply of {when} changed since {self.ref}; a published reply "
                    f"is corrected only in the open: add edited: {self.today} to it",
                )

    def _entries(self, node: Node | None) -> dict[tuple, dict[str, Node]]:
        """Return the thread's entries by (moment, how many came before at it, side)."""
        entries: dict[tuple, dict[str, Node]] = {}
        if node is None or node.kind != "list":
            return entries
        for item in node.value:
            entry = _fields(item)
            at = self._value("at", entry.get("at"))
            side = "customer" if _plain(entry.get("from")) == "customer" else "business"
            number = sum(1 for key in entries if key[0] == at and key[2] == side)
            entries[(at, number, side)] = entry
        return entries


def _compare_removals(before: Revision, root: Path, config: SiteConfig, problems: Problems):
    """A removal record, once in git, stays as written."""
    if before.removals is None:
        return
    try:
        then = parse_yaml(before.removals.decode("utf-8").removeprefix("\ufeff"))
    except (UnicodeDecodeError, YamlError):
        return
    try:
        now = parse_yaml((root / REMOVALS_FILE).read_text(encoding="utf-8").removeprefix("\ufeff"))
    except FileNotFoundError:
        now = None
    except (UnicodeDecodeError, YamlError):
        return  # `check` reports it
    records_now = {}
    for item in now.value if now is not None and now.kind == "list" else []:
        record = _fields(item)
        records_now.setdefault(_plain(record.get("id")), (item.line, _plain(item)))
    for item in then.value if then is not None and then.kind == "list" else []:
        review_id = _plain(_fields(item).get("id"))
        if review_id not in records_now:
            problems.error(
                REMOVALS_FILE,
                1,
                f"the record of '{review_id}' is gone since {before.ref}; a removal is recorded "
                "for good: put the record back",
            )
        elif records_now[review_id][1] != _plain(item):
            problems.error(
                REMOVALS_FILE,
                records_now[review_id][0],
                f"the record of '{review_id}' changed since {before.ref}; a removal is recorded "
                "for good: put the record back as it was",
            )


def _fields(node: Node | None) -> dict[str, Node]:
    return node.value if node is not None and node.kind == "mapping" else {}


def _plain(node: Node | None):
    """Return a node's value as plain data: text stripped, no lines, None for nothing."""
    if node is None:
        return None
    if node.kind == "mapping":
        return {key: _plain(value) for key, value in node.value.items()}
    if node.kind == "list":
        return [_plain(item) for item in node.value]
    if node.kind == "empty":
        return None
    return str(node.value).strip() or None


def _words(entry: dict[str, Node], names: tuple[str, ...]) -> tuple:
    return tuple(_plain(entry.get(name)) for name in names)


def _quoted(value) -> str:
    """Return a found value as messages quote it: numbers bare, text in quotes, cut at 60."""
    text = str(value)
    if text.isdigit():
        return text
    return repr(text if len(text) <= 60 else text[:57] + "...")
