"""The test settings, with the probe app that notes what each consumer of the log takes (probe/)."""

from cms.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.publishing.probe"]  # noqa: F405
