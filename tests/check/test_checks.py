"""`reviewwall check`: every defect in a review file is reported by path, line and exact text."""

import os
import subprocess
import sys

import pytest

from generator.check.cores import usable_cores
from generator.check.project import load_project
from tests.conftest import problems_of, review
from tests.processes import in_a_new_interpreter, processes_that_ran

# About the format and the pages, not the service rules: judged as if it were 2026-11-03 09:00.
pytestmark = pytest.mark.usefixtures("fixed_now")

GOOD = review(author="Kari Nordmann", rating="4")
P = "reviews/2026/2026-11-03-kari.yml"


def check_one(project, text):
    """Return the problems of a project with one review file holding text."""
    return problems_of(project({"2026/2026-11-03-kari.yml": text}))


def test_a_good_review_has_no_problems(project):
    assert check_one(project, GOOD) == []


@pytest.mark.parametrize("text", ["", "text:\n", 'text: ""\n'])
def test_a_rating_without_words_is_a_review(project, text):
    root = project(
        {
            "2026/2026-11-03-kari.yml": f"channel: google\nreceived: 2026-11-03T08:00\n"
            f"rating: 4\n{text}"
        }
    )
    assert problems_of(root) == []
    [found] = load_project(root).reviews
    assert (found.text, found.rating, found.kind) == ("", 4, "praise")


CHANNELS = (
    "facebook, google, trustpilot, tripadvisor, instagram, x, linkedin, youtube, app-store, "
    "google-play, email, phone, chat, web-form, in-store, other"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            review(channel="facebok"),
            f"{P}:1: channel: unknown channel 'facebok'; expected one of: {CHANNELS}; "
            "did you mean 'facebook'?",
        ),
        (review(rating="6"), f"{P}:4: rating: expected a whole number from 1 to 5, got 6"),
        (review(rating="0"), f"{P}:4: rating: expected a whole number from 1 to 5, got 0"),
        (review(rating="five"), f"{P}:4: rating: expected a whole number from 1 to 5, got 'five'"),
        (review(rating="4.5"), f"{P}:4: rating: expected a whole number from 1 to 5, got 4.5"),
        (review(rating='"4"'), f"{P}:4: rating: expected a whole number from 1 to 5, got 4"),
        (
            review(received="yesterday"),
            f"{P}:2: received: expected an ISO 8601 date or date-time like 2026-11-03 or "
            "2026-11-03T14:05, got 'yesterday'",
        ),
        (
            review(received="2026-13-45"),
            f"{P}:2: received: expected an ISO 8601 date or date-time like 2026-11-03 or "
            "2026-11-03T14:05, got '2026-13-45'",
        ),
        (
            "channel: google\nreceived: 2026-11-03T08:00\nkind: question\n",
            f"{P}:1: text: missing; a review without a rating needs the customer's own words",
        ),
        (
            "channel: email\nreceived: 2026-11-03T08:00\ntext: Hello\n",
            f"{P}:1: kind: missing; a review without a rating needs a kind: "
            "complaint, mixed, praise, question, suggestion",
        ),
        (
            review() + "thread:\n  - by: Ola\n    text: Thanks!\n",
            f"{P}:6: thread[1].at: missing; every thread entry needs a date-time like "
            "2026-11-03T14:05",
        ),
        (
            review() + "thread:\n  - at: 2026-11-02T10:00\n    text: Thanks!\n",
            f"{P}:6: thread[1].at: 2026-11-02 10:00 is before the review was received "
            "(2026-11-03 08:00)",
        ),
        (
            review() + "outcome:\n  status: fixed\n",
            f"{P}:6: outcome.status: unknown status 'fixed'; expected one of: open, resolved, "
            "explained, unresolved",
        ),
        (
            review() + "outcome:\n  status: resolvd\n",
            f"{P}:6: outcome.status: unknown status 'resolvd'; expected one of: open, resolved, "
            "explained, unresolved; did you mean 'resolved'?",
        ),
        (
            review(url="javascript:alert(1)"),
            f"{P}:4: url: expected an http:// or https:// address, got 'javascript:alert(1)'",
        ),
        (
            review() + "thread:\n  - at: 2026-11-03T10:00\n    private: true\n",
            f"{P}:6: thread[1].via: missing; a private entry says where the talk went: "
            "email, phone, chat, message, in-store",
        ),
    ],
)
def test_each_defect_is_reported_with_its_line(project, text, expected):
    assert check_one(project, text) == [expected]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"channel: google\nreceived: [2026\ntext: x\n",
            f"{P}:3: invalid YAML at column 5: did not find expected ',' or ']'",
        ),
        (
            b"channel: google\n  received: 2026-11-03\n",
            f"{P}:2: invalid YAML at column 11: mapping values are not allowed in this context",
        ),
        (b"", f"{P}:1: the file is empty; a review needs at least channel, received and text"),
        (
            b"# only a comment\n",
            f"{P}:1: the file is empty; a review needs at least channel, received and text",
        ),
        (
            b"channel: google\ntext: bl\xe5b\xe6r\n",
            f"{P}:2: not UTF-8 text (byte 0xe5 at column 9); save the file as UTF-8",
        ),
        (
            b"- channel: google\n",
            f"{P}:1: expected a mapping of fields (channel: ..., received: ..., text: ...), "
            "got a list",
        ),
        (
            b"just some words\n",
            f"{P}:1: expected a mapping of fields (channel: ..., received: ..., text: ...), "
            "got a single value",
        ),
        (
            b"channel: google\nchannel: email\n",
            f"{P}:2: 'channel' appears twice in the same mapping; keep one",
        ),
    ],
)
def test_unreadable_files_are_reported(project, data, expected):
    assert check_one(project, data) == [expected]


def test_unknown_field_is_a_warning_with_a_suggestion(project):
    problems = load_project(project({"2026/2026-11-03-kari.yml": review(ratng="3")})).problems
    assert [str(p) for p in problems] == [
        f"{P}:4: warning: ratng: unknown field, ignored; did you mean 'rating'?"
    ]
    assert problems.errors == []


def test_two_files_with_the_same_id_name_both_paths(project):
    root = project({"2025/dup.yml": review(), "2026/dup.yml": review()})
    assert problems_of(root) == [
        "reviews/2026/dup.yml:1: review id 'dup' is used twice: also reviews/2025/dup.yml; "
        "rename one of the files"
    ]


def test_file_name_must_be_a_valid_id(project):
    root = project({"2026/Kari Review.yml": review()})
    assert problems_of(root) == [
        "reviews/2026/Kari Review.yml:1: file name 'Kari Review' is not a valid review id: use "
        "lowercase letters, digits and hyphens, like 2026-11-03-kari.yml"
    ]


def test_reserved_ids_cannot_hide_the_wall(project):
    root = project({"2026/complaints.yml": review()})
    assert problems_of(root) == [
        "reviews/2026/complaints.yml:1: review id 'complaints' is reserved for the wall's own "
        "pages (page, complaints, praise, open, resolved, channel, language); rename the file"
    ]


def test_all_problems_in_all_files_at_once(project):
    root = project(
        {
            "2026/a.yml": review(rating="9", channel="gogle"),
            "2026/b.yml": b"\xff\xfe",
            "2026/c.yml": review(received="soon"),
        }
    )
    problems = problems_of(root)
    assert [p.split(":")[0] + ":" + p.split(":")[1] for p in problems] == [
        "reviews/2026/a.yml:1",
        "reviews/2026/a.yml:4",
        "reviews/2026/b.yml:1",
        "reviews/2026/c.yml:2",
    ]


class TestYamlTrapsNeverChangeWhatStaffWrote:
    def reviews_of(self, project, text):
        result = load_project(project({"2026/2026-11-03-kari.yml": text}))
        assert [str(p) for p in result.problems] == []
        return result.reviews[0]

    def test_language_no_is_norwegian(self, project):
        assert self.reviews_of(project, review(language="no")).language == "no"

    def test_a_title_like_a_time_stays_text(self, project):
        assert self.reviews_of(project, review(title="1:20")).title == "1:20"

    @pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "true", "y", "n"])
    def test_yaml_booleans_stay_text(self, project, word):
        assert self.reviews_of(project, review(text=word, author=word)).text == word

    def test_numbers_and_dates_in_text_stay_as_written(self, project):
        found = self.reviews_of(project, review(text="0x1F", title="2026-11-03", author="1e3"))
        assert (found.text, found.title, found.author) == ("0x1F", "2026-11-03", "1e3")


def test_yaml_aliases_are_refused(project):
    text = review() + "tags: &t [delivery]\nextra: *t\n"
    assert check_one(project, text) == [
        f"{P}:5: YAML anchors are not allowed (&t); write the value out in full"
    ]


def test_an_alias_bomb_is_refused_quickly(project):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    problems = check_one(project, review() + "\n".join(lines) + "\n")
    assert problems == [f"{P}:5: YAML anchors are not allowed (&a0); write the value out in full"]


def test_consent_defaults_by_channel(project):
    root = project(
        {
            "2026/a.yml": review(channel="email", kind="complaint"),
            "2026/b.yml": review(channel="google"),
            "2026/c.yml": review(channel="phone", kind="praise", consent="public"),
        }
    )
    consents = {r.id: r.consent for r in load_project(root).reviews}
    assert consents == {"a": "anonymous", "b": "public", "c": "public"}


@pytest.mark.parametrize(
    ("rating", "kind"),
    [(1, "complaint"), (2, "complaint"), (3, "mixed"), (4, "praise"), (5, "praise")],
)
def test_kind_defaults_from_rating(project, rating, kind):
    root = project({"2026/a.yml": review(rating=str(rating))})
    assert load_project(root).reviews[0].kind == kind


@in_a_new_interpreter
def test_several_cores_find_exactly_what_one_finds():
    """Reading and checking is shared out between processes (the files by id, the canned-reply
    rule by reply): the same reviews and problems, in the same order, also where files depend on
    each other (one id twice); and for a build, the same cases as make_cases gives."""
    import tempfile
    from pathlib import Path

    from generator.check import canned, project
    from generator.check.project import SHARED_FROM, check_project
    from generator.publish.build import cases_of_files
    from generator.render.case import make_cases, newest_first
    from generator.words.labels import read_labels
    from tests.synthetic import make_project

    os.environ["SOURCE_DATE_EPOCH"] = "1798880400"  # 2027-01-02: no review in the future
    folder = tempfile.TemporaryDirectory()
    root = make_project(Path(folder.name) / "shop", SHARED_FROM + 100)
    reviews = root / "reviews"
    (reviews / "2024" / "2024-01-05-eli.yml").write_text("channel: [\n")  # unreadable, then
    (reviews / "2025" / "2024-01-05-eli.yml").write_text(review())  # its id again: no error
    (reviews / "zz" / "more").mkdir(parents=True)  # one id twice, side by side in path order
    (reviews / "zz" / "2024-02-01-tor.yml").write_text(review())
    (reviews / "zz" / "more" / "2024-02-01-tor.yml").write_text(review(rating="9"))
    (reviews / "2025" / "page.yml").write_text(review())  # reserved for the wall
    (reviews / "2025" / "2025-03-01-liv.yml").write_bytes(b"channel: \xff\n")
    for name in ("2027-01-01-ada", "2027-01-01-bo", "2027-01-01-cy"):  # received at one moment
        (reviews / "2027" / f"{name}.yml").parent.mkdir(exist_ok=True)
        (reviews / "2027" / f"{name}.yml").write_text(review(received="2027-01-01T09:00"))
    loaded = load_project(root, cores=1)
    expected = [str(p) for p in loaded.problems.sorted()]
    assert [str(p) for p in loaded.problems.errors] == [
        "reviews/2024/2024-01-05-eli.yml:2: invalid YAML at column 1: did not find expected node "
        "content",
        "reviews/2025/2025-03-01-liv.yml:1: not UTF-8 text (byte 0xff at column 10); save the "
        "file as UTF-8",
        "reviews/2025/page.yml:1: review id 'page' is reserved for the wall's own pages (page, "
        "complaints, praise, open, resolved, channel, language); rename the file",
        "reviews/zz/more/2024-02-01-tor.yml:1: review id '2024-02-01-tor' is used twice: also "
        "reviews/zz/2024-02-01-tor.yml; rename one of the files",
    ]
    assert "% the same as" in "\n".join(expected)
    assert loaded.files == SHARED_FROM + 109
    labels = read_labels(loaded.config.language, loaded.config.labels)
    cases = make_cases(loaded.reviews, loaded.config, labels)
    assert [case.id for case in cases[:3]] == ["2027-01-01-ada", "2027-01-01-bo", "2027-01-01-cy"]
    assert loaded.cases is None

    def processes(read):  # the processes that read files, and those that judged replies
        (result, judged), readers = processes_that_ran(
            project, "_read_group", lambda: processes_that_ran(canned, "canned_replies", read)
        )
        return result, readers, judged

    for cores in (1, 2, 3):
        shared, readers, judged = processes(
            lambda cores=cores: load_project(root, loaded.now, cores=cores, cases=cases_of_files)
        )
        assert (len(readers), len(judged)) == (cores, cores)
        assert os.getpid() in readers & judged  # this process did its share
        assert shared.reviews == loaded.reviews  # the same reviews, in the order of the files
        # newest first, and in file order where received together
        assert newest_first(shared.cases) == cases
        assert [str(p) for p in shared.problems.sorted()] == expected
        assert shared.files == loaded.files
    for cores in (1, 2, 3):
        checked, readers, judged = processes(
            lambda cores=cores: check_project(root, loaded.now, cores)
        )
        assert (len(readers), len(judged)) == (cores, cores)
        assert [str(p) for p in checked.problems.sorted()] == expected
        assert checked.files == loaded.files
    # As staff run it: all the cores it may use, unless told.
    unasked, readers, judged = processes(lambda: check_project(root, loaded.now))
    assert (len(readers), len(judged)) == (usable_cores(), usable_cores())
    assert [str(p) for p in unasked.problems.sorted()] == expected
    command = [sys.executable, "-m", "generator", "-C", str(root), "check"]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:-1] == expected
    folder.cleanup()


def test_review_files_are_found_as_a_recursive_glob_finds_them(tmp_path):
    """Every entry named like a review, by folder then name (the order of Path objects), with
    editors' lock links left out and linked folders not entered."""
    from generator.read.reader import SUFFIXES, find_review_files

    reviews = tmp_path / "reviews"
    for name in (
        "2026/2026-01-02-a.yml",
        "2026/2026-01-02-a-b.yaml",
        "2026-extra/2026-03-01-c.yml",  # '-' sorts before '/' in a string, not in a path
        "2026.old/2026-03-02-d.yml",
        "2026/notes.txt",
        "2026/.yml",
        ".hidden/2026-04-01-e.yml",
        "folder.yml/2026-05-01-f.yml",  # a folder named like a review, and a review inside it
        "z/deeper/still/2026-06-01-g.yml",
    ):
        (reviews / name).parent.mkdir(parents=True, exist_ok=True)
        (reviews / name).write_text("channel: email\n")
    (reviews / "2026" / "2026-07-01-broken.yml").symlink_to(tmp_path / "nowhere.yml")
    (reviews / "2026" / ".#2026-01-02-a.yml").symlink_to(tmp_path / "editor-lock")
    (reviews / "linked").symlink_to(reviews / "2026")  # entered, it would name every file twice

    expected = sorted(
        path
        for path in reviews.rglob("*")
        if path.suffix in SUFFIXES and not path.name.startswith(".#")
    )
    found = find_review_files(reviews)
    assert found == expected
    assert [path.relative_to(reviews).as_posix() for path in found] == [
        ".hidden/2026-04-01-e.yml",
        "2026/2026-01-02-a-b.yaml",
        "2026/2026-01-02-a.yml",
        "2026/2026-07-01-broken.yml",
        "2026-extra/2026-03-01-c.yml",
        "2026.old/2026-03-02-d.yml",
        "folder.yml",
        "folder.yml/2026-05-01-f.yml",
        "z/deeper/still/2026-06-01-g.yml",
    ]
    assert find_review_files(tmp_path / "missing") == []
