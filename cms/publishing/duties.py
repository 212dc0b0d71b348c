"""Timed duties of the publish worker, registered by the apps that own them (AppConfig.ready).

Each runs every `every` seconds in the scheduler's round; the scheduler itself knows none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command

HOUR = 3600


@dataclass(frozen=True)
class Duty:
    name: str
    run: Callable[[], object]
    # None: every round of the scheduler.
    every: float | None = None


_duties: dict[str, Duty] = {}


def register(duty):
    _duties[duty.name] = duty
    return duty


def duties():
    return list(_duties.values())


def register_core_duties():
    from . import log

    # Wagtail's own: pages whose go-live time has come are published, expired ones unpublished.
    register(Duty("publish_scheduled", lambda: call_command("publish_scheduled")))
    register(Duty("compact the log", log.compact, every=HOUR))
