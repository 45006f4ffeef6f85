"""reviewwall import of CSV exports: columns by header or --map, replies, bad rows by line."""

from datetime import UTC

import pytest

from generator.check.project import load_project
from generator.importer.csvfile import read_csv
from generator.importer.sources import Source
from tests.importing import files, fixture, format_problems, run


def by_source(root):
    return {review.source_id: review for review in load_project(root).reviews}


def test_an_english_export_maps_its_columns_and_replies(project, capsys):
    root = project()
    source = fixture("reviews_export.csv")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: CSV, channel trustpilot",  # every link points at trustpilot.com
        "reviews/2026/2026-11-02-anne.yml",
        "reviews/2026/2026-11-03-jonas.yml",
        "reviews/2026/2026-11-04-liv.yml",
        "3 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
    ]
    assert format_problems(root) == []
    reviews = by_source(root)
    anne = reviews["tp-1001"]
    assert (anne.author, anne.rating, anne.title) == ("Anne Marit", 4, "Good, mostly")
    assert anne.text == "Warm jacket.\nThe sleeves are a bit long."
    assert anne.url == "https://www.trustpilot.com/reviews/1001"
    assert [(e.side, e.at.isoformat(), e.text) for e in anne.thread] == [
        (
            "business",
            "2026-11-02T12:00:00+01:00",
            "Thanks, Anne Marit! We can shorten the sleeves for free.",
        )
    ]
    assert reviews["tp-1002"].rating == 2  # ★★☆☆☆
    assert reviews["tp-1003"].text == 'Quotes "inside", commas, and yes: no.'
    assert reviews["tp-1003"].title is None


def test_a_norwegian_export_with_semicolons_bom_and_dotted_dates(project, capsys):
    root = project()
    code, out, _ = run(root, capsys, fixture("omtaler_eksport.csv"), "--channel", "google")
    assert code == 0
    assert out.splitlines()[1:] == [
        "times without a zone were read in Europe/Oslo, the site's timezone (--timezone to "
        "choose another)",
        "reviews/2026/2026-11-03-kari.yml",
        "reviews/2026/2026-11-04-per.yml",
        "2 new, 0 already imported, 0 changed upstream (not touched), 0 skipped",
    ]
    assert files(root)["reviews/2026/2026-11-03-kari.yml"].splitlines()[2:5] == [
        "channel: google",
        "received: 2026-11-03T14:05",  # no zone in the export: the site's time zone applies
        "source_id: sha256-459e0c9b1f8af146c4e931da179e03be",
    ]
    reviews = load_project(root).reviews
    kari, per = sorted(reviews, key=lambda r: r.received)
    assert kari.received.isoformat() == "2026-11-03T14:05:00+01:00"
    assert (kari.title, kari.rating, kari.thread[0].text) == ("Topp", 5, "Takk, Kari!")
    assert per.text == "Pakken kom en uke for sent.\nIngen svarte på e-post."
    assert per.thread == ()
    assert format_problems(root) == []
    code, out, _ = run(root, capsys, fixture("omtaler_eksport.csv"), "--channel", "google")
    assert out.splitlines()[-1].startswith("0 new, 2 already imported")  # the hash is stable


@pytest.mark.parametrize(
    ("header", "columns"),
    [
        (
            "date,rating,title,text,author,reply,reply date",
            {
                "date": "date",
                "rating": "rating",
                "title": "title",
                "text": "text",
                "author": "author",
                "reply": "reply",
                "reply_date": "reply date",
            },
        ),
        (
            "Date,Stars,Review,Name",
            {"date": "Date", "rating": "Stars", "text": "Review", "author": "Name"},
        ),
        (
            "created_at,Review-Title,CONTENT,customer_name",
            {
                "date": "created_at",
                "title": "Review-Title",
                "text": "CONTENT",
                "author": "customer_name",
            },
        ),
        ("Date,Text,Comment,Body", {"date": "Date", "text": "Text"}),  # the first column wins
    ],
)
def test_obvious_headers_are_mapped_without_map(header, columns):
    source = Source("export.csv", (header + "\n").encode())
    assert read_csv(source, {}, UTC).columns == columns


BAD_ROWS = [
    "reviews_bad_rows.csv:3: rating: expected 1–5, got 'x'",
    "reviews_bad_rows.csv:6: date: expected a date like 2026-11-03 or 03.11.2026, got '11/05/2026'",
    "reviews_bad_rows.csv:6: rating: expected 1–5, got 6",
]


def test_bad_rows_are_named_by_line_and_nothing_is_written(project, capsys, monkeypatch):
    root = project()
    monkeypatch.chdir(fixture("."))
    code, out, err = run(root, capsys, "reviews_bad_rows.csv", "--channel", "google")
    assert (code, out) == (1, "")
    assert err.splitlines() == BAD_ROWS + [
        "error: 2 bad rows in reviews_bad_rows.csv; nothing was imported (fix them, or import "
        "the other rows with --skip-bad-rows)"
    ]
    assert files(root) == {}


def test_skip_bad_rows_imports_the_good_ones(project, capsys, monkeypatch):
    root = project()
    monkeypatch.chdir(fixture("."))
    args = ("reviews_bad_rows.csv", "--channel", "google", "--skip-bad-rows")
    code, out, err = run(root, capsys, *args)
    assert code == 0
    assert err.splitlines() == [
        line.replace(": ", ": warning: ", 1) + "; row skipped" for line in BAD_ROWS
    ]
    assert out.splitlines()[-1] == (
        "3 new, 0 already imported, 0 changed upstream (not touched), 2 skipped (2 bad rows)"
    )
    assert sorted(r.author for r in load_project(root).reviews) == ["Anne", "Cai", "Eli"]


def test_unobvious_headers_are_mapped_with_map(project, capsys, tmp_path):
    export = tmp_path / "platform.csv"
    export.write_text(
        "When,Score out of five,Kommentar fra kunde,Who\n2026-11-03,4,Nice staff.,Siv\n",
        encoding="utf-8",
    )
    root = project()
    code, _, err = run(root, capsys, str(export), "--channel", "google")
    assert (code, err) == (
        1,
        f"error: {export}: no column for date; name it with --map date=COLUMN (the columns "
        "are: When, Score out of five, Kommentar fra kunde, Who); nothing was imported\n",
    )
    maps = ["--map", "date=when", "--map", "text=Kommentar fra kunde", "--map", "rating=Score"]
    code, _, err = run(root, capsys, str(export), "--channel", "google", *maps)
    assert (code, err) == (
        1,
        f"error: --map rating=Score: {export} has no such column; it has: When, Score out of "
        "five, Kommentar fra kunde, Who; nothing was imported\n",
    )
    maps[-1] = "rating=Score out of five"
    code, out, _ = run(
        root, capsys, str(export), "--channel", "google", *maps, "--map", "author=Who"
    )
    assert code == 0
    [review] = load_project(root).reviews
    assert (review.text, review.rating, review.author) == ("Nice staff.", 4, "Siv")


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (
            "date,text,reply\n2026-11-03,Hi,Hello\n",
            [],
            "error: {path}: the column 'reply' holds replies, but no column gives their dates; "
            "add one with --map reply_date=COLUMN, or leave replies out with --map reply=; "
            "nothing was imported",
        ),
        (
            "date,text\n2026-11-03,Hi\n",
            ["--map", "txt=text"],
            "error: --map txt=text: expected FIELD=COLUMN with FIELD one of: id, date, rating, "
            "title, text, author, url, language, reply, reply_date; did you mean 'text'?; "
            "nothing was imported",
        ),
        ("", [], "error: {path}: the file is empty; nothing was imported"),
        (
            b"date,text\n2026-11-03,Bl\xe5b\xe6r\n",
            [],
            "error: {path}: not UTF-8 text (byte 0xe5 on line 2); name its encoding with "
            "--encoding, e.g. --encoding cp1252 for a Windows or Excel export; nothing was "
            "imported",
        ),
    ],
)
def test_exports_that_cannot_be_read_stop_before_writing(
    project, capsys, tmp_path, content, args, message
):
    export = tmp_path / "export.csv"
    if isinstance(content, bytes):
        export.write_bytes(content)
    else:
        export.write_text(content, encoding="utf-8")
    root = project()
    assert run(root, capsys, str(export), "--channel", "google", "--kind", "mixed", *args) == (
        1,
        "",
        message.format(path=export) + "\n",
    )
    assert files(root) == {}


def test_replies_can_be_left_out_and_must_not_predate_the_review(project, capsys, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "date,text,reply,reply date\n"
        "2026-11-03 12:00,Hi,Hello,2026-11-03 11:00\n"
        "2026-11-04 12:00,Hey,Hello again,\n",
        encoding="utf-8",
    )
    root = project()
    code, _, err = run(root, capsys, str(export), "--channel", "google", "--kind", "question")
    assert code == 1
    assert err.splitlines()[:2] == [
        f"{export}:2: reply date: 2026-11-03 11:00 is before the review (2026-11-03 12:00)",
        f"{export}:3: reply date: missing; expected a date like 2026-11-03 or 03.11.2026",
    ]
    args = ("--channel", "google", "--kind", "question", "--map", "reply=")
    code, out, _ = run(root, capsys, str(export), *args)
    assert code == 0 and out.splitlines()[-1].startswith("2 new, ")
    assert all(review.thread == () for review in load_project(root).reviews)
