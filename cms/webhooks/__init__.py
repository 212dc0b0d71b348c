"""Outgoing webhooks: subscribers hear about publish, unpublish and delete without polling.

A delivery is a row the publish worker writes for each event of the publishing log, as the log's
webhook consumer (events.py), and sends later (delivery.py), signed so the subscriber can trust it
(signing.py). Publishing never waits on a subscriber.
"""
