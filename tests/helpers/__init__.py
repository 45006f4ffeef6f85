"""Tests of the tests' own helpers (tests/*.py), apart from the tests of reviewwall: the walk
over a site's files, the audit's arithmetic, running a test in a new interpreter, skipping the
tests of an engine that is not installed, and the built sample the tests share."""
