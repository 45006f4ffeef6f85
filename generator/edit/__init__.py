"""Edit: review files written for staff (`reviewwall new`; `reply`, `private`, `followup`,
`resolve` and `withhold` change one in place, every other byte kept), never a customer's words
changed.

Imports only `read`, `check` and itself; the importer writes its files through here too.
"""
