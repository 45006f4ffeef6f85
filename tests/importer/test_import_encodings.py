"""reviewwall import reads text only in the encoding it is in: never a guess, never mojibake."""

import codecs

import pytest

from generator.check.project import load_project
from generator.importer.encoding import EncodingError, normalize_feed
from generator.importer.sources import Source
from tests.importing import files, run

FEED = """<?xml version="1.0"{declaration}?>
<rss version="2.0"><channel><title>Omtaler</title><language>nb</language>
<item><guid>urn:1</guid><pubDate>Tue, 03 Nov 2026 14:05:00 +0100</pubDate>
<description>Blåbærsyltetøy fra Hamarøy, 5/5</description></item>
</channel></rss>
"""
EXPORT = "date,rating,text\n2026-11-03T14:05+01:00,4,Blåbær – søtt og godt\n"


def feed(encoding: str | None, written_in: str) -> bytes:
    declaration = f' encoding="{encoding}"' if encoding else ""
    return FEED.format(declaration=declaration).encode(written_in)


def texts(root) -> list[str]:
    return [review.text for review in load_project(root).reviews]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            feed("ISO-8859-1", "utf-8"),
            "the feed declares its encoding as 'ISO-8859-1', but its text is UTF-8 (from line 4 "
            "on it would read as wrong letters); if UTF-8 is right, import it with --encoding "
            "utf-8",
        ),
        (
            feed("windows-1252", "utf-8"),
            "the feed declares its encoding as 'windows-1252', but its text is UTF-8 (from line "
            "4 on it would read as wrong letters); if UTF-8 is right, import it with --encoding "
            "utf-8",
        ),
        (
            feed("UTF-8", "latin-1"),
            "the feed declares its encoding as 'UTF-8', but it is not UTF-8 text (byte 0xe5 on "
            "line 4); name the right one with --encoding, e.g. --encoding iso-8859-1",
        ),
        (
            feed(None, "latin-1"),
            "the feed names no encoding, so it must be UTF-8, but it is not UTF-8 text (byte "
            "0xe5 on line 4); name the right one with --encoding, e.g. --encoding iso-8859-1",
        ),
        (
            feed("UTF-16", "utf-8"),
            "the feed declares its encoding as 'UTF-16', but it is written one byte per letter; "
            "if it is UTF-8, import it with --encoding utf-8",
        ),
        (
            feed("x-nordic-7", "utf-8"),
            "the feed declares its encoding as 'x-nordic-7', an encoding reviewwall does not "
            "know; name the right one with --encoding",
        ),
    ],
)
def test_a_feed_whose_encoding_is_wrong_is_refused(project, capsys, tmp_path, data, message):
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    root = project()
    assert run(root, capsys, str(path), "--channel", "google") == (
        1,
        "",
        f"error: {path}: {message}; nothing was imported\n",
    )
    assert files(root) == {}


def test_encoding_names_the_right_one_and_the_letters_are_right(project, capsys, tmp_path):
    wrong = tmp_path / "wrong.xml"
    wrong.write_bytes(feed("ISO-8859-1", "utf-8"))
    root = project()
    code, _, err = run(root, capsys, str(wrong), "--channel", "google", "--encoding", "utf-8")
    assert (code, err) == (0, "")
    assert texts(root) == ["Blåbærsyltetøy fra Hamarøy, 5/5"]


@pytest.mark.parametrize(
    ("declared", "written_in"),
    [
        ("ISO-8859-1", "latin-1"),
        ("windows-1252", "cp1252"),
        ("UTF-16", "utf-16"),
        ("UTF-8", "utf-8-sig"),
    ],
)
def test_a_feed_in_the_encoding_it_declares_is_read(
    project, capsys, tmp_path, declared, written_in
):
    path = tmp_path / "feed.xml"
    path.write_bytes(feed(declared, written_in))
    root = project()
    code, _, err = run(root, capsys, str(path), "--channel", "google")
    assert (code, err) == (0, "")
    assert texts(root) == ["Blåbærsyltetøy fra Hamarøy, 5/5"]


@pytest.mark.parametrize(
    "data",
    [
        EXPORT.encode("utf-8"),
        codecs.BOM_UTF8 + EXPORT.encode("utf-8"),
        EXPORT.encode("utf-16"),  # with its byte-order mark
        codecs.BOM_UTF16_LE + EXPORT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + EXPORT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16", "utf-16-le with BOM", "utf-16-be with BOM"],
)
def test_csv_in_utf8_or_utf16_is_read(project, capsys, tmp_path, data):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    root = project()
    code, out, err = run(root, capsys, str(path), "--channel", "google")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"{path}: CSV, channel google"
    assert texts(root) == ["Blåbær – søtt og godt"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            EXPORT.encode("cp1252"),
            "not UTF-8 text (byte 0xe5 on line 2); name its encoding with --encoding, e.g. "
            "--encoding cp1252 for a Windows or Excel export",
        ),
        (
            EXPORT.encode("utf-16-le"),
            "not UTF-8 text (it holds zero bytes, as UTF-16 without a byte-order mark does); "
            "name its encoding with --encoding utf-16-le",
        ),
        (
            EXPORT.encode("utf-16-be"),
            "not UTF-8 text (it holds zero bytes, as UTF-16 without a byte-order mark does); "
            "name its encoding with --encoding utf-16-be",
        ),
        (
            codecs.BOM_UTF16_LE + EXPORT.encode("utf-16-le")[:-1],
            "not UTF-16 text (byte 0x0a on line 2); name the right encoding with --encoding",
        ),
    ],
    ids=["cp1252", "utf-16-le without BOM", "utf-16-be without BOM", "cut UTF-16"],
)
def test_csv_in_any_other_encoding_is_refused_with_the_fix(
    project, capsys, tmp_path, data, message
):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    root = project()
    assert run(root, capsys, str(path), "--channel", "google") == (
        1,
        "",
        f"error: {path}: {message}; nothing was imported\n",
    )
    assert files(root) == {}


@pytest.mark.parametrize(
    ("encoding", "written_in"),
    [("cp1252", "cp1252"), ("utf-16-le", "utf-16-le"), ("latin-1", "latin-1")],
)
def test_encoding_reads_an_export_as_named(project, capsys, tmp_path, encoding, written_in):
    path = tmp_path / "export.csv"
    path.write_bytes(EXPORT.replace("–", "-").encode(written_in))
    root = project()
    code, _, err = run(root, capsys, str(path), "--channel", "google", "--encoding", encoding)
    assert (code, err) == (0, "")
    assert texts(root) == ["Blåbær - søtt og godt"]


def test_encoding_applies_to_json_too(project, capsys, tmp_path):
    path = tmp_path / "facebook.json"
    path.write_bytes(
        '{"data": [{"created_time": "2026-11-03T12:04:11+0000", "recommendation_type": '
        '"positive", "review_text": "Flott service på Lillehammer"}]}'.encode("cp1252")
    )
    root = project()
    code, _, err = run(root, capsys, str(path))
    assert (code, err) == (
        1,
        f"error: {path}: not UTF-8 text (byte 0xe5 on line 1); name its encoding with "
        "--encoding, e.g. --encoding cp1252 for a Windows or Excel export; nothing was "
        "imported\n",
    )
    assert run(root, capsys, str(path), "--encoding", "cp1252")[0] == 0
    assert texts(root) == ["Flott service på Lillehammer"]


def test_an_unknown_encoding_is_a_usage_error(project, capsys, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    assert run(project(), capsys, str(path), "--channel", "google", "--encoding", "cp1252x") == (
        2,
        "",
        "error: --encoding: unknown encoding 'cp1252x'; expected a name like utf-8, utf-16, "
        "cp1252 or iso-8859-1\n",
    )


def test_an_encoding_named_that_does_not_fit_is_refused(project, capsys, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(EXPORT, encoding="utf-8")
    assert run(project(), capsys, str(path), "--channel", "google", "--encoding", "ascii") == (
        1,
        "",
        f"error: {path}: not ascii text (byte 0xc3 on line 2); name the right encoding with "
        "--encoding; nothing was imported\n",
    )


@pytest.mark.parametrize(
    ("data", "headers", "message"),
    [
        (
            feed(None, "latin-1"),
            {"content-type": "application/rss+xml; charset=UTF-8"},
            "the feed is served as charset 'UTF-8', but it is not UTF-8 text (byte 0xe5 on line "
            "4); name the right one with --encoding, e.g. --encoding iso-8859-1",
        ),
        (
            codecs.BOM_UTF16_LE + feed("UTF-16", "utf-16-le")[:-3],
            {},
            "the feed starts with a UTF-16 byte-order mark, but it is not utf-16-le text (byte "
            "0x3e on line 5); name the right one with --encoding, e.g. --encoding iso-8859-1",
        ),
    ],
    ids=["charset", "byte-order mark"],
)
def test_what_a_server_or_a_byte_order_mark_says_is_checked_too(data, headers, message):
    source = Source("https://shop.example/feed", data, headers)
    with pytest.raises(EncodingError) as raised:
        normalize_feed(source, None)
    assert str(raised.value) == f"https://shop.example/feed: {message}"
