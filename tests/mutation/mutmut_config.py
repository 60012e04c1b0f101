"""mutmut's hook, copied beside the code under test by tests/mutation/run.py: mutate only the lines of the
rule's functions named in MUTATION_SCOPE (a JSON list of [first, last] line numbers, 1-based), when set."""

import json
import os

SCOPE = json.loads(os.environ.get("MUTATION_SCOPE") or "null")


def pre_mutation(context):
    line = context.current_line_index + 1
    if SCOPE is not None and not any(first <= line <= last for first, last in SCOPE):
        context.skip = True
