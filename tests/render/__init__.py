"""Tests of rendering: pages and files of built sites, read back; hostile text and leaks."""
