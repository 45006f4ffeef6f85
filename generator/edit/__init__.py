"""Edit: review files written for staff (`reviewwall new`), never a customer's words changed.

Imports only `read`, `check` and itself; the importer writes its files through here too.
"""
