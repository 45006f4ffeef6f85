"""Tests of publishing: whole builds, the engines, site/ swapped whole, the live preview."""
