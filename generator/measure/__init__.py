"""Measure: every number the pages show (figures, headline, ledger, trends), computed once.

Templates get these ready and never count raw reviews again. Imports only `read`, `check` and
itself.
"""
