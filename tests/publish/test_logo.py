"""`logo:` end to end: the sample built with a logo shows it in every header and as the favicon;
a logo that is not there, or cannot be read, is an error at its line and nothing is built."""

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.commands.test_cli import run
from tests.quality import SAMPLE_EPOCH
from tests.unreadable import lock, run_locked_out

REPOSITORY = Path(__file__).resolve().parents[2]
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>'
)
PNG = base64.b64decode(  # one transparent pixel
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
# Pages of each depth and kind: home, the wall, a filter, a case page, figures, and the 404 page.
PAGES = [
    "",
    "reviews/",
    "reviews/complaints/",
    "reviews/2025-01-18-kari-ullundertoy/",
    "figures/",
    "404.html",
]
BASE = "https://omtaler.nordlysfriluft.no/"  # the sample's site_url


def sample_with_logo(root: Path, logo: str) -> int:
    """Copy the sample shop into root with `logo: <logo>` after per_page; return that line."""
    root.mkdir(parents=True)
    for folder in ("reviews", "templates"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    lines = (REPOSITORY / "site_config.yml").read_text(encoding="utf-8").splitlines()
    at = lines.index("per_page: 20") + 1
    lines.insert(at, f"logo: {logo}")
    (root / "site_config.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def parsed(site: Path, url: str) -> BeautifulSoup:
    path = site / url if url.endswith(".html") else site / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module", params=[("brand/nordlys.svg", SVG), ("nordlys.png", PNG)])
def built(request, tmp_path_factory):
    """The sample built by `reviewwall build` with an SVG logo in a folder, or a PNG beside it."""
    logo, data = request.param
    root = tmp_path_factory.mktemp("logo") / "shop"
    sample_with_logo(root, logo)
    (root / logo).parent.mkdir(exist_ok=True)
    (root / logo).write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(root), "build"],
        cwd=REPOSITORY,
        env={**os.environ, "SOURCE_DATE_EPOCH": SAMPLE_EPOCH},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    return root / "site", Path(logo).name, data


def test_the_logo_is_copied_into_the_site_as_it_is(built):
    site, name, data = built
    assert (site / "assets" / name).read_bytes() == data
    assert not (site / "assets/favicon.svg").exists()  # the initial's stand-in is not made


@pytest.mark.parametrize("url", PAGES)
def test_every_header_shows_the_logo_and_every_page_uses_it_as_favicon(built, url):
    site, name, _ = built
    soup = parsed(site, url)
    logo = f"{BASE}assets/{name}"
    link = soup.select_one("header a.md-logo")
    # The link carries the site's name, so the picture says nothing more (partials/logo.html).
    assert (link["aria-label"], link["title"]) == ("Nordlys Friluft", "Nordlys Friluft")
    images = link.find_all("img")
    assert len(images) == 1 and images[0]["alt"] == ""
    assert urljoin(BASE + url, images[0]["src"]) == logo
    assert soup.select(".rw-initial") == []
    icons = soup.find_all("link", rel="icon")
    assert len(icons) == 1 and not icons[0].has_attr("type")
    assert urljoin(BASE + url, icons[0]["href"]) == logo
    assert soup.find("meta", property="og:image")["content"] == logo


# --- A logo that is not there, or cannot be read ------------------------------------------------


def with_old_site(root: Path) -> Path:
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as it was", encoding="utf-8")
    return site


def assert_as_it_was(site: Path) -> None:
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as it was"
    assert not (site.parent / "build").exists()


def test_a_logo_that_is_not_there_is_an_error_at_its_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = tmp_path / "shop"
    line = sample_with_logo(root, "brand/nordlys.png")
    site = with_old_site(root)
    code, out, err = run(capsys, "-C", str(root), "build")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert [printed for printed in lines if printed.startswith("site_config.yml")] == [
        f"site_config.yml:{line}: logo: cannot read 'brand/nordlys.png' (no such file); name an "
        "image file beside site_config.yml, or leave logo out"
    ]
    assert lines[-1] == "Nothing was built; site/ is as it was."
    assert_as_it_was(site)


def test_a_logo_that_is_a_folder_is_an_error_at_its_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = tmp_path / "shop"
    line = sample_with_logo(root, "brand")
    (root / "brand").mkdir()
    code, out, _ = run(capsys, "-C", str(root), "check")
    assert code == 1
    assert [printed for printed in out.splitlines() if printed.startswith("site_config")] == [
        f"site_config.yml:{line}: logo: cannot read 'brand' (it is a folder, not a file); name "
        "an image file beside site_config.yml, or leave logo out"
    ]


def test_a_logo_nobody_may_read_is_an_error_and_no_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = tmp_path / "shop"
    line = sample_with_logo(root, "nordlys.png")
    (root / "nordlys.png").write_bytes(PNG)
    lock(root / "nordlys.png")
    site = with_old_site(root)
    result = run_locked_out(root, "build")
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert [printed for printed in lines if printed.startswith("site_config.yml")] == [
        f"site_config.yml:{line}: logo: cannot read 'nordlys.png' (Permission denied); name an "
        "image file beside site_config.yml, or leave logo out"
    ]
    assert lines[-1] == "Nothing was built; site/ is as it was."
    assert_as_it_was(site)


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (
            "/etc/hostname",
            "'/etc/hostname' is outside the project; name an image beside site_config.yml or in "
            "a folder below it",
        ),
        (
            "../secret.png",
            "'../secret.png' is outside the project; name an image beside site_config.yml or in "
            "a folder below it",
        ),
        (
            "brand/reviewwall.css",
            "'brand/reviewwall.css' is not an image; expected a name ending in .svg, .png, .jpg, "
            ".jpeg, .gif, .webp or .ico",
        ),
    ],
)
def test_a_logo_outside_the_project_or_not_an_image_is_never_published(
    tmp_path, capsys, monkeypatch, logo, message
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SAMPLE_EPOCH)
    root = tmp_path / "shop"
    line = sample_with_logo(root, logo)
    (tmp_path / "secret.png").write_bytes(PNG)
    (root / "brand").mkdir()
    (root / "brand/reviewwall.css").write_text("body { display: none }")
    code, out, _ = run(capsys, "-C", str(root), "build")
    assert code == 1
    assert [printed for printed in out.splitlines() if printed.startswith("site_config")] == [
        f"site_config.yml:{line}: logo: {message}"
    ]
    assert not (root / "site").exists()
