"""reviewwall: turn a git repository of review files into a static site of cases and figures."""

__version__ = "0.1.0"
