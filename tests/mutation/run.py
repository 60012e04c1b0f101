"""Mutation testing of the rule modules: `make mutation`.

Each rule module is mutated one small change at a time (mutmut 2: a flipped comparison, a changed constant or
string, a deleted statement …; then wider.py: a guard `if` deleted, an operand of `and`/`or` dropped, an entry
of a dict or set removed) in a scratch copy of the tree, and only the tests that specify that rule run
against each mutant. A mutant the tests still pass is a survivor: a behaviour nothing pins down, or an
equivalent change (those lines carry `# pragma: no mutate` and are listed in tests/README.md).

    python -m tests.mutation.run [MODULE ...]      # default: every rule module; prints the score per module
"""

import ast
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.mutation import wider

PROJECT = Path(__file__).resolve().parents[2]
PASS_MARK = 90.0


@dataclass(frozen=True)
class Rule:
    module: str
    tests: tuple
    scope: tuple = ()  # "function" or "Class.function" names to mutate; empty: the whole module


RULES = [
    Rule("enquiries/phones.py", ("tests/enquiries/test_phones.py", "tests/enquiries/test_call_us_numbers.py")),
    Rule("enquiries/services.py", ("tests/enquiries/test_services.py", "tests/enquiries/test_commands.py",
                                   "tests/enquiries/test_admin.py", "tests/enquiries/test_erasure.py")),
    Rule("articles/workflow.py", ("tests/articles/test_workflow.py", "tests/articles/test_admin_workflow.py",
                                  "tests/articles/test_queues.py")),
    Rule("articles/models.py", ("tests/articles/test_models.py", "tests/articles/test_pages.py",
                                "tests/articles/test_workflow.py"),
         scope=("EditionQuerySet.released", "Edition.is_released", "ArticleQuerySet.published",
                "ArticleQuerySet.visible_to", "Article.is_published", "Article.is_scheduled_ahead")),
    Rule("articles/sanitize.py", ("tests/articles/test_sanitize.py",)),
    Rule("practice/marking.py", ("tests/practice/test_marking.py",)),
    Rule("practice/keys.py", ("tests/practice/test_keys.py", "tests/practice/test_admin.py")),
    Rule("articles/search/words.py", ("tests/articles/test_search_words.py", "tests/articles/test_search.py")),
    Rule("coaching/page_cache.py", ("tests/coaching/test_page_cache.py",),
         scope=("page_address", "_is_cached_view", "seconds_until_next_change", "_next_change",
                "PublicPageCacheMiddleware._key", "PublicPageCacheMiddleware._shareable")),
]


def line_ranges(path, names):
    """[first, last] source lines of the named "function"s and "Class.function"s."""
    tree = ast.parse(path.read_text())
    ranges = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            ranges.append([node.lineno, node.end_lineno])
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and f"{node.name}.{item.name}" in names:
                    ranges.append([item.lineno, item.end_lineno])
    missing = len(names) - len(ranges)
    if missing:
        raise SystemExit(f"{path}: {missing} of the scope's functions were not found: {names}")
    return ranges


def scratch_copy():
    """The tracked files (as they are now) in a temporary folder, so mutants never touch the checkout."""
    target = Path(tempfile.mkdtemp(prefix="coaching-mutation-"))
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=PROJECT,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    for name in files:
        source = PROJECT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    shutil.copy2(Path(__file__).with_name("mutmut_config.py"), target / "mutmut_config.py")
    return target


def run_rule(rule):
    """Mutate one module in its own scratch copy; return (module, mutmut's statuses, the copy, the log)."""
    tree = scratch_copy()
    log = tree / "mutation.log"
    python = sys.executable
    runner = (f"{python} -m pytest -x -q -p no:cacheprovider --reuse-db -m 'not e2e' "
              f"-o addopts='' {' '.join(rule.tests)}")
    scope = line_ranges(tree / rule.module, rule.scope) if rule.scope else None
    env = {**os.environ, "COACHING_TEST_DATABASE": str(tree / "mutation-test.sqlite3"),
           "MUTATION_SCOPE": json.dumps(scope)}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    with open(log, "w") as output:
        subprocess.run([python, "-m", "mutmut", "run", "--paths-to-mutate", rule.module, "--runner", runner,
                        "--tests-dir", "tests", "--no-progress"], cwd=tree, env=env, stdout=output,
                       stderr=subprocess.STDOUT)
        for mutant in survivors(tree / ".mutmut-cache"):
            subprocess.run([python, "-m", "mutmut", "show", str(mutant)], cwd=tree, env=env, stdout=output)
        killed, survived = wider.run(tree / rule.module, runner, env, tree, scope, output)
    statuses = count(tree / ".mutmut-cache", rule.module)
    return rule.module, {**statuses, "wider_killed": killed, "wider_survived": survived}, tree, log


def count(cache, module):
    with sqlite3.connect(cache) as db:
        rows = db.execute(
            "SELECT mutant.status, count(*) FROM mutant JOIN line ON mutant.line = line.id "
            "JOIN sourcefile ON line.sourcefile = sourcefile.id WHERE sourcefile.filename = ? "
            "GROUP BY mutant.status", (module,)).fetchall()
    return dict(rows)


def survivors(cache):
    with sqlite3.connect(cache) as db:
        return [row[0] for row in db.execute("SELECT id FROM mutant WHERE status = 'bad_survived' ORDER BY id")]


def score(statuses):
    killed = (statuses.get("ok_killed", 0) + statuses.get("ok_suspicious", 0) + statuses.get("bad_timeout", 0)
              + statuses.get("wider_killed", 0))
    tested = killed + statuses.get("bad_survived", 0) + statuses.get("wider_survived", 0)
    return killed, tested, (100.0 * killed / tested if tested else 100.0)


def main(modules):
    rules = [rule for rule in RULES if not modules or rule.module in modules]
    unknown = set(modules) - {rule.module for rule in RULES}
    if unknown:
        raise SystemExit(f"Not a rule module: {', '.join(sorted(unknown))}. Rule modules: "
                         + ", ".join(rule.module for rule in RULES))
    started = time.monotonic()
    # One module per core: each mutant's test run is a single process.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(run_rule, rules))
    print("module                      killed / tested   score   of them wider   survivors listed in")
    passed = True
    for module, statuses, tree, log in results:
        killed, tested, percent = score(statuses)
        wider_tested = statuses["wider_killed"] + statuses["wider_survived"]
        passed = passed and percent >= PASS_MARK
        print(f"{module:28} {killed:6} / {tested:<6}   {percent:5.1f}%   {statuses['wider_killed']:4} / {wider_tested:<4}"
              f"   {log}")
    print(f"{time.monotonic() - started:.0f} s")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
