"""reviewwall import: times in the right zone, nothing left out without a word, bad entries named,
and nothing removed or withheld ever comes back."""

import json

import pytest

from generator.check.project import load_project
from generator.commands.cli import main
from tests.importing import files, fixture, run, snapshot

SUMMARY = "{} new, 0 already imported, 0 changed upstream (not touched), 0 skipped"


def write_json(tmp_path, data, name="export.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_timezone_places_times_that_have_none(project, capsys):
    root = project()
    source = fixture("omtaler_eksport.csv")
    code, out, err = run(
        root, capsys, source, "--channel", "google", "--timezone", "Europe/Helsinki"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [
        f"{source}: CSV, channel google",
        "times without a zone were read in Europe/Helsinki (--timezone)",
    ]
    kari = files(root)["reviews/2026/2026-11-03-kari.yml"]
    assert "received: 2026-11-03T14:05+02:00\n" in kari  # the zone it was read in, written out
    assert "  - at: 2026-11-03T15:00+02:00\n" in kari
    # The same export without --timezone is the same entries: their ids do not hang on the zone.
    code, out, _ = run(root, capsys, source, "--channel", "google")
    assert (
        out.splitlines()[-1]
        == "0 new, 2 already imported, 0 changed upstream (not touched), 0 skipped"
    )


def test_times_with_a_zone_say_nothing_of_zones(project, capsys):
    code, out, _ = run(project(), capsys, fixture("reviews_export.csv"))
    assert code == 0 and "times without a zone" not in out


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        (
            "Europe/Olso",
            "error: --timezone: unknown time zone 'Europe/Olso'; expected an IANA name like "
            "Europe/Oslo, Europe/Stockholm or UTC; did you mean 'Europe/Oslo'?",
        ),
        (
            "Stockholm",
            "error: --timezone: unknown time zone 'Stockholm'; expected an IANA name like "
            "Europe/Oslo, Europe/Stockholm or UTC; did you mean 'Europe/Stockholm'?",
        ),
        (
            "Mars/Olympus",
            "error: --timezone: unknown time zone 'Mars/Olympus'; expected an IANA name like "
            "Europe/Oslo, Europe/Stockholm or UTC",
        ),
    ],
)
def test_an_unknown_timezone_is_a_usage_error(project, capsys, zone, message):
    root = project()
    args = (fixture("omtaler_eksport.csv"), "--channel", "google", "--timezone", zone)
    assert run(root, capsys, *args) == (2, "", message + "\n")
    assert files(root) == {}


def test_a_utc_column_is_utc_and_other_columns_are_named(project, capsys, tmp_path):
    export = tmp_path / "kassesystem.csv"
    export.write_text(
        "Created (UTC),Rating,Text,Order number,Store\n2026-11-03 14:05,4,Fin jakke,30551,Tromsø\n",
        encoding="utf-8",
    )
    root = project()
    code, out, err = run(root, capsys, str(export), "--channel", "in-store")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{export}: CSV, channel in-store",
        "not imported: Order number, Store",
        "reviews/2026/2026-11-03-review.yml",
        SUMMARY.format(1),
    ]
    assert "received: 2026-11-03T14:05+00:00\n" in files(root)["reviews/2026/2026-11-03-review.yml"]


def test_a_column_left_out_with_map_is_named_too(project, capsys):
    root = project()
    args = (fixture("reviews_export.csv"), "--map", "reply=")
    code, out, _ = run(root, capsys, *args)
    assert code == 0
    assert out.splitlines()[1] == "not imported: Reply, Reply Date"


def test_a_csv_of_stars_without_words_needs_no_text_column(project, capsys, tmp_path):
    export = tmp_path / "stjerner.csv"
    export.write_text("dato;stjerner\n03.11.2026 14:05;5\n04.11.2026 09:30;2\n", encoding="utf-8")
    root = project()
    code, out, _ = run(root, capsys, str(export), "--channel", "google")
    assert code == 0
    assert out.splitlines()[-1] == SUMMARY.format(2)
    assert sorted((r.rating, r.text) for r in load_project(root).reviews) == [(2, ""), (5, "")]


BAD_ENTRIES = [
    "{path}: review 1: starRating: expected ONE to FIVE, got 'SIX'",
    "{path}: review 2: reviewReply.updateTime: 2026-11-02 10:00 is before the review "
    "(2026-11-03 10:00)",
    "{path}: review 3: createTime: expected a date-time like 2026-11-03T14:05:00Z, got 'i går'",
    "{path}: review 4: reviewReply.updateTime: missing; a reply needs the date it was written",
]
BAD_GOOGLE = {
    "reviews": [
        {
            "reviewId": "a1",
            "starRating": "SIX",
            "comment": "Hei",
            "createTime": "2026-11-03T10:00:00Z",
        },
        {
            "reviewId": "a2",
            "starRating": "FOUR",
            "comment": "Fint",
            "createTime": "2026-11-03T10:00:00Z",
            "reviewReply": {"comment": "Takk!", "updateTime": "2026-11-02T10:00:00Z"},
        },
        {"reviewId": "a3", "starRating": "FIVE", "comment": "Bra", "createTime": "i går"},
        {
            "reviewId": "a4",
            "starRating": "FIVE",
            "comment": "Topp",
            "createTime": "2026-11-04T10:00:00Z",
            "reviewReply": {"comment": "Takk!"},
        },
        {"reviewId": "a5", "starRating": "TWO", "createTime": "2026-11-05T10:00:00Z"},
    ]
}


def test_bad_entries_of_a_json_export_are_named_and_nothing_is_written(project, capsys, tmp_path):
    path = write_json(tmp_path, BAD_GOOGLE)
    root = project()
    code, out, err = run(root, capsys, path)
    assert (code, out) == (1, "")
    assert err.splitlines() == [line.format(path=path) for line in BAD_ENTRIES] + [
        f"error: 4 bad entries in {path}; nothing was imported (fix them, or import the other "
        "entries with --skip-bad-rows)"
    ]
    assert files(root) == {}
    code, out, err = run(root, capsys, path, "--skip-bad-rows")
    assert code == 0
    assert err.splitlines() == [
        f"{path}: review 1: warning: starRating: expected ONE to FIVE, got 'SIX'; entry skipped",
        f"{path}: review 2: warning: reviewReply.updateTime: 2026-11-02 10:00 is before the "
        "review (2026-11-03 10:00); entry skipped",
        f"{path}: review 3: warning: createTime: expected a date-time like 2026-11-03T14:05:00Z, "
        "got 'i går'; entry skipped",
        f"{path}: review 4: warning: reviewReply.updateTime: missing; a reply needs the date it "
        "was written; entry skipped",
    ]
    assert out.splitlines()[-1] == (
        "1 new, 0 already imported, 0 changed upstream (not touched), 4 skipped (4 bad entries)"
    )


@pytest.mark.parametrize(
    ("content", "message", "code"),
    [
        (
            '{"reviews": [',
            "error: {path}: not valid JSON (line 1, column 14: Expecting value); nothing was "
            "imported",
            1,
        ),
        (
            "[" * 100_000 + "]" * 100_000,
            "error: {path}: not an export: nested deeper than any export; nothing was imported",
            1,
        ),
        (
            '{"orders": [{"id": 1}]}',
            "error: {path}: not an export reviewwall knows (Google Business Profile reviews, "
            "Facebook ratings, App Store Connect customer reviews or the App Store's review "
            "feed); nothing was imported",
            1,
        ),
    ],
)
def test_json_that_is_no_export_stops_with_its_name(
    project, capsys, tmp_path, content, message, code
):
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    assert run(project(), capsys, str(path)) == (code, "", message.format(path=path) + "\n")


@pytest.mark.parametrize(
    ("source", "args", "message", "code"),
    [
        (
            "google_business_reviews.json",
            ["--preset", "facebook"],
            "error: {source}: not what --preset facebook reads: Facebook Page ratings and "
            "recommendations from the Graph API (JSON); nothing was imported",
            1,
        ),
        (
            "trustpilot_export.csv",
            ["--preset", "facebook"],
            "error: --preset facebook reads a JSON export; {source} is a CSV export",
            2,
        ),
        (
            "app_store_reviews.xml",
            ["--preset", "trustpilot"],
            "error: --preset trustpilot reads a CSV export; {source} is an RSS or Atom feed",
            2,
        ),
        (
            "facebook_ratings.json",
            ["--map", "text=review_text"],
            "error: --map is for CSV files only",
            2,
        ),
    ],
)
def test_a_preset_or_map_that_does_not_fit_the_source(project, capsys, source, args, message, code):
    root = project()
    path = fixture(source)
    assert run(root, capsys, path, *args) == (code, "", message.format(source=path) + "\n")
    assert files(root) == {}


def test_a_chosen_preset_says_so_and_finds_the_other_author_column(project, capsys, tmp_path):
    export = tmp_path / "trustpilot.csv"
    export.write_text(
        "Review Created (UTC),Review Stars,Review Consumer User,Review Content\n"
        "2026-11-03 14:05:00,5,Sindre Aas,Rask levering til Alta.\n",
        encoding="utf-8",
    )
    root = project()
    code, out, _ = run(root, capsys, str(export), "--preset", "trustpilot")
    assert code == 0
    assert out.splitlines()[0] == f"{export}: preset trustpilot (chosen), channel trustpilot"
    [review] = load_project(root).reviews
    assert (review.author, review.received.isoformat()) == (
        "Sindre Aas",
        "2026-11-03T14:05:00+00:00",
    )


def test_a_review_removed_or_withheld_is_never_created_again(project, capsys, fixed_now):
    root = project()
    source = fixture("google_business_reviews.json")
    assert run(root, capsys, source)[0] == 0
    remove = ["-C", str(root), "remove", "2026-11-08-mette", "--reason", "personal-data"]
    assert main(remove) == 0
    withheld = root / "reviews/2026/2026-11-04-review.yml"
    withheld.write_text(
        withheld.read_text(encoding="utf-8") + "consent: withheld\nwithheld_reason: spam\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    before = snapshot(root)
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "0 new, 5 already imported, 0 changed upstream (not touched), 0 skipped, 1 removed "
        "earlier (in removals.yml; not imported again)"
    )
    assert snapshot(root) == before
    assert not (root / "reviews/2026/2026-11-08-mette.yml").exists()
