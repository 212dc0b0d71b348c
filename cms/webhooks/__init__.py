"""Outgoing webhooks: subscribers hear about publish, unpublish and delete without polling.

A delivery is a row written in the same transaction as the change it announces (events.py), sent
later by the deliver_webhooks worker (delivery.py), signed so the subscriber can trust it
(signing.py). Publishing never waits on a subscriber.
"""
