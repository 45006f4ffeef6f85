"""Publish: the build in pipeline order, the MkDocs project it writes in build/, the engine that
turns it into site/, and the live preview.

`engine` is the only module of reviewwall that knows MkDocs or Zensical exist. May import every
stage before it.
"""
