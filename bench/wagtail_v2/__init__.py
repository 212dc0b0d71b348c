"""Bench-only: the site with Wagtail's API v2 mounted beside ours, to measure both in one server."""
