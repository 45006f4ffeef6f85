"""Tests of `reviewwall import`: feeds, CSV exports, sources, safety."""
