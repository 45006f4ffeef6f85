"""Tests of checking: the format's rules, privacy, the service rules, the cores."""
