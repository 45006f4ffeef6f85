"""Tests of reading: YAML trees that remember their lines."""
