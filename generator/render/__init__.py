"""Render: what may be published, as pages and files: cases, the wall, the figures and their
evidence, the policy, the feed, open data, the badge, structured data.

Jinja2 templates from templates/ get ready data; every value is escaped. Imports `read`, `check`,
`measure`, `words` and itself; never an engine.
"""
