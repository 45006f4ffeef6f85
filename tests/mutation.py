"""A pytest plugin for `make mutate` only (pyproject.toml's [tool.mutmut] loads it): every fixture
narrower than the session is set up afresh for each test.

mutmut runs, against each mutant, only the tests that called the mutated function while it took
its statistics. A module-scoped fixture (tests/measure/test_figures.py computes the figures once)
is set up inside the first test of its module, so the other tests that read it would never be
run against a mutant of what it computes, and every such mutant would survive.
"""

from __future__ import annotations

from _pytest.scope import Scope

NARROWED = (Scope.Package, Scope.Module, Scope.Class)


def pytest_collection_finish(session) -> None:
    """Give every package-, module- and class-scoped fixture the function's scope."""
    # pytest's fixture definitions are not public API; pyproject.toml pins pytest's major version.
    for definitions in session._fixturemanager._arg2fixturedefs.values():
        for definition in definitions:
            if definition._scope in NARROWED:
                definition._scope = Scope.Function
