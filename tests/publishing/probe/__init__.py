"""A test app for the publish worker's subprocesses: notes every event each consumer of the log takes.

Installed only by tests/publishing/probe_settings.py. Each consumer the project registered is wrapped
so that, in the transaction that moves its cursor, it writes one row per event it took into a table
with no unique constraint; a duplicate therefore shows up as two rows instead of an error. A consumer
of its own ("probe") does nothing else. The table is made and dropped by the test (TABLE), not by a
migration.
"""

TABLE = "publishing_probe_taken"
PROBE = "probe"
