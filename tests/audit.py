"""make audit: Lighthouse on every page type of the sample, and whether each target is met.

Builds the sample into a temporary folder, serves it on 127.0.0.1 gzipped (as GitHub Pages serves
it), runs Lighthouse (node_modules/, mobile, Debian's Chromium) several times on each page, and
prints a Markdown table of the medians. Exits with 1 when a target is missed.

    .venv/bin/python -m tests.audit [--runs 3] [--pages home,wall] [--json audit.json]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.quality import LIGHTHOUSE, PAGES, build_sample, missing_tool

CHROMIUM = "/usr/bin/chromium"
# Even with these flags Chromium looks up accounts.google.com and clients2.google.com; the
# resolver rule answers every name but 127.0.0.1 with "not found" inside Chromium, so nothing
# leaves the machine. A page's own request to another host still shows in the report, failed.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync"
    ' --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# What a page must reach: the lowest score of each category, the most KB, no other host.
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_KB = 110
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
GZIP_LEVEL = 6  # zlib's default level


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped when the browser accepts it, everything else as the stdlib does."""

    def do_GET(self):  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.suffix in COMPRESSED and path.is_file()):
            return super().do_GET()
        body = gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@functools.cache
def gzipped(path: Path) -> bytes:
    """Return a file's bytes gzipped, as the server sends them."""
    return gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


def run_lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse once on a URL and return its report."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            "--disable-full-page-screenshot",
            # Otherwise Lighthouse asks, in a terminal, whether to send crash reports to Sentry.
            "--no-enable-error-reporting",
        ],
        check=True,
        timeout=180,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def measure_run(report: dict, site: Path, origin: str) -> dict:
    """Return one run's scores, its gzipped weight and the requests it made to other hosts."""
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failed = sorted(  # the checks that cost points, outside performance (whose metrics vary)
        reference["id"]
        for name in CATEGORIES[1:]
        for reference in report["categories"][name]["auditRefs"]
        if reference["weight"] and (report["audits"][reference["id"]]["score"] or 0) < 1
    )
    requests = report["audits"]["network-requests"]["details"]["items"]
    ours, foreign = set(), []
    for request in requests:
        url = request["url"]
        if url.startswith(origin):
            ours.add(unquote(urlsplit(url).path))
        elif not url.startswith(("data:", "blob:")):
            foreign.append(url)
    sizes = {}
    for path in sorted(ours):
        file = site / path.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        sizes[path] = len(gzipped(file)) if file.is_file() else 0
    return {
        **scores,
        "kb": sum(sizes.values()) / 1024,
        "foreign": foreign,
        "gzipped_bytes": sizes,
        # Lighthouse's own count, headers included, as this server sent them: a cross-check.
        "total_byte_weight": report["audits"]["total-byte-weight"]["numericValue"],
        "failed": failed,
        "warnings": report.get("runWarnings", []),
    }


def summarize(runs: list[dict]) -> dict:
    """Return the median of each score and of the weight, and every foreign request of any run."""
    summary = {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}
    summary["kb"] = statistics.median(run["kb"] for run in runs)
    summary["foreign"] = sorted({url for run in runs for url in run["foreign"]})
    summary["failed"] = sorted({audit for run in runs for audit in run["failed"]})
    summary["missed"] = (
        [name for name, lowest in TARGETS.items() if summary[name] < lowest]
        + (["size"] if summary["kb"] > MAX_KB else [])
        + (["foreign"] if summary["foreign"] else [])
    )
    return summary


def render_table(results: dict[str, dict]) -> str:
    """Return the results as a Markdown table, one row per page type."""
    lines = [
        "| page | URL | performance | accessibility | best practices | SEO | KB gzipped "
        "| other hosts | targets met |",
        "|---|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for name, result in results.items():
        met = "yes" if not result["missed"] else "no: " + ", ".join(result["missed"])
        lines.append(
            f"| {name} | `/{PAGES[name]}` | "
            + " | ".join(f"{result[category]:g}" for category in CATEGORIES)
            + f" | {result['kb']:.0f} | {len(result['foreign'])} | {met} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make audit", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--pages", help=f"page types, comma-separated: {', '.join(PAGES)}")
    parser.add_argument("--json", type=Path, help="also write every run's numbers to this file")
    options = parser.parse_args(argv)
    names = options.pages.split(",") if options.pages else list(PAGES)
    unknown = [name for name in names if name not in PAGES]
    if unknown:
        parser.error(f"no page type {', '.join(unknown)}; the types are {', '.join(PAGES)}")
    reason = missing_tool(LIGHTHOUSE) or (
        None if Path(CHROMIUM).exists() else "Debian's chromium is not installed"
    )
    if reason:
        print(f"make audit: {reason}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="reviewwall-audit-") as folder:
        site = build_sample(Path(folder) / "shop", "nb")
        handler = functools.partial(_GzipHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{server.server_port}/"
        results, raw = {}, {}
        try:
            for name in names:
                runs = []
                for number in range(options.runs):
                    print(f"{name}: run {number + 1} of {options.runs}", file=sys.stderr)
                    report = run_lighthouse(origin + PAGES[name], Path(folder) / "report.json")
                    runs.append(measure_run(report, site, origin))
                raw[name] = runs
                results[name] = summarize(runs)
        finally:
            server.shutdown()
            server.server_close()

    print(render_table(results))
    warnings = sorted({text for runs in raw.values() for run in runs for text in run["warnings"]})
    for text in warnings:
        print(f"Lighthouse warned: {text}")
    first = next(iter(raw))
    heaviest = sorted(raw[first][0]["gzipped_bytes"].items(), key=lambda item: -item[1])
    print(
        f"What {first} loads, gzipped: "
        + ", ".join(f"{path} {size / 1024:.1f} KB" for path, size in heaviest)
    )
    for name, result in results.items():
        if result["failed"]:
            print(f"{name}: Lighthouse's failed checks: {', '.join(result['failed'])}")
        for url in result["foreign"]:
            print(f"{name}: a request to another host: {url}")
    if options.json:
        options.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    missed = [name for name, result in results.items() if result["missed"]]
    if missed:
        print(f"\n{len(missed)} of {len(results)} page types miss a target.", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
