"""A test that builds with an engine that is not installed skips, saying so (conftest.py's
build_project): Zensical is hidden from a pytest run of its own, as if it were not installed."""

import os
import re
import subprocess
import sys

from tests.conftest import ZENSICAL_MISSING
from tests.processes import REPO

# One test of each kind: a test, a parameter of a test, a parameter of a module's fixture.
ZENSICAL_TESTS = [
    "tests/words/test_multilingual.py::test_zensical_builds_the_same_languages",
    "tests/publish/test_internal_links.py::"
    "test_every_internal_link_of_the_sample_leads_to_a_file[zensical]",
    "tests/render/test_site_leaks.py::test_nothing_private_is_in_any_file_of_the_site[zensical]",
]


def test_the_tests_of_zensical_skip_where_it_is_not_installed(tmp_path):
    hidden = tmp_path / "hidden" / "zensical"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text(  # as Python says when it is not installed
        "raise ModuleNotFoundError(\"No module named 'zensical'\", name='zensical')\n"
    )
    paths = [str(hidden.parent), *filter(None, [os.environ.get("PYTHONPATH")])]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", *ZENSICAL_TESTS],
        cwd=REPO,
        env=os.environ | {"PYTHONPATH": os.pathsep.join(paths)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    skipped = re.findall(r"^SKIPPED \[(\d+)\] [^:]+:\d+: (.*)$", result.stdout, re.MULTILINE)
    assert {reason for _, reason in skipped} == {ZENSICAL_MISSING}, result.stdout[-3000:]
    assert sum(int(count) for count, _ in skipped) == len(ZENSICAL_TESTS)
    assert result.stdout.splitlines()[-1].startswith("3 skipped in "), result.stdout[-3000:]
