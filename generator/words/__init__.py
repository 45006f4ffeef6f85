"""Words: what the pages say around the reviews, in the site's language: phrases, sentences,
dates and durations (Babel). `labels:` in site_config.yml overrides any phrase.

Imports only `read` and itself, so any stage that shows text can use it.
"""
