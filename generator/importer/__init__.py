"""Import: reviews from feeds, CSV and JSON exports, never lost and never duplicated.

`imports.import_source` is the library entry point; the command's flags and report are in
`commands/importing.py`. Imports `read`, `check`, `edit` and itself. Nothing is imported here, so
that `reviewwall check` does not pay for feedparser.
"""
