"""Commands: the `reviewwall` command line, a thin layer over the pipeline and the tools beside it.

Exit 0: success, 1: problems in the user's files, 2: usage. The only package that may import
every other one.
"""
