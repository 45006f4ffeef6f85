"""reviewwall import of the platforms' own exports: each preset with its fixture, with no flags.

The fixtures follow each platform's documented format (tests/fixtures/import/SOURCES.md).
"""

import json

import pytest

from generator.check.project import load_project
from generator.commands.cli import main
from generator.importer.platforms import map_app_store_connect, map_app_store_entry, map_facebook
from generator.render.case import make_cases
from generator.words.labels import read_labels
from tests.conftest import build_project, content, page
from tests.importing import files, fixture, format_problems, run, snapshot

SUMMARY = "{} new, 0 already imported, 0 changed upstream (not touched), 0 skipped"


def by_source(root):
    return {review.source_id: review for review in load_project(root).reviews}


def replies(review):
    return [(e.side, e.by, e.at.isoformat(), e.text) for e in review.thread]


def test_google_business_profile_reviews_from_the_api(project, capsys):
    root = project()
    source = fixture("google_business_reviews.json")
    code, out, err = run(root, capsys, source)
    assert code == 0
    assert out.splitlines() == [
        f"{source}: preset google-business (detected from the reviews[].starRating key), "
        "channel google",
        "not imported: reviewer.profilePhotoUrl, updateTime",
        "reviews/2026/2026-11-03-ingrid.yml",
        "reviews/2026/2026-11-04-review.yml",
        "reviews/2026/2026-11-05-mikko.yml",
        "reviews/2026/2026-11-06-aino.yml",
        "reviews/2026/2026-11-07-lars.yml",
        "reviews/2026/2026-11-08-mette.yml",
        SUMMARY.format(6),
    ]
    assert err == ""
    assert format_problems(root) == []
    reviews = by_source(root)
    ingrid = reviews["AbFvOqnR7cKx2e"]
    assert (ingrid.author, ingrid.rating, ingrid.language) == ("Ingrid Solheim", 5, "en")
    assert ingrid.received.isoformat() == "2026-11-03T08:15:30+00:00"
    assert replies(ingrid) == [
        (
            "business",
            "Testbutikken",  # the site's name: Google does not say who of the staff answered
            "2026-11-03T10:02:00+00:00",
            "Tusen takk, Ingrid! Så fint at byttet gikk raskt.",
        )
    ]
    assert reviews["AbFvOqmZ0tLs9w"].author is None  # an anonymous reviewer has no name
    mikko = reviews["AbFvOqkW4yPq1n"]  # stars and the owner's reply, no words
    assert (mikko.text, mikko.rating, mikko.kind) == ("", 3, "mixed")
    assert (
        replies(mikko)[0][3]
        == "Kiitos arviosta, Mikko! Kerro ihmeessä, mitä voisimme tehdä paremmin."
    )
    aino = reviews["AbFvOqjT8hNd3c"]  # Google's translation left out, the customer's words kept
    assert (aino.text, aino.language) == (
        "Takki oli lämmin, mutta vetoketju hajosi kahden viikon jälkeen, eikä kukaan vastannut "
        "sähköpostiini.",
        "fi",
    )
    lars = reviews["AbFvOqhX2bGe7v"]  # plain text as typed: kept, and escaped on the wall
    assert (
        lars.text
        == '<script>alert("hei")</script><b>Bra</b> service <!-- skjult --> &amp; rask levering'
    )
    assert files(root)["reviews/2026/2026-11-06-aino.yml"] == (
        "# yaml-language-server: $schema=../../schemas/review.schema.json\n"
        "# Imported by reviewwall import: the customer's words as the source gave them.\n"
        "channel: google\n"
        "received: 2026-11-06T17:22:45+00:00\n"
        "source_id: AbFvOqjT8hNd3c\n"
        "author: Aino Korhonen\n"
        "rating: 2\n"
        "language: fi\n"
        "text: Takki oli lämmin, mutta vetoketju hajosi kahden viikon jälkeen, eikä kukaan "
        "vastannut sähköpostiini.\n"
        "thread:\n"
        "  - at: 2026-11-07T11:15+00:00\n"
        "    from: business\n"
        "    by: Testbutikken\n"
        "    text: Hei Aino, olemme pahoillamme. Lähetimme uuden takin tänään.\n"
    )
    assert "\ntext:" not in files(root)["reviews/2026/2026-11-05-mikko.yml"]


def test_importing_an_export_again_adds_nothing_and_changes_nothing(project, capsys):
    root = project()
    source = fixture("google_business_reviews.json")
    assert run(root, capsys, source)[0] == 0
    before = snapshot(root)
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == (
        "0 new, 6 already imported, 0 changed upstream (not touched), 0 skipped"
    )
    assert snapshot(root) == before


def test_a_takeout_file_finds_the_reviews_the_api_brought(project, capsys):
    root = project()
    assert run(root, capsys, fixture("google_business_reviews.json"))[0] == 0
    source = fixture("google_takeout_reviews.json")
    code, out, _ = run(root, capsys, source)
    assert code == 0
    assert out.splitlines() == [
        f"{source}: preset google-business (detected from the reviews[].starRating key), "
        "channel google",
        "not imported: reviewer.profilePhotoUrl, updateTime",
        "reviews/2026/2026-10-12-sigrid.yml",
        "reviews/2026/2026-10-14-johan.yml",
        "reviews/2026/2026-10-20-freja.yml",
        "reviews/2026/2026-10-25-ola.yml",
        "4 new, 1 already imported, 0 changed upstream (not touched), 0 skipped",
    ]
    # Takeout's review has no reviewId: the id at the end of its name is the same one.
    assert by_source(root)["AbFvOqfQ1sEr8j"].text == ""
    assert format_problems(root) == []


def test_trustpilot_export_times_are_utc_and_emails_stay_out(project, capsys):
    root = project()
    source = fixture("trustpilot_export.csv")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset trustpilot (detected from the Review Stars and Review Created (UTC) "
        "columns), channel trustpilot",
        "not imported: Review Consumer User Id, Review User Email, Source Of Review, "
        "Reference Id, Domain URL, Webshop Name",
        "reviews/2026/2026-11-03-kristin.yml",
        "reviews/2026/2026-11-04-erik.yml",
        "reviews/2026/2026-11-05-camilla.yml",
        "reviews/2026/2026-11-06-jussi.yml",
        "reviews/2026/2026-11-07-hakon.yml",
        "reviews/2026/2026-11-08-anna.yml",
        SUMMARY.format(6),
    ]
    assert format_problems(root) == []
    written = files(root)
    assert written["reviews/2026/2026-11-03-kristin.yml"].splitlines()[2:5] == [
        "channel: trustpilot",
        "received: 2026-11-03T14:05+00:00",  # the (UTC) column, with the zone it was read in
        "source_id: 6a1f2c3d4e5f60718293a4b1",
    ]
    assert "@" not in "".join(written.values())
    reviews = by_source(root)
    kristin = reviews["6a1f2c3d4e5f60718293a4b1"]
    assert (kristin.author, kristin.title, kristin.language) == (
        "Kristin Berg",
        "Rask og riktig",
        "nb",
    )
    assert kristin.text == "Bestilte søndag, fikk pakken tirsdag.\nAlt stemte."
    assert replies(kristin) == [
        ("business", "Testbutikken", "2026-11-03T15:20:00+00:00", "Takk, Kristin! Kos deg på tur.")
    ]
    camilla = reviews["6a1f2c3d4e5f60718293a4b3"]
    assert (camilla.text, camilla.title, camilla.rating) == ("", None, 4)
    hakon = reviews["6a1f2c3d4e5f60718293a4b5"]
    assert (hakon.author, hakon.title) == ("Håkon <b>Lie</b>", "<script>alert(1)</script>")


def test_google_play_report_in_utf16(project, capsys):
    root = project()
    source = fixture("reviews_no.nordlysfriluft.app_202611.csv")
    assert open(source, "rb").read(2) == b"\xff\xfe"  # as Play Console writes it
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset google-play (detected from the Package Name and Star Rating "
        "columns), channel google-play",
        "not imported: Package Name, App Version Code, App Version Name, Device, Review Submit "
        "Millis Since Epoch, Review Last Update Date and Time, Review Last Update Millis Since "
        "Epoch, Developer Reply Millis Since Epoch",
        "reviews/2026/2026-11-03-review.yml",
        "reviews/2026/2026-11-04-review.yml",
        "reviews/2026/2026-11-05-review.yml",
        "reviews/2026/2026-11-06-review.yml",
        "reviews/2026/2026-11-07-review.yml",
        SUMMARY.format(5),
    ]
    assert format_problems(root) == []
    reviews = by_source(root)
    assert sorted(reviews) == [
        "gp:AOqpTOFk2bXr9s1",
        "gp:AOqpTOGm4cYs1t2",
        "gp:AOqpTOHn6dZt3u3",
        "gp:AOqpTOIo8eAu5v4",
        "gp:AOqpTOJp0fBv7w5",
    ]
    first = reviews["gp:AOqpTOFk2bXr9s1"]
    assert (first.rating, first.language, first.url) == (
        5,
        "nb",
        None,
    )  # Play Console's link is private
    assert first.received.isoformat() == "2026-11-03T06:12:45+00:00"
    assert replies(first) == [
        ("business", "Testbutikken", "2026-11-03T09:00:00+00:00", "Takk, så hyggelig å høre!")
    ]
    assert (reviews["gp:AOqpTOHn6dZt3u3"].text, reviews["gp:AOqpTOHn6dZt3u3"].rating) == ("", 4)
    assert reviews["gp:AOqpTOJp0fBv7w5"].text == (
        "Grei app, men handlekurven tømmes av og til.\nSavner ønskeliste."
    )


def test_facebook_recommendations_give_each_review_its_kind(project, capsys):
    root = project()
    source = fixture("facebook_ratings.json")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset facebook (detected from the data[].recommendation_type key), "
        "channel facebook",
        "not imported: reviewer.id",
        "reviews/2026/2026-11-03-torunn.yml",
        "reviews/2026/2026-11-04-petter.yml",
        "reviews/2026/2026-11-05-ville.yml",
        "reviews/2026/2026-11-06-review.yml",
        "reviews/2026/2026-11-07-elin.yml",
        SUMMARY.format(5),
    ]
    assert format_problems(root) == []
    found = {r.source_id: (r.author, r.kind, r.rating, r.text) for r in load_project(root).reviews}
    assert found == {
        "10161234567890123": (
            "Torunn Eide",
            "praise",
            None,
            "Anbefales! Fikk god hjelp til å velge sovepose til fjellturen.",
        ),
        "10161234567890124": (
            "Petter Dahl",
            "complaint",
            None,
            "Bestilte to ganger, fikk feil farge begge gangene. Ingen svarte på Messenger.",
        ),
        "10161234567890125": ("Ville Heikkinen", "praise", 5, ""),  # stars only
        "10161234567890126": (
            None,  # the page may not see who wrote it
            "praise",
            None,
            '<a href="javascript:alert(1)">Klikk her</a> <style>body{display:none}</style>'
            "Supert utvalg av ull!",
        ),
        # Not recommended, with two stars: the customer's own word decides the kind.
        "10161234567890127": (
            "Elin Nyström",
            "complaint",
            2,
            "Varorna är bra, men leveransen tog tio dagar till Luleå.",
        ),
    }
    assert "given kind" not in out  # every kind here is the customer's own


def test_app_store_connect_reviews_with_their_published_responses(project, capsys):
    root = project()
    source = fixture("app_store_connect_reviews.json")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset app-store-connect (detected from the customerReviews type), "
        "channel app-store",
        "not imported: attributes.territory",
        "reviews/2026/2026-11-03-marit.yml",
        "reviews/2026/2026-11-04-snougglan.yml",
        "reviews/2026/2026-11-05-pekka.yml",
        "reviews/2026/2026-11-06-soren.yml",
        "reviews/2026/2026-11-07-eirik.yml",
        "1 response not published yet (PENDING_PUBLISH) was left out; once public, add it to "
        "the review's thread by hand.",
        SUMMARY.format(5),
    ]
    assert format_problems(root) == []
    reviews = by_source(root)
    marit = reviews["00000028-b08c-0014-729e-fbd500000001"]
    assert (marit.author, marit.title, marit.rating) == (
        "Marit fra Bodø",
        "Endelig en app som virker",
        5,
    )
    assert marit.received.isoformat() == "2026-11-03T07:10:34-08:00"
    assert replies(marit) == [
        (
            "business",
            "Testbutikken",
            "2026-11-03T18:00:00-08:00",
            "Takk, Marit! Vi gleder oss til å se deg på tur.",
        )
    ]
    pekka = reviews["00000028-b08c-0014-729e-fbd500000003"]
    assert (pekka.text, pekka.title, pekka.rating, pekka.thread) == ("", None, 4, ())
    soren = reviews["00000028-b08c-0014-729e-fbd500000004"]
    assert soren.thread == ()  # its response waits for Apple's review: not public yet
    assert soren.title == "</title><script>alert('x')</script>"


def test_app_store_feed_as_json_is_the_same_feed(project, capsys):
    root = project()
    assert run(root, capsys, fixture("app_store_reviews.xml"))[0] == 0
    source = fixture("app_store_reviews.json")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset app-store (detected from the feed.entry[].im:rating key), "
        "channel app-store",
        "not imported: author.uri, im:version, im:voteSum, im:contentType, im:voteCount",
        "reviews/2026/2026-11-06-sanna.yml",
        "reviews/2026/2026-11-07-tuomas.yml",
        "reviews/2026/2026-11-08-img.yml",
        "reviews/2026/2026-11-09-sofie.yml",
        # The XML feed brought the first review already; the app's own record is no review.
        "4 new, 1 already imported, 0 changed upstream (not touched), 0 skipped",
    ]
    assert format_problems(root) == []
    reviews = by_source(root)
    assert (reviews["10987654331"].text, reviews["10987654331"].rating) == ("", 4)
    hostile = reviews["10987654332"]
    assert (hostile.author, hostile.title, hostile.url) == (
        "<img src=x onerror=alert(1)>",
        "<b>Krasjer</b>",
        None,  # a javascript: link is no link
    )


def test_star_only_and_hostile_reviews_build_with_no_markup(project, capsys):
    root = project()
    assert run(root, capsys, fixture("google_business_reviews.json"))[0] == 0
    loaded = load_project(root)
    labels = read_labels(loaded.config.language, loaded.config.labels)
    cases = {case.id: case for case in make_cases(loaded.reviews, loaded.config, labels)}
    assert cases["2026-11-05-mikko"].text == ""  # the wall says "rated 3★ without a comment"
    build_project(root)
    assert content(page(root, "reviews/2026-11-05-mikko")) is not None
    hostile = content(page(root, "reviews/2026-11-07-lars"))
    assert [
        tag for tag in hostile.find_all("script") if tag.get("type") != "application/ld+json"
    ] == []
    assert not any(tag.get_text() == "Bra" for tag in hostile.find_all("b"))
    assert '<script>alert("hei")</script><b>Bra</b> service' in hostile.get_text()


def test_every_example_passes_check_together(project, capsys):
    root = project()
    for name in (
        "google_business_reviews.json",
        "google_takeout_reviews.json",
        "trustpilot_export.csv",
        "reviews_no.nordlysfriluft.app_202611.csv",
        "facebook_ratings.json",
        "app_store_connect_reviews.json",
        "app_store_reviews.json",
    ):
        assert run(root, capsys, fixture(name))[0] == 0
    assert len(files(root)) == 36
    assert main(["-C", str(root), "check"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("0 errors and ") and last.endswith("(36 reviews checked).")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"reviews": [], "nextPageToken": "CAESBggDEgQIAhAB"}, "nextPageToken"),
        (
            {
                "data": [
                    {
                        "created_time": "2026-11-03T12:04:11+0000",
                        "rating": 4,
                        "recommendation_type": "positive",
                    }
                ],
                "paging": {"next": "https://graph.facebook.com/v21.0/1/ratings?after=QVFI"},
            },
            "paging.next",
        ),
        (
            {
                "data": [{"type": "customerReviews", "id": "1", "attributes": {"rating": 4}}],
                "links": {
                    "next": "https://api.appstoreconnect.apple.com/v1/apps/1/customerReviews?cursor=AQ"
                },
            },
            "links.next",
        ),
    ],
)
def test_one_page_of_many_says_more_follow(project, capsys, tmp_path, data, key):
    export = tmp_path / "page.json"
    export.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(project(), capsys, str(export))
    assert code == 0
    assert err.splitlines() == [
        f"warning: {export}: more reviews follow on a next page ({key}); import that page too, "
        "or they are missing"
    ]


def test_a_translated_review_whose_words_do_not_tell_their_language(project, capsys, tmp_path):
    export = tmp_path / "google.json"
    export.write_text(
        json.dumps(
            {
                "reviews": [
                    {
                        "reviewId": "kort",
                        "reviewer": {"displayName": "Siiri Laine"},
                        "starRating": "FIVE",
                        "comment": "(Translated by Google) Great!\n\n(Original)\nMahtava!",
                        "createTime": "2026-11-03T10:00:00Z",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    root = project()
    code, _, err = run(root, capsys, str(export))
    assert (code, err) == (
        0,
        f"warning: {export}: review 1: Google translated this review and its own words do not "
        "tell their language; add language: to its file\n",
    )
    [review] = load_project(root).reviews
    assert (review.text, review.language) == ("Mahtava!", "en")  # no language: the site's


@pytest.mark.parametrize(
    ("mapper", "item", "problem"),
    [
        (
            map_facebook,
            {"created_time": "2026-11-03T10:00:00+0000", "recommendation_type": "neutral"},
            "recommendation_type: expected positive or negative, got 'neutral'",
        ),
        (
            map_facebook,
            {"created_time": "2026-11-03T10:00:00+0000", "rating": 6, "has_rating": True},
            "rating: expected 1–5, got 6",
        ),
        (
            map_facebook,
            {"created_time": "i morgen", "recommendation_type": "positive"},
            "created_time: expected a date-time like 2026-11-03T14:05:00Z, got 'i morgen'",
        ),
        (
            map_app_store_entry,
            {"updated": {"label": "2026-11-03T10:00:00Z"}, "im:rating": {"label": "fem"}},
            "im:rating: expected 1–5, got 'fem'",
        ),
    ],
)
def test_a_bad_value_in_a_platforms_review_is_named(mapper, item, problem):
    assert mapper(item, "x.json: review 1").problems == [problem]


def test_a_bad_app_store_connect_rating_or_response_date_is_named():
    review = {
        "type": "customerReviews",
        "id": "1",
        "attributes": {"rating": 0, "createdDate": "2026-11-03T10:00:00+01:00"},
        "relationships": {"response": {"data": {"id": "r1"}}},
    }
    responses = {
        "r1": {"attributes": {"responseBody": "Takk!", "lastModifiedDate": "2026-11-02T10:00:00Z"}}
    }
    assert map_app_store_connect(review, responses, "x.json: review 1").problems == [
        "attributes.rating: expected 1–5, got 0",
        "response lastModifiedDate: 2026-11-02 10:00 is before the review (2026-11-03 10:00)",
    ]
