#!/usr/bin/env python
"""Schemathesis against every operation of /api/v1/openapi.json, with a far larger budget than the suite.

    .venv/bin/python bench/fuzz_api.py [EXAMPLES=300]

The suite (tests/cms/test_api_fuzz.py) sends 30 valid requests per operation on every run; this sends
up to EXAMPLES valid ones (positive mode) and EXAMPLES invalid ones (negative mode: wrong types, out of
range, missing or extra parameters) per operation, in process through the WSGI application, against a
throwaway database with the demo site and a real engine (bench/harness.py). Stateful testing is off:
the API is read-only.

Every answer goes through schemathesis' checks (status documented, body and headers as the document
says, invalid data rejected, valid data accepted). Prints cases run, failures by check and operation,
and server errors, with one request (as curl) showing each; exits 1 on any server error. Failed
checks are printed, not fatal: in negative mode schemathesis "violates" an array-of-strings query
parameter by sending a number or a boolean, which on the wire is a one-item array of strings again
(bench/RESULTS.md, "API fuzzing"). Hypothesis is derandomized, yet two runs still differ by a few
percent of their cases (schemathesis makes some choices of its own): each failure is printed as curl.
"""

import collections
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from stats import bars  # noqa: E402

EXAMPLES = harness.argument(1, 300, smoke=1)
# An opaque token (a changes cursor, a search `after`, a preview token) is any string by its schema,
# yet only the ones the API gave are good: a made-up one is rightly a 400 (see test_api_fuzz.py).
OPAQUE_TOKENS = {"changes_view", "search_view", "preview"}


class Tally:
    def __init__(self):
        self.cases = collections.Counter()  # (operation, mode) -> cases
        self.statuses = collections.Counter()  # status class -> answers
        self.failures = collections.Counter()  # (check title, operation) -> failures
        self.server_errors = collections.Counter()  # operation -> 5xx answers
        self.examples = {}  # check title or "5xx" -> one request that shows it


def fuzz(operation, mode, tally):
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.core.failures import Failure, FailureGroup
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    name = operation.definition.raw["operationId"]
    excluded = [positive_data_acceptance] if name in OPAQUE_TOKENS else []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # every failure is counted, none is shrunk
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        tally.cases[name, mode.value] += 1
        response = case.call()
        tally.statuses[f"{response.status_code // 100}xx"] += 1
        if response.status_code >= 500:
            tally.server_errors[name] += 1
            tally.examples.setdefault("5xx", case.as_curl_command())
        try:
            case.validate_response(response, excluded_checks=excluded)
        except (FailureGroup, Failure) as error:
            for failure in getattr(error, "exceptions", [error]):
                tally.failures[failure.title, name] += 1
                tally.examples.setdefault(failure.title, f"{case.as_curl_command()}\n    {failure.message}")

    try:
        run()
    except Exception as error:  # noqa: BLE001 - e.g. no invalid request exists for an endpoint without parameters
        if tally.cases[name, mode.value] == 0:
            print(f"  {name} {mode.value}: no cases ({type(error).__name__})", file=sys.stderr)
        else:
            raise


def main():
    began = time.perf_counter()
    settings = harness.setup()
    settings.DEBUG = False  # a server error is the production 500 page, never Django's debug page
    logging.getLogger("django.request").setLevel(logging.ERROR)  # thousands of 4xx, each logged otherwise
    from django.core.wsgi import get_wsgi_application
    from schemathesis import GenerationMode, openapi

    from search.sync import drain

    drain(refresh=True)
    schema = openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    tally = Tally()
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, mode, tally)
        print(f"  {operation.definition.raw['operationId']} done", file=sys.stderr)
    harness.cleanup()
    report(tally, operations, time.perf_counter() - began)
    return 1 if tally.server_errors else 0


def report(tally, operations, elapsed):
    total = sum(tally.cases.values())
    by_mode = collections.Counter()
    for (_name, mode), count in tally.cases.items():
        by_mode[mode] += count
    print(
        f"{total} cases over {len(operations)} operations in {elapsed:.0f} s "
        f"(up to {EXAMPLES} per operation and mode; "
        + ", ".join(f"{mode} {count}" for mode, count in sorted(by_mode.items()))
        + ")"
    )
    print("cases per operation:")
    names = sorted({name for name, _mode in tally.cases})
    per_operation = [(name, tally.cases[name, "positive"] + tally.cases[name, "negative"]) for name in names]
    bars(per_operation, unit="cases")
    print("answers by status:")
    bars(sorted(tally.statuses.items()), unit="answers")
    print(f"server errors (5xx): {sum(tally.server_errors.values())}")
    for name, count in tally.server_errors.most_common():
        print(f"  {name}: {count}")
    print(f"failed checks: {sum(tally.failures.values())}")
    for (title, name), count in tally.failures.most_common():
        print(f"  {count:6d}  {title}: {name}")
    for title, curl in tally.examples.items():
        print(f"  e.g. {title}: {curl[:600]}")


if __name__ == "__main__":
    sys.exit(main())
