"""Read: review files and site_config.yml become values that remember the line of every field.

The review format itself (its vocabularies, the Review value), typed fields and the problems found
on the way live here. Imports nothing of reviewwall but this package.
"""
