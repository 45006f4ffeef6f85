"""The review and moderation policy page, generated from site_config.yml."""

import pytest
import yaml

from tests.conftest import build_project, content, page, problems_of
from tests.giveback_set import CONFIG, REVIEWS

FULL_CONFIG = (
    CONFIG
    + """\
repository: https://git.example.org/shop/reviews
repository_host: gitlab
channels:
  shop-counter: At the counter
promise:
  first_reply: 12h
  first_reply_per_channel:
    trustpilot: 2d
privacy:
  names: short
  redact:
    - pattern: 'order \\d{5}'
      label: order number
policy_extra: |
  Questions? **Ask us.** <script>window.__pwned=1</script>
"""
)


def policy_page(root):
    return content(page(root, "policy"))


def section(policy, heading):
    """Return the texts of the paragraphs and list items under an h2, up to the next h2."""
    texts = []
    for element in policy.find("h2", string=heading).find_next_siblings():
        if element.name == "h2":
            break
        items = element.find_all("li") if element.name == "ul" else [element]
        texts += [item.get_text(" ", strip=True) for item in items]
    return texts


def test_channels_are_those_with_reviews_and_those_configured(project):
    root = project(REVIEWS, FULL_CONFIG)
    build_project(root)
    policy = policy_page(root)
    # e-mail comes from the withheld review only: collecting it is still true.
    assert section(policy, "Where reviews come from") == [
        "We collect what customers say about us here:",
        "Facebook",
        "Google",
        "Trustpilot",
        "E-mail",
        "Web form",
        "At the counter",
        "What customers write to us privately (e-mail and web form) is published without their "
        "name, unless they agree to more.",
    ]


def test_names_masks_checks_and_promise_come_from_the_settings(project):
    root = project(REVIEWS, FULL_CONFIG)
    build_project(root)
    policy = policy_page(root)
    assert section(policy, "Names and personal details") == [
        "We show a first name and the first letter of the last name: “Firstname Lastname” is "
        "shown as “Firstname L.”. A customer who wants no name shown is “A customer”.",
        "Before anything is published, e-mail addresses, phone numbers and order number are "
        "masked in every text, the customer's and ours.",
    ]
    assert section(policy, "How we check that reviews are real")[1] == (
        "Of 3 published reviews, 1 are marked “Verified order” and 0 “No order found”. We do not "
        "change what customers wrote, apart from masking the details above."
    )
    assert section(policy, "How we answer")[:3] == [
        "We promise a first public reply within 12 hours. On some channels the promise is "
        "different:",
        "Trustpilot: 2 days",
        "When a case needs personal details, we continue in private and the case page says so, "
        "with a short summary of how it went.",
    ]


@pytest.mark.parametrize(
    "style, sentence",
    [
        (
            "full",
            "We show the name the customer gave: “Firstname Lastname” is shown as "
            "“Firstname Lastname”.",
        ),
        ("initials", "We show initials only: “Firstname Lastname” is shown as “F. L.”."),
        ("none", "We show no names: every review is signed “A customer”."),
    ],
)
def test_each_name_style_is_explained_with_an_example(project, style, sentence):
    root = project(REVIEWS, CONFIG + f"privacy:\n  names: {style}\n")
    build_project(root)
    assert section(policy_page(root), "Names and personal details")[0].startswith(sentence)


def test_links_to_figures_history_and_what_the_site_gives_back(project):
    root = project(REVIEWS, FULL_CONFIG)
    build_project(root)
    policy = policy_page(root)
    links = {a.get_text(): a["href"] for a in policy.find_all("a")}
    assert links == {
        "See the figures and the cases behind each one": "../figures/",
        "See the history of every review": "https://git.example.org/shop/reviews",
        "Atom feed": "../feed.xml",
        "All reviews as JSON": "../reviews.json",
        "Badge for your website": "../embed/",
    }
    for target in ("feed.xml", "reviews.json", "embed/index.html"):
        assert (root / "site" / target).is_file()


def test_policy_extra_is_sanitized_markdown_and_the_key_is_known(project):
    root = project(REVIEWS, FULL_CONFIG)
    assert [problem for problem in problems_of(root) if "site_config" in problem] == []
    build_project(root)
    extra = policy_page(root).select_one(".rw-policy-extra")
    assert extra.decode_contents() == "<p>Questions? <strong>Ask us.</strong> </p>"


def test_without_repository_or_extra_the_page_still_says_changes_are_recorded(project):
    root = project(REVIEWS, CONFIG)
    build_project(root)
    policy = policy_page(root)
    assert section(policy, "Every change is on record") == [
        "Every review is a file in a git repository. Adding, changing or deleting one is a dated "
        "commit, so a deleted review leaves a trace. Each change is checked before it is "
        "published: a customer's words cannot be changed, a reply can only be corrected in the "
        "open (the page then says “edited”), and no review can be deleted without a record of why."
    ]
    assert section(policy, "Removed reviews") == [
        "We remove a review from this site only for one of these reasons, and record each "
        "removal, with its reason, in the repository this site is built from: the customer asked "
        "us to; it holds personal data that masking cannot protect; a legal reason; spam; it was "
        "not written by a customer; it is a duplicate of another review.",
        "A review removed because the customer asked, for personal data or for a legal reason "
        "still counts in every figure, as a withheld one does. Spam, reviews not written by "
        "customers and duplicates count in no figure, only in the ledger on the figures page, "
        "which shows every removed and withheld review by reason and by stars, so anyone can see "
        "whether we removed mostly bad ones. See the figures and the cases behind each one .",
    ]
    assert policy.select_one(".rw-policy-extra") is None


def test_the_policy_speaks_norwegian_and_is_in_the_nav(project):
    root = project(REVIEWS, CONFIG.replace("language: en", "language: nb"))
    build_project(root)
    policy = policy_page(root)
    assert policy.h1.get_text() == "Retningslinjer for omtaler"
    assert section(policy, "Navn og personopplysninger")[0].startswith(
        "Vi viser fornavn og første bokstav i etternavnet: «Fornavn Etternavn» vises som "
        "«Fornavn E.»."
    )
    nav = yaml.safe_load((root / "build" / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert {"Retningslinjer for omtaler": "policy/index.md"} in nav
    tabs = [a.get_text(strip=True) for a in page(root, "").select(".md-tabs a")]
    assert "Retningslinjer for omtaler" in tabs
