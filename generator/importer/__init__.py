"""`reviewwall import`: reviews from feeds and CSV exports, never lost and never duplicated.

`imports.import_source` is the library entry point; `command` is the CLI's part. Nothing is
imported here, so that `reviewwall check` does not pay for feedparser.
"""
