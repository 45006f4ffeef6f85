"""reviewwall import: each preset's example feed, mapped field by field, and every file checks."""

from generator.check.project import load_project
from generator.commands.cli import main
from tests.conftest import build_project, content, page
from tests.importing import files, fixture, format_problems, run

SUMMARY = "{} new, 0 already imported, 0 changed upstream (not touched), 0 skipped"


def reviews_by_source(root):
    return {review.source_id: review for review in load_project(root).reviews}


def test_app_store_feed_is_detected_and_mapped(project, capsys):
    root = project()
    source = fixture("app_store_reviews.xml")
    code, out, err = run(root, capsys, source)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{source}: preset app-store (detected from the im: namespace), channel app-store",
        "reviews/2026/2026-11-03-fjellgeit.yml",
        "reviews/2026/2026-11-04-ola.yml",
        "reviews/2026/2026-11-05-kari.yml",
        SUMMARY.format(3),
    ]
    assert files(root)["reviews/2026/2026-11-03-fjellgeit.yml"] == (
        "# yaml-language-server: $schema=../../schemas/review.schema.json\n"
        "# Imported by reviewwall import: the customer's words as the source gave them.\n"
        "channel: app-store\n"
        "received: 2026-11-03T05:12-07:00\n"
        "source_id: '10987654321'\n"
        "author: fjellgeit\n"
        "rating: 5\n"
        "language: nb\n"
        "title: Rask levering\n"
        "url: https://itunes.apple.com/no/review?id=1234567890&type=Purple%20Software\n"
        "text: |-\n"
        "  Bestilte jakke mandag, kom onsdag.\n"
        "  Passer perfekt.\n"
    )
    assert format_problems(root) == []
    ola = reviews_by_source(root)["10987654322"]
    assert (ola.rating, ola.kind, ola.author) == (1, "complaint", "Ola N.")
    assert ola.received.isoformat() == "2026-11-04T22:40:00+01:00"  # its own zone, kept
    assert ola.text == "Tredje gang nå. Handlekurven tømmes når jeg trykker «Betal»."


def test_wordpress_comments_drop_the_feed_title_and_get_kind_question(project, capsys):
    root = project()
    source = fixture("wordpress_comments.xml")
    code, out, _ = run(root, capsys, source)
    assert code == 0
    assert out.splitlines() == [
        f"{source}: preset wordpress-comments (detected from the WordPress generator), "
        "channel other",
        "reviews/2026/2026-11-03-siri.yml",
        "reviews/2026/2026-11-04-jon.yml",
        "1 without a rating was given kind 'question' (the wordpress-comments preset's choice; "
        "--kind to choose another).",
        SUMMARY.format(2),
    ]
    reviews = reviews_by_source(root)
    siri = reviews["https://shop.example.com/?p=120#comment-41"]
    assert (siri.title, siri.kind, siri.rating, siri.channel) == (None, "question", None, "other")
    assert siri.text == (
        "Do you have the Polar jacket in size XS?\n\n"
        "The page says “sold out” & I can’t find a waiting list."
    )
    assert siri.url == "https://shop.example.com/2026/10/winter-jackets/#comment-41"
    jon = reviews["https://shop.example.com/?p=120#comment-42"]
    assert (jon.author, jon.rating, jon.kind) == ("Jon Are", 4, "praise")  # "4 av 5" in the text
    assert format_problems(root) == []


def test_wordpress_preset_uses_a_blog_channel_when_the_site_has_one(project, capsys):
    config = "name: Shop\nlanguage: en\ntimezone: Europe/Oslo\nchannels:\n  blog: Our blog\n"
    root = project(config=config)
    code, out, _ = run(root, capsys, fixture("wordpress_comments.xml"), "--kind", "suggestion")
    assert code == 0
    assert out.splitlines()[0].endswith("channel blog")
    assert "given kind" not in out  # staff chose the kind themselves
    assert {r.kind for r in load_project(root).reviews} == {"suggestion", "praise"}


def test_mastodon_feed_takes_authors_from_post_links(project, capsys):
    root = project()
    source = fixture("mastodon_tag.xml")
    code, out, _ = run(root, capsys, source)
    assert code == 0
    assert out.splitlines()[:3] == [
        f"{source}: preset mastodon (detected from the Mastodon generator), channel other",
        "reviews/2026/2026-11-04-turgaaer.yml",
        "reviews/2026/2026-11-05-fjellrev.yml",
    ]
    reviews = reviews_by_source(root)
    first = reviews["https://mastodon.example/@turgaaer/113456789012345678"]
    assert (first.author, first.rating) == ("@turgaaer", 4)  # ★★★★☆
    assert first.text == "Ny sovepose fra #testbutikken – ★★★★☆\n\nVarm nok til minus ti."
    second = reviews["https://mastodon.example/@fjellrev@social.example/113456789012345999"]
    assert (second.author, second.kind) == ("@fjellrev@social.example", "question")
    assert format_problems(root) == []


def test_generic_feed_finds_its_channel_in_the_links_and_skips_unrated(project, capsys, tmp_path):
    feed = tmp_path / "generic.xml"
    feed.write_text(
        """<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Reviews</title><id>urn:g</id>
<updated>2026-11-05T10:00:00Z</updated>
<entry><id>urn:g:1</id><title>Rated 2 out of 5</title><link href="https://www.trustpilot.com/r/1"/>
<published>2026-11-02T09:00:00+01:00</published><updated>2026-11-04T09:00:00Z</updated>
<content type="html">&lt;p&gt;Slow.&lt;/p&gt;</content></entry>
<entry><id>urn:g:2</id><title>No stars here</title><link href="https://www.trustpilot.com/r/2"/>
<updated>2026-11-03T09:00:00Z</updated><content type="text">Just words.</content></entry>
<entry><id>urn:g:3</id><title>No date</title><link href="https://www.trustpilot.com/r/3"/>
<content type="text">When?</content></entry>
<entry><id>urn:g:4</id><title>Empty</title><link href="https://www.trustpilot.com/r/4"/>
<updated>2026-11-03T09:00:00Z</updated>
<content type="html">&lt;script&gt;x()&lt;/script&gt;</content></entry>
</feed>
""",
        encoding="utf-8",
    )
    root = project()
    code, out, _ = run(root, capsys, str(feed))
    assert code == 0
    assert out.splitlines() == [
        f"{feed}: preset generic (the default), channel trustpilot",
        "reviews/2026/2026-11-02-rated-2-out-of.yml",
        "1 new, 0 already imported, 0 changed upstream (not touched), "
        "3 skipped (1 without a rating or --kind, 1 without a date, 1 without text or a rating)",
    ]
    review = reviews_by_source(root)["urn:g:1"]
    assert review.received.isoformat() == "2026-11-02T09:00:00+01:00"  # published, not updated
    assert (review.rating, review.language) == (2, "en")  # no language given: the site's
    assert "language:" not in files(root)["reviews/2026/2026-11-02-rated-2-out-of.yml"]
    code, out, _ = run(root, capsys, str(feed), "--kind", "mixed")
    assert out.splitlines()[-1] == (
        "1 new, 1 already imported, 0 changed upstream (not touched), "
        "2 skipped (1 without a date, 1 without text or a rating)"
    )


def test_a_chosen_preset_wins_over_detection(project, capsys):
    root = project()
    source = fixture("app_store_reviews.xml")
    code, out, _ = run(root, capsys, source, "--preset", "generic", "--channel", "google")
    assert code == 0
    assert out.splitlines()[0] == f"{source}: preset generic (chosen), channel google"
    assert {r.channel for r in load_project(root).reviews} == {"google"}


def test_hostile_feed_reads_back_exactly_and_builds_without_markup(project, capsys):
    root = project()
    args = (fixture("hostile_html.xml"), "--channel", "google", "--kind", "mixed")
    code, out, _ = run(root, capsys, *args)
    assert code == 0
    assert out.splitlines()[-1] == SUMMARY.format(4)
    assert format_problems(root) == []
    reviews = reviews_by_source(root)
    first = reviews["urn:hostile:1"]
    assert (first.title, first.author, first.url, first.rating) == ("yes", "*alias", None, 4)
    assert first.text == (
        "Fish & chips <script>was</script> fine, 4/5.\n\nSecond paragraph\nwith a break.\n\n"
        "one\ntwo"
    )
    second = reviews["urn:hostile:2"]
    assert (second.title, second.author) == ("1:20", "&anchor")
    assert second.text == (
        "- [x] key: value #not a comment\ntrailing spaces   \n"
        "tab\there and a line separator\u2028inside\nnull"
    )
    third = reviews["urn:hostile:3"]
    assert (third.title, third.author) == ('!!python/object/apply:os.system ["echo pwned"]', "~")
    assert third.text == "Click & \U0001f600 \u202eevil\u202c ok"
    fourth = reviews["urn:hostile:4"]
    assert (fourth.title, fourth.author, fourth.text) == (
        "'quoted' \"double\" %TAG",
        "no",
        "---\n...\n| > ? :",
    )
    build_project(root)
    case = content(page(root, f"reviews/{first.id}"))
    words = case.select_one(".rw-words")
    assert {tag.name for tag in words.find_all(True)} <= {"p", "br"}
    assert words.get_text(" ", strip=True).startswith("Fish & chips <script>was</script> fine")
    assert case.select_one("h1 .rw-headline").get_text() == "yes"  # a short title heads the page


def test_reviewwall_check_passes_after_importing_every_example(project, capsys):
    root = project()
    for args in (
        [fixture("app_store_reviews.xml")],
        [fixture("wordpress_comments.xml")],
        [fixture("mastodon_tag.xml")],
        [fixture("hostile_html.xml"), "--channel", "google", "--kind", "mixed"],
        [fixture("truncated.xml"), "--channel", "google", "--kind", "mixed"],
        [fixture("reviews_export.csv")],
        [fixture("omtaler_eksport.csv"), "--channel", "google"],
    ):
        assert run(root, capsys, *args)[0] == 0
    assert len(files(root)) == 18
    assert main(["-C", str(root), "check"]) == 0  # service-rule warnings only, no errors
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.endswith("(18 reviews checked).") and last.startswith("0 errors and ")


def test_source_id_is_the_id_else_the_link_else_a_hash_and_language_falls_back(
    project, capsys, tmp_path
):
    feed = tmp_path / "forum.xml"
    feed.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Reviews</title><id>urn:f</id>
<updated>2026-11-05T10:00:00Z</updated>
<entry xml:lang="nb"><id>urn:f:1</id><title>Bra</title><link href="https://forum.example/t/1"/>
<published>2026-11-02T09:00:00+01:00</published><content type="text">Rated 5 out of 5.</content>
</entry>
<entry><title>No id</title><link href="https://forum.example/t/2"/>
<updated>2026-11-03T09:30:00-05:00</updated><content type="text">4/5, would buy again.</content>
</entry>
<entry><title>Nothing but words</title><author><name>Kari</name></author>
<published>2026-11-04T08:00:00Z</published><content type="text">★★★☆☆ slow, fine.</content>
</entry>
</feed>
""",
        encoding="utf-8",
    )
    root = project()
    assert run(root, capsys, str(feed), "--channel", "other")[0] == 0
    found = {
        r.source_id: (r.received.isoformat(), r.language, r.rating, r.url)
        for r in load_project(root).reviews
    }
    assert found == {
        "urn:f:1": ("2026-11-02T09:00:00+01:00", "nb", 5, "https://forum.example/t/1"),
        # No published date: the updated one, in its own zone; the feed's xml:lang.
        "https://forum.example/t/2": (
            "2026-11-03T09:30:00-05:00",
            "en",
            4,
            "https://forum.example/t/2",
        ),
        # Neither id nor link: a hash of the date, author, title and text, the same every time.
        "sha256-5c75c945d6912b5a637ed5452b843384": ("2026-11-04T08:00:00+00:00", "en", 3, None),
    }
    code, out, _ = run(root, capsys, str(feed), "--channel", "other")
    assert out.splitlines()[-1] == (
        "0 new, 3 already imported, 0 changed upstream (not touched), 0 skipped"
    )
