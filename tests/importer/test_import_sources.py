"""reviewwall import: unreachable sources, broken feeds and XML tricks get one clear line."""

import functools
import http.server
import socket
import threading
import time
import urllib.request

import pytest

from tests.conftest import SiteServer
from tests.importing import FIXTURES, fetch_timeouts, files, fixture, run


@pytest.fixture
def feed_server():
    """Serve the import fixtures on 127.0.0.1; a missing name answers 404."""
    server = SiteServer(FIXTURES)
    yield server
    server.close()


def test_a_feed_from_a_url_is_imported(project, capsys, feed_server):
    root = project()
    url = feed_server.url("app_store_reviews.xml")
    code, out, err = run(root, capsys, url)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"{url}: preset app-store (detected from the im: namespace), channel app-store"
    )
    assert len(files(root)) == 3


def test_404_is_one_line(project, capsys, feed_server):
    root = project()
    url = feed_server.url("missing.xml")
    assert run(root, capsys, url) == (
        1,
        "",
        f"error: cannot fetch {url}: HTTP 404 File not found\n",
    )


def test_connection_refused_is_one_line(project, capsys):
    with socket.socket() as probe:  # a port that was free a moment ago and has no server now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.xml"
    assert run(project(), capsys, url) == (
        1,
        "",
        f"error: cannot fetch {url}: connection refused (is the address right, and the server "
        "up?)\n",
    )


def test_a_server_that_never_answers_times_out(project, capsys, monkeypatch):
    timeouts = fetch_timeouts(monkeypatch)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections in the kernel, never reads or answers
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/feed.xml"
        result = run(project(), capsys, url, "--timeout", "1")
    assert result == (
        1,
        "",
        f"error: cannot fetch {url}: no answer within 1 s (--timeout to wait longer)\n",
    )
    assert timeouts == [1.0]  # one fetch, which waited for what --timeout says


def test_the_default_timeout_is_ten_seconds(project, capsys, monkeypatch):
    waited = []

    def stalls(request, timeout):
        waited.append(timeout)
        raise TimeoutError("timed out")

    monkeypatch.setattr(urllib.request, "urlopen", stalls)
    url = "http://127.0.0.1:9/feed.xml"
    assert run(project(), capsys, url) == (
        1,
        "",
        f"error: cannot fetch {url}: no answer within 10 s (--timeout to wait longer)\n",
    )
    assert waited == [10.0]


def test_an_unknown_host_is_one_line(project, capsys):
    url = "http://reviews.invalid/feed.xml"  # .invalid never resolves (RFC 6761)
    assert run(project(), capsys, url) == (
        1,
        "",
        f"error: cannot fetch {url}: unknown host name, or no network\n",
    )


def test_a_slow_local_server_is_waited_for_within_the_timeout(project, capsys):
    class Slow(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            time.sleep(0.3)  # the server's slowness, far within the timeout however busy we are
            super().do_GET()

        def log_message(self, format, *args):  # noqa: A002
            pass

    handler = functools.partial(Slow, directory=str(FIXTURES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_port}/mastodon_tag.xml"
        code, out, _ = run(project(), capsys, url, "--timeout", "60")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert code == 0 and out.splitlines()[-1].startswith("2 new, ")


def test_a_missing_file_or_a_folder_is_one_line(project, capsys, tmp_path):
    root = project()
    missing = str(tmp_path / "nothing.xml")
    assert run(root, capsys, missing) == (1, "", f"error: cannot read {missing}: no such file\n")
    assert run(root, capsys, str(tmp_path)) == (
        1,
        "",
        f"error: cannot read {tmp_path}: it is a folder, not a file\n",
    )


def test_a_truncated_feed_imports_what_is_whole_and_warns(project, capsys):
    root = project()
    source = fixture("truncated.xml")
    code, out, err = run(root, capsys, source, "--channel", "google", "--kind", "mixed")
    assert code == 0
    assert err == (
        f"warning: {source}: the feed is broken (line 7: no element found); "
        "imported what could be read\n"
    )
    assert out.splitlines()[1:] == [
        "reviews/2026/2026-11-03-quick-answer.yml",
        "reviews/2026/2026-11-03-broken-zip.yml",
        "2 new, 0 already imported, 0 changed upstream (not touched), 1 skipped "
        "(1 at the end of a broken feed)",
    ]
    assert "rating: 2\n" in files(root)["reviews/2026/2026-11-03-broken-zip.yml"]


def test_a_file_that_is_no_feed_at_all_stops_with_its_name(project, capsys, tmp_path):
    junk = tmp_path / "junk.xml"
    junk.write_text("this is not XML\n")
    page = tmp_path / "page.xml"
    page.write_text('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"></html>')
    root = project()
    assert run(root, capsys, str(junk)) == (
        1,
        "",
        f"error: {junk}: not a feed that can be read (line 1: syntax error); "
        "nothing was imported\n",
    )
    assert run(root, capsys, str(page)) == (
        1,
        "",
        f"error: {page}: not an RSS or Atom feed; nothing was imported\n",
    )
    assert files(root) == {}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "entity_external.xml",
            "refused: the feed declares an external XML entity (file:///etc/passwd), which could "
            "read files on this computer; feeds never need one",
        ),
        (
            "entity_expansion.xml",
            "refused: the feed declares the XML entity 'lol'; entities can expand without end "
            "and feeds never need them",
        ),
    ],
)
def test_xml_entity_tricks_are_refused(project, capsys, name, message):
    root = project()
    source = fixture(name)
    result = run(root, capsys, source, "--channel", "google", "--kind", "mixed")
    assert result == (1, "", f"error: {source}: {message}; nothing was imported\n")
    assert files(root) == {}


def test_an_entity_hidden_behind_broken_xml_is_refused_too(project, capsys, tmp_path):
    feed = tmp_path / "sneaky.xml"
    feed.write_bytes(
        b"<rss version='2.0'><channel><title>t</title><<<\n"
        b'<!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
        b"<item><guid>1</guid><description>&s;</description></item></channel></rss>"
    )
    assert run(project(), capsys, str(feed), "--channel", "google", "--kind", "mixed") == (
        1,
        "",
        f"error: {feed}: refused: the feed declares XML entities, which can read files or "
        "expand without end; feeds never need them; nothing was imported\n",
    )


def test_a_whole_feed_broken_by_an_entity_keeps_every_entry_and_reads_no_dtd(
    project, capsys, tmp_path
):
    dtd = tmp_path / "private.dtd"
    dtd.write_text('<!ENTITY nbsp "text from a private file">', encoding="utf-8")
    item = "<item><guid>urn:{0}</guid><pubDate>{0} Nov 2026 14:05:00 +0100</pubDate>{1}</item>"
    feed = tmp_path / "nbsp.xml"
    feed.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{dtd.as_uri()}">\n'
        "<rss version='2.0'><channel><title>t</title>\n"
        + item.format("03", "<description>Rated 4 out of 5,&nbsp;fine</description>\n")
        + item.format("04", "<description>Rated 2 out of 5</description>")
        + "</channel></rss>\n",
        encoding="utf-8",
    )
    root = project()
    code, out, err = run(root, capsys, str(feed), "--channel", "google")
    assert (code, out.splitlines()[-1]) == (
        0,
        "2 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
    )
    assert err == (
        f"warning: {feed}: the feed is broken (line 4: undefined entity); "
        "imported what could be read\n"
    )
    texts = sorted(text for text in files(root).values())
    assert "private file" not in "".join(texts)
    assert [line for text in texts for line in text.splitlines() if line.startswith("text")] == [
        "text: Rated 4 out of 5,\xa0fine",  # the HTML entity a feed meant, not the file's
        "text: Rated 2 out of 5",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--channel", "gogle"],
            "error: --channel: unknown channel 'gogle'; expected one of: facebook, google, "
            "trustpilot, tripadvisor, instagram, x, linkedin, youtube, app-store, google-play, "
            "email, phone, chat, web-form, in-store, other; did you mean 'google'?",
        ),
        (
            ["--kind", "rant"],
            "error: --kind: unknown kind 'rant'; expected one of: complaint, mixed, praise, "
            "question, suggestion",
        ),
        (["--map", "text=Review"], "error: --map is for CSV files only"),
    ],
)
def test_bad_flags_are_usage_errors(project, capsys, args, message):
    root = project()
    assert run(root, capsys, fixture("app_store_reviews.xml"), *args) == (2, "", message + "\n")
    assert files(root) == {}


def test_a_feed_whose_channel_cannot_be_told_asks_for_one(project, capsys):
    assert run(project(), capsys, fixture("truncated.xml")) == (
        2,
        "",
        "error: cannot tell where these reviews were written; give --channel (one of: facebook, "
        "google, trustpilot, tripadvisor, instagram, x, linkedin, youtube, app-store, "
        "google-play, email, phone, chat, web-form, in-store, other)\n",
    )
