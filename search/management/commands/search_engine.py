from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.client import get_client, local_node
from search.engine.errors import EngineError
from search.engine.status import read_status


class Command(BaseCommand):
    help = "Start, stop or inspect the local OpenSearch node (status also inspects SEARCH_URL)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "status", "stop"])
        parser.add_argument("--timeout", type=int, default=180, help="seconds to wait for start")

    def handle(self, *args, action, timeout, **options):
        node = local_node()
        if action != "status" and not settings.SEARCH_URL_IS_LOCAL_ENGINE:
            self.stderr.write(
                f"Note: SEARCH_URL is {settings.SEARCH_URL}; the site does not use the local node."
            )
        try:
            if action == "start":
                self._start(node, timeout)
            elif action == "stop":
                self._stop(node)
            else:
                self._status(node)
        except EngineError as error:
            raise CommandError(str(error)) from error

    def _start(self, node, timeout):
        report = node.start(timeout=timeout, progress=self.stdout.write)
        if report.already_running:
            self.stdout.write(f"Already running at {report.url} (pid {report.pid}).")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Started at {report.url} (pid {report.pid}) in {report.seconds:.1f} s; "
                    "Vietnamese folding checked."
                )
            )

    def _stop(self, node):
        if node.stop():
            self.stdout.write("Stopped the local search engine.")
        else:
            self.stdout.write("The local search engine was not running (nothing stopped).")

    def _status(self, node):
        url = settings.SEARCH_URL
        status = read_status(get_client(), url)
        pid = node.running_pid()
        where = f"local node, pid {pid}" if pid and settings.SEARCH_URL_IS_LOCAL_ENGINE else "SEARCH_URL"
        self.stdout.write(f"URL:      {url} ({where})")
        if not status.reachable:
            raise CommandError(f"The search engine at {url} does not answer: {status.error}")
        self.stdout.write(f"Version:  {status.distribution} {status.version}")
        self.stdout.write(f"Cluster:  {status.cluster_name}, {status.nodes} node(s)")
        self.stdout.write(f"Health:   {status.health}")
        self.stdout.write("Plugins:")
        for plugin in status.plugins or ["(none)"]:
            self.stdout.write(f"  {plugin}")
        if not status.has_icu:
            raise CommandError("The ICU analysis plugin is not loaded: Vietnamese search needs it.")
