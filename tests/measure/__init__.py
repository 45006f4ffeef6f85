"""Tests of measuring: every figure, on both sides of each boundary."""
