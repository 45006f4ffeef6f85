"""The reviews/ folder as the import sees it: what is already there, and new files added safely.

An import only ever adds files. It never rewrites one: the file in git is the record.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..edit.newfile import slugify
from ..read.problems import Problems
from ..read.reader import find_review_files
from ..read.schema import REVIEW_MODELINE
from ..read.yamltree import Node, YamlError, parse_yaml
from .candidate import Candidate, fingerprint, format_moment

LOCK_NAME = ".import.lock"


class StoreError(Exception):
    """reviews/ cannot be trusted for an import; `lines` say why, one problem each."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


@dataclass(frozen=True)
class Imported:
    """A review file that came from an import: where it is and what the customer said in it."""

    path: str
    fingerprint: str


@dataclass
class Index:
    """Every source_id already in reviews/, and every file name (review id) taken."""

    imported: dict[str, Imported] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)  # source_ids of reviews removed with a record
    # The suffix to try next per base name: a feed where every author is "Customer" would
    # otherwise try every taken name again for each new file.
    next_suffix: dict[str, int] = field(default_factory=dict)


def read_index(root: Path, reviews_dir: Path) -> Index:
    """Read each review file's source_id and customer words; raise StoreError if one can't be read.

    A file that cannot be read might hold the source_id of an entry we are about to import, so an
    import refuses to guess and asks for the file to be fixed first.
    """
    index = Index()
    problems = Problems()
    for path in find_review_files(reviews_dir):
        index.taken.add(path.stem)
        relative = path.relative_to(root).as_posix()
        data = path.read_bytes()
        if b"source_id" not in data:  # cheap: most hand-written files have none
            continue
        tree = _parse(data, relative, problems)
        if tree is None:
            continue
        top = tree.value

        def text(name: str, top=top) -> str | None:
            node = top.get(name)
            return str(node.value).strip() if node is not None and node.kind == "text" else None

        source_id = text("source_id")
        if source_id and source_id not in index.imported:
            said = fingerprint(text("title"), text("rating"), text("text"))
            index.imported[source_id] = Imported(relative, said)
    if problems:
        raise StoreError([str(problem) for problem in problems])
    return index


def _parse(data: bytes, relative: str, problems: Problems) -> Node | None:
    try:
        tree = parse_yaml(data.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError:
        problems.error(relative, 1, "not UTF-8 text; save the file as UTF-8")
        return None
    except YamlError as error:
        problems.error(relative, error.line, error.message)
        return None
    if tree is None or tree.kind != "mapping":
        problems.error(relative, 1, "expected a mapping of fields (channel: ..., text: ...)")
        return None
    return tree


@contextmanager
def import_lock(reviews_dir: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold reviews/.import.lock so that two imports check and write one after the other."""
    reviews_dir.mkdir(parents=True, exist_ok=True)
    with open(reviews_dir / LOCK_NAME, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def plan_path(reviews_dir: Path, candidate: Candidate, index: Index) -> Path:
    """Return reviews/<year>/<date>-<slug>.yml with an id no other file has; mark it taken."""
    day = candidate.received.date().isoformat()
    base = f"{day}-{slugify(_slug_source(candidate), limit=30)}"
    attempt = index.next_suffix.get(base, 1)
    while True:
        stem = base if attempt == 1 else f"{base}-{attempt}"
        attempt += 1
        if stem not in index.taken:
            index.taken.add(stem)
            index.next_suffix[base] = attempt
            return reviews_dir / day[:4] / f"{stem}.yml"


def _slug_source(candidate: Candidate) -> str:
    if candidate.author:
        first = candidate.author.lstrip("@").split()[0] if candidate.author.strip("@ ") else ""
        return first.split("@")[0] or "review"
    if candidate.title:
        return " ".join(candidate.title.split()[:4])
    return "review"


def write_new_file(path: Path, text: str) -> bool:
    """Create path with text, atomically and exclusively; return False if it already exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    try:
        # A hard link appears whole or not at all, and fails if the name is taken.
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: exclusive create is the next best
        try:
            with path.open("x", encoding="utf-8") as handle:
                handle.write(text)
            return True
        except FileExistsError:
            return False
    finally:
        temporary.unlink(missing_ok=True)


# libyaml's emitter is four times faster; the styles it picks are checked by reading back anyway.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeDumper):
    """Multi-line text as a literal block, as staff would write it; PyYAML quotes when it must."""


class _QuotingDumper(_SafeDumper):
    """Every text double-quoted: the one style that can carry any character."""


_Dumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)
_QuotingDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def render_review(
    candidate: Candidate, channel: str, kind: str | None, replier: str | None = None
) -> tuple[str, Node]:
    """Return a review file's text and its tree as the project reads it back.

    `kind` is written as given; `replier` is the `by:` of the business's reply (the site's name:
    the platforms do not say which of the staff wrote it). Every value must read back exactly as
    given; where the friendly style does not, the whole file is written again with every text
    double-quoted.
    """
    for dumper in (_Dumper, _QuotingDumper):
        text, expected = _render(candidate, channel, kind, replier, dumper)
        try:
            tree = parse_yaml(text)
        except YamlError:  # PyYAML misjudged a character (U+2028 in a block): quote instead
            continue
        if _reads_back(tree, expected):
            return text, tree
    raise StoreError([f"{candidate.where}: cannot be written as YAML that reads back the same"])


def _render(candidate: Candidate, channel: str, kind, replier, dumper) -> tuple[str, dict]:
    c = candidate
    values = {
        "channel": channel,
        "received": format_moment(c.received),
        "source_id": c.identify(),
        "author": c.author,
        "rating": c.rating,
        "kind": kind,
        "language": c.language,
        "title": c.title,
        "url": c.url,
        "text": c.text,
    }
    values = {name: value for name, value in values.items() if value not in (None, "")}
    lines = [
        REVIEW_MODELINE,
        "# Imported by reviewwall import: the customer's words as the source gave them.",
    ]
    texts: dict[str, str] = {}
    for name, value in [*values.items(), ("", None)]:
        if name in ("received", "rating", ""):
            if texts:
                lines.append(_dump(texts, dumper))
                texts = {}
            if value is not None:
                lines.append(f"{name}: {value}")  # made here, in a form that needs no quoting
        else:
            texts[name] = value
    expected = {name: str(value) for name, value in values.items()}
    if c.reply:
        lines.append("thread:")
        lines.append(f"  - at: {format_moment(c.reply_at)}")
        lines.append("    from: business")
        said = {"by": replier, "text": c.reply} if replier else {"text": c.reply}
        lines.append(_dump(said, dumper, indent="    "))
        expected.update({f"thread.{name}": value for name, value in said.items()})
    return "\n".join(lines) + "\n", expected


def _dump(fields: dict[str, str], dumper, indent: str = "") -> str:
    dumped = yaml.dump(fields, Dumper=dumper, allow_unicode=True, width=1_000_000, sort_keys=False)
    return "\n".join(indent + line if line else line for line in dumped.rstrip("\n").split("\n"))


def _reads_back(tree: Node | None, expected: dict[str, str]) -> bool:
    if tree is None or tree.kind != "mapping":
        return False
    top = tree.value
    for name, value in expected.items():
        if name.startswith("thread."):
            thread = top.get("thread")
            first = thread.value[0].value if thread and thread.kind == "list" else {}
            node = first.get(name.removeprefix("thread."))
        else:
            node = top.get(name)
        if node is None or node.value != value:
            return False
    return True
