import os

from django.apps import AppConfig
from django.db import connection

from . import PROBE, TABLE


def noting(name, handle=None):
    def handle_and_note(events):
        if handle is not None:
            handle(events)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (consumer, position, pid) VALUES (%s, %s, %s)",  # noqa: S608 - a constant
                [(name, event.position, os.getpid()) for event in events],
            )

    return handle_and_note


class ProbeConfig(AppConfig):
    name = "tests.publishing.probe"
    label = "publishing_probe"

    def ready(self):
        from cms.publishing import consumers

        # Installed after the project's apps, so their consumers are registered already.
        for consumer in consumers.consumers().values():
            consumers.register(
                consumers.Consumer(consumer.name, noting(consumer.name, consumer.handle), consumer.errors)
            )
        consumers.register(consumers.Consumer(PROBE, noting(PROBE)))
