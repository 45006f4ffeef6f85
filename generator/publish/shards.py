"""MkDocs on every core: the generated pages shared out over several engine processes, and their
sites merged into the one site a single process makes, byte for byte.

MkDocs renders each page alone, once it knows the navigation; reviewwall's navigation lists only
the sections, so every process gets the section pages (a handful) and a share of the others, and
renders exactly what one process would. What spans pages is merged here: the search index and
the sitemap, in the order MkDocs itself walks the files. build/ stays one ordinary MkDocs project
(a plain `mkdocs build` makes the same site); the shards are how reviewwall runs the engine.
Zensical builds its own way, in one process.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from pathlib import Path, PurePosixPath

import yaml

from .trash import discard

SHARDS_DIR = "shards"  # build/shards/<n>/: one engine process's project
HOOKS_DIR = "hooks"  # build/hooks/: the MkDocs hook that takes the page bodies as they are
SITEMAP = "sitemap.xml"
SEARCH_INDEX = "search/search_index.json"
# Below this many pages a second process costs more than it saves.
SHARD_FROM = 400
_URL_BLOCK = re.compile(r"    <url>\n.*?</url>\n", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>")
_LASTMOD = re.compile(r"<lastmod>.*?</lastmod>")


def engine_cores() -> int:
    """Return how many engine processes can run at once: the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return max(os.cpu_count() or 1, 1)


def make_shards(build_dir: Path, jobs: int) -> list[Path]:
    """Lay out `jobs` projects under build/shards/ sharing build/docs; return their folders
    (none when the site is too small to gain from it)."""
    docs = build_dir / "docs"
    pages = sorted((path.relative_to(docs).as_posix() for path in docs.rglob("*.md")), key=sort_key)
    shards_dir = build_dir / SHARDS_DIR
    discard(shards_dir, build_dir)
    if jobs < 2 or len(pages) < SHARD_FROM:
        return []
    config = yaml.safe_load((build_dir / "mkdocs.yml").read_text("utf-8"))
    in_nav = set(nav_files(config.get("nav", [])))
    shared = [page for page in pages if page not in in_nav]
    relocate(config)
    folders = []
    for number in range(jobs):
        folder = shards_dir / str(number)
        mine = set(shared[number::jobs]) | in_nav
        for path in docs.rglob("*"):
            relative = path.relative_to(docs).as_posix()
            if path.is_dir():
                continue
            # The section pages go to every process (the navigation needs them); files that are
            # no pages (assets, the feed, open data) to the first.
            wanted = relative in mine if relative.endswith(".md") else number == 0
            if wanted:
                link(path, folder / "docs" / relative)
        (folder / "mkdocs.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        folders.append(folder)
    return folders


def relocate(config: dict) -> None:
    """Point a project two folders down (build/shards/<n>/) at build/'s theme and hooks."""
    config["theme"]["custom_dir"] = "../../" + config["theme"]["custom_dir"]
    config["hooks"] = ["../../" + hook for hook in config.get("hooks", [])]


def merge_shards(stagings: list[Path], build_dir: Path) -> Path:
    """Move every page the other processes rendered into the first one's site, with one search
    index and one sitemap in MkDocs's own order; return the first one's site."""
    config = yaml.safe_load((build_dir / "mkdocs.yml").read_text("utf-8"))
    in_nav = set(nav_files(config.get("nav", [])))
    site = stagings[0]
    for number, staging in enumerate(stagings[1:], start=1):
        docs = build_dir / SHARDS_DIR / str(number) / "docs"
        for page in docs.rglob("*.md"):
            relative = page.relative_to(docs).as_posix()
            if relative in in_nav:
                continue
            output = output_of(relative)
            target = site / output
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / output, target)
    _merge_search(stagings)
    _merge_sitemap(stagings)
    return site


def sort_key(path: str) -> tuple:
    """MkDocs's order of the files it builds: a folder's own files (index first), then its
    folders, each in order (mkdocs.structure.files.file_sort_key)."""
    parts = PurePosixPath(path).parts
    return (parts[:-1], PurePosixPath(path).stem != "index", parts[-1])


def page_of(location: str) -> str:
    """Return the source page of a search entry's location ('reviews/x/#h' → reviews/x/index.md)."""
    url = location.split("#")[0]
    return url + "index.md"


def _merge_search(stagings: list[Path]) -> None:
    path = stagings[0] / SEARCH_INDEX
    if not path.is_file():
        return
    first = json.loads(path.read_text("utf-8"))
    # A section page is in every process's index: the first one's stands.
    sections = {page_of(entry["location"]) for entry in first["docs"]}
    entries: dict[str, list[dict]] = {}
    for staging in stagings:
        for entry in json.loads((staging / SEARCH_INDEX).read_text("utf-8"))["docs"]:
            page = page_of(entry["location"])
            if staging is stagings[0] or page not in sections:
                entries.setdefault(page, []).append(entry)
    docs = [entry for page in sorted(entries, key=sort_key) for entry in entries[page]]
    merged = {"config": first["config"], "docs": docs}
    path.write_text(json.dumps(merged, separators=(",", ":"), default=str), encoding="utf-8")


def _merge_sitemap(stagings: list[Path]) -> None:
    if (stagings[0] / SITEMAP).is_file():
        write_sitemap(stagings[0], stagings, keep=lambda page, source: True)


def write_sitemap(site: Path, sources: list[Path], keep) -> None:
    """Write site's sitemap.xml (and its .gz) from the <url> blocks of the sources' sitemaps:
    each page's block from the first source `keep(page, its index)` allows, in MkDocs's order,
    with the last source's date (a full build dates every page alike)."""
    text = (sources[0] / SITEMAP).read_text("utf-8")
    start = text.index("    <url>") if "    <url>" in text else text.index("</urlset>")
    head, tail = text[:start], text[text.index("</urlset>") :]
    last = (sources[-1] / SITEMAP).read_text("utf-8")
    date = _LASTMOD.search(last)
    found = [
        (index, block, _LOC.search(block).group(1))
        for index, source in enumerate(sources)
        for block in _URL_BLOCK.findall((source / SITEMAP).read_text("utf-8"))
    ]
    base = _site_root([location for _, _, location in found])
    blocks: dict[str, str] = {}
    for index, block, location in found:
        if location not in blocks and keep(location.removeprefix(base) + "index.md", index):
            blocks[location] = _LASTMOD.sub(date.group(0), block) if date else block
    ordered = sorted(blocks, key=lambda loc: sort_key(loc.removeprefix(base) + "index.md"))
    merged = head + "".join(blocks[loc] for loc in ordered) + tail
    path = site / SITEMAP
    path.unlink(missing_ok=True)  # it may be a hard link into the last site
    path.write_text(merged, encoding="utf-8")
    # As MkDocs writes it: the same name in the header, the time the last source's file has.
    packed = path.with_name(SITEMAP + ".gz")
    mtime = int.from_bytes((sources[-1] / packed.name).read_bytes()[4:8], "little")
    packed.unlink(missing_ok=True)
    with (
        packed.open("wb") as handle,
        gzip.GzipFile(fileobj=handle, filename=str(packed), mode="wb", mtime=mtime) as out,
    ):
        out.write(merged.encode("utf-8"))


def output_of(page: str) -> str:
    """Return the file MkDocs writes for a page: reviews/x/index.md → reviews/x/index.html."""
    built = PurePosixPath(page).with_suffix("").as_posix()
    return built.removesuffix("index") + "index.html"


def _site_root(locations: list[str]) -> str:
    """Return what every page address starts with: the home page's (the shortest)."""
    return min(locations, key=len) if locations else ""


def nav_files(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_files(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_files(value)]
    return []


def link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)
