"""Check: the format's rules, private data in published fields, and the service rules.

Returns problems and prints nothing; `project` reads and checks a whole project, sharing the files
over the machine's cores (`cores`). Imports only `read` and itself.
"""
