"""The publishing core: which content is public, and the one ordered log of every change to it.

Content apps register their types here (registry.py) and never the other way round; consumers (the
search index, webhooks) follow the log with cursors of their own (consumers.py); the changes feed
serves it. docs/publishing.md explains the positions and compaction.
"""
