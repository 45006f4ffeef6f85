"""The import's pure parts: ratings in words, HTML to plain text, YAML that reads back exactly."""

from datetime import UTC, datetime

import pytest

from generator.check.checks import check_document
from generator.importer.candidate import Candidate
from generator.importer.csvfile import read_csv, read_csv_moment
from generator.importer.jsonfile import detect_json
from generator.importer.languages import guess_language
from generator.importer.plaintext import html_to_text
from generator.importer.platforms import _original
from generator.importer.presets import PRESETS, detect_preset
from generator.importer.ratings import find_rating, read_rating_cell
from generator.importer.sources import Source
from generator.importer.store import render_review
from generator.read.config import SiteConfig
from generator.read.problems import Problems
from generator.read.reader import Document


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("Rated 4 out of 5", 4),
        ("rated 2 out of 5 stars.", 2),
        ("Fine, 4/5.", 4),
        ("4 / 5", 4),
        ("Jeg gir 4 av 5", 4),
        ("3 av 5 stjärnor", 3),
        ("4/5 tähteä", 4),
        ("5 tähteä", 5),
        ("★★★★☆", 4),
        ("★☆☆☆☆ never again", 1),
        ("2 stars", 2),
        ("1-star service", 1),
        ("4 stjerner", 4),
        ("I give it 3 of 5.", 3),
        ("4.5/5", None),  # not a whole number of stars
        ("8/10", None),  # out of ten: not guessed at
        ("3/4/5", None),
        ("4/5/2026", None),  # a date
        ("14/5", None),
        ("0/5", None),
        ("★★★★★★", None),
        ("Terningkast 6", None),
        ("No stars at all", None),
    ],
)
def test_find_rating(text, rating):
    assert find_rating(text) == rating


def test_the_title_is_read_before_the_text():
    assert find_rating("Rated 2 out of 5", "but really 5/5") == 2
    assert find_rating(None, "5/5") == 5


@pytest.mark.parametrize(
    ("cell", "rating"), [("4", 4), ("4.0", 4), ("5,0", 5), ("★★☆☆☆", 2), ("3/5", 3), ("x", None)]
)
def test_read_rating_cell(cell, rating):
    assert read_rating_cell(cell) == rating


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("Line<br>break<br/>again", "Line\nbreak\nagain"),
        ("Fish &amp; chips &lt;b&gt; &#x1F600; &eacute;", "Fish & chips <b> \U0001f600 é"),
        ("<script>alert(1)</script>Safe<style>p{}</style>", "Safe"),
        ("<p onclick='x()'>Click <a href='javascript:x'>here</a></p>", "Click here"),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        ("  lots   of\n\n   space  ", "lots of space"),
        ("<div><p>Nested</p></div><div>divs</div>", "Nested\n\ndivs"),
        ("<noscript><b>hidden</b></noscript>shown", "shown"),
        ("<script>if (a < b) { document.write('</p>') }</script>after", "after"),
        ("a < b and c > d", "a < b and c > d"),
        ("I <3 this", "I <3 this"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("<img src=x onerror=alert(1)>", ""),
        ("<!-- comment -->text", "text"),
        ("nul\x00and\x07bell", "nulandbell"),
        # Comments, CDATA sections and processing instructions go with all they hold.
        ("<![CDATA[<script>]]>ok", "ok"),
        ("<![CDATA[x<b>y</b>]]>z", "z"),
        ("Fint<!-- <script>alert(1)</script>", "Fint"),  # an open comment runs to the end
        ("a<![CDATA[<script>alert(1)</script>", "a"),
        ("<p>Hei</p><!-- skjult --><p>Hå</p>", "Hei\n\nHå"),
        ("a<!-->b<!--->c", "abc"),  # empty comments, as a browser reads them
        ("a<!-- x --!>b", "ab"),
        ("<?php echo 'x'; ?>Bra", "Bra"),
        ("<?xml version='1.0'?>Bra<?", "Bra"),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


HOSTILE = [
    "yes",
    "no",
    "null",
    "~",
    "1:20",
    "0x1F",
    "*alias",
    "&anchor",
    "!!python/object:os.system",
    "- item",
    "key: value",
    "# not a comment",
    "'single' \"double\"",
    "%TAG",
    "@at",
    "`tick",
    "| bar",
    "> fold",
    "---",
    "...",
    "trailing   ",
    "line one\nline two",
    "  indented first\nsecond",
    "trailing spaces   \non a line",
    "tab\there",
    "tab\tin\nblock",
    "line\u2028separator\nand more",
    "next\x85line",
    "bom\ufeffinside\nx",
    "emoji 😀 and RTL \u202eevil\u202c",
    "blank\n\n\nlines",
    "ends with colon:\nand # hash",
    '\\backslash\\ and "quotes"\nsecond',
]


@pytest.mark.parametrize("value", HOSTILE)
def test_every_text_reads_back_exactly_and_passes_check(value):
    candidate = Candidate(
        where="test",
        received=datetime(2026, 11, 3, 14, 5, tzinfo=UTC),
        text=value,
        source_id=value,
        author=value.split("\n")[0],
        title=value.split("\n")[0],
        rating=3,
        reply=value,
        reply_at=datetime(2026, 11, 4, 9, 0, tzinfo=UTC),
    )
    text, tree = render_review(candidate, "google", None)
    top = tree.value
    assert top["text"].value == value
    assert top["source_id"].value == value
    assert top["title"].value == value.split("\n")[0]
    assert top["thread"].value[0].value["text"].value == value
    problems = Problems()
    review = check_document(
        Document("2026-11-03-test", "x.yml", tree), SiteConfig(root=None), problems
    )
    assert problems == []
    assert review.rating == 3 and review.received == candidate.received


def test_multi_line_text_is_a_block_for_staff_to_read():
    candidate = Candidate("test", datetime(2026, 11, 3, tzinfo=UTC), "One.\nTwo: three", rating=4)
    text, _ = render_review(candidate, "google", None)
    assert text.endswith("text: |-\n  One.\n  Two: three\n")


@pytest.mark.parametrize(
    ("feed", "preset"),
    [
        ({"namespaces": {"im": "http://itunes.apple.com/rss"}}, "app-store"),
        (
            {"feed": {"generator": "https://wordpress.org/?v=6.6"}, "entries": [{}]},
            "wordpress-comments",
        ),
        (
            {
                "feed": {"generator": "https://wordpress.org/?v=6.6"},
                "entries": [{"wfw_commentrss": "x"}],
            },
            None,  # a WordPress feed of posts, not comments
        ),
        ({"feed": {"generator": "Mastodon v4.3"}}, "mastodon"),
        ({"entries": [{"link": "https://social.example/@kari/1234"}]}, "mastodon"),
        ({"entries": [{"link": "https://apps.apple.com/no/app/id1"}]}, "app-store"),
        ({"entries": [{"link": "https://blog.example/post"}]}, None),
    ],
)
def test_detect_preset(feed, preset):
    found = detect_preset(feed)
    assert (found[0] if found else None) == preset
    assert preset is None or preset in PRESETS


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Jeg fikk ikke pakken før etter ti dager, men kundeservice var veldig hyggelig.", "nb"),
        ("Eg fekk ikkje pakken, men dei var hjelpsame.", "nn"),
        ("Veldig fornøyd med jakka, men glidelåsen røk etter to uker.", "no"),
        ("Mycket bra service, jag fick paketet efter två dagar och det var inte dyrt.", "sv"),
        ("Meget fin service, jeg fik pakken efter to dage og det var ikke dyrt.", "da"),
        (
            "Takki oli lämmin, mutta vetoketju hajosi kahden viikon jälkeen, eikä kukaan tullut.",
            "fi",
        ),
        ("The jacket was great and the delivery was very fast.", "en"),
        ("Sehr gut, aber die Lieferung war nicht schnell.", "de"),
        ("Topp!", None),  # too few words to tell
        ("Bra", None),
    ],
)
def test_guess_language(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("comment", "original"),
    [
        (
            "(Translated by Google) Fast delivery\n\n(Original)\nRask levering til Bodø",
            ("Rask levering til Bodø", True),
        ),
        (
            "Snabb leverans till Umeå\n\n(Translated by Google)\nFast delivery to Umeå",
            ("Snabb leverans till Umeå", True),
        ),
        ("Bare norsk her", ("Bare norsk her", False)),
        ("(Original) er et ord vi bruker", ("(Original) er et ord vi bruker", False)),
    ],
)
def test_google_translation_keeps_the_customers_own_words(comment, original):
    assert _original(comment) == original


@pytest.mark.parametrize(
    ("data", "found"),
    [
        ({"reviews": [{"reviewId": "x", "starRating": "FIVE"}]}, "google-business"),
        ([{"name": "accounts/1/locations/2/reviews/x", "starRating": "TWO"}], "google-business"),
        ({"locationReviews": [{"name": "l", "review": {"starRating": "ONE"}}]}, "google-business"),
        ({"data": [{"created_time": "x", "recommendation_type": "positive"}]}, "facebook"),
        ({"data": [{"created_time": "x", "rating": 4, "review_text": "Bra"}]}, "facebook"),
        ({"data": [{"type": "customerReviews", "id": "1"}]}, "app-store-connect"),
        ({"data": {"type": "customerReviews", "id": "1"}}, "app-store-connect"),
        ({"feed": {"entry": [{"im:rating": {"label": "5"}}]}}, "app-store"),
        (
            {
                "feed": {
                    "id": {"label": "https://itunes.apple.com/no/rss/customerreviews/id=1/json"}
                }
            },
            "app-store",
        ),
        ({"data": [{"id": "1"}]}, None),
        ({"feed": {"entry": []}}, None),
        ([1, 2, 3], None),
        ("text", None),
    ],
)
def test_detect_json(data, found):
    detected = detect_json(data)
    assert (detected[0] if detected else None) == found


@pytest.mark.parametrize(
    ("header", "preset"),
    [
        ("Review Id,Review Created (UTC),Review Stars,Review Content", "trustpilot"),
        ("review_stars;review_content;review_created", "trustpilot"),
        (
            "Package Name,App Version Code,Reviewer Language,Review Submit Date and Time,"
            "Star Rating,Review Text",
            "google-play",
        ),
        ("Package Name,Star Rating,Review Submit Millis Since Epoch,Review Text", "google-play"),
        ("Date,Stars,Review", "generic"),
        ("Review Stars,Date,Text", "generic"),
    ],
)
def test_csv_presets_are_detected_by_their_columns(header, preset):
    assert read_csv(Source("export.csv", (header + "\n").encode()), {}, UTC).preset == preset


@pytest.mark.parametrize(
    ("cell", "kind", "moment"),
    [
        ("2026-11-03 14:05:00", "utc", "2026-11-03T14:05:00+00:00"),
        ("2026-11-03T14:05:00+01:00", "utc", "2026-11-03T14:05:00+01:00"),  # its own zone wins
        ("2026-11-03 14:05:00", "", "2026-11-03T14:05:00"),
        ("1793714700000", "millis", "2026-11-03T14:05:00+00:00"),
        ("03.11.2026 14:05", "utc", "2026-11-03T14:05:00+00:00"),
        ("soon", "millis", None),
    ],
)
def test_read_csv_moment_by_kind_of_column(cell, kind, moment):
    found = read_csv_moment(cell, kind)
    assert (found.isoformat() if found else None) == moment
