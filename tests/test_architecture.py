"""The house's rules, checked by the build: the import contracts of pyproject.toml ([tool.importlinter]),
each shown able to fail, and three rules that imports cannot show."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
APPS = ["coaching", "answers", "practice", "enquiries", "articles", "common"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root):
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120)


def source_files(*suffixes, apps=APPS, skip_migrations=True):
    """Every project file of these kinds, as (path relative to the project, text)."""
    for folder in [*apps, "templates"]:
        for path in sorted((PROJECT / folder).rglob("*")):
            if path.suffix in suffixes and not (skip_migrations and "migrations" in path.parts):
                yield path.relative_to(PROJECT), path.read_text(encoding="utf-8")


def test_the_import_contracts_hold():
    """lint-imports keeps every contract: the layers, common imports no app, migrations import no project code."""
    result = lint_imports(PROJECT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module, forbidden_import, contract", [
    ("articles/models.py", "from enquiries import phones", "Layers: each app imports only the apps below it"),
    ("enquiries/services.py", "import practice.marking", "Layers: each app imports only the apps below it"),
    # answers and practice are siblings: neither imports the other (their pages meet in coaching).
    ("answers/views.py", "from practice import marking", "Layers: each app imports only the apps below it"),
    ("practice/views.py", "import answers.models", "Layers: each app imports only the apps below it"),
    ("common/dates.py", "from articles import sanitize", "common, the ground floor, imports no project app"),
    ("articles/migrations/0001_initial.py", "from articles.sanitize import plain_text",
     "Migrations import no project code"),
])
def test_each_contract_refuses_a_forbidden_import(tmp_path, module, forbidden_import, contract):
    """A forbidden import added to a scratch copy of the project is refused, naming the contract and the
    importing module."""
    for folder in APPS:
        shutil.copytree(PROJECT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "pyproject.toml", tmp_path)
    with (tmp_path / module).open("a") as source:
        source.write(f"\n{forbidden_import}  # noqa\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1
    assert re.search(rf"{re.escape(contract)}.* BROKEN", result.stdout), result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout


def test_permissions_are_named_only_in_the_roles_modules():
    """No has_perm("…") with a literal permission outside roles.py: each app's roles module names them."""
    found = [f"{path}:{number}" for path, text in source_files(".py") if path.name != "roles.py"
             for number, line in enumerate(text.splitlines(), 1) if re.search(r"has_perms?\(\s*[\"'\[]", line)]

    assert found == [], "use the constant from the app's roles.py: " + ", ".join(found)


HAND_WRITTEN_DATE = [
    re.compile(r"\{[^{}\"']*:%[^}]*\}"),  # an f-string's date format: f"{when:%d %b %Y}"
    re.compile(r"strftime\("),
    re.compile(r"\|(date|time):\s*[\"'](?!c[\"'])"),  # a template's |date:"j M Y" (|date:"c" is for machines)
]


def test_dates_are_written_only_by_common_dates():
    """No Python or template writes a human date by hand: common.dates (|moment, |day, |long_day) does."""
    found = [f"{path}:{number}" for path, text in source_files(".py", ".html", ".txt", ".xml")
             if path.parts[0] != "common"
             for number, line in enumerate(text.splitlines(), 1) if any(rule.search(line) for rule in HAND_WRITTEN_DATE)]

    assert found == [], "write dates with common.dates: " + ", ".join(found)


def url_prefixes_of(app):
    """The first parts of an app's public addresses ("practice" for /practice/…), those no other app shares."""
    routes = (PROJECT / app / "urls.py").read_text()
    return set(re.findall(r"path\(r?\"\^?([a-z0-9-]+)/", routes))


def test_no_app_names_another_apps_addresses_as_strings():
    """An app links to another app's pages by reversing their names, never by writing their addresses."""
    owners = {app: url_prefixes_of(app) for app in ("articles", "enquiries", "practice", "answers")}
    shared = {prefix for app, prefixes in owners.items() for other, theirs in owners.items()
              if other != app for prefix in prefixes & theirs}
    found = [f"{path}:{number} names /{prefix}/ of {owner}"
             for owner, prefixes in owners.items() for prefix in prefixes - shared
             for path, text in source_files(".py", apps=[app for app in APPS if app != owner])
             for number, line in enumerate(text.splitlines(), 1) if re.search(rf"[\"']/{prefix}/", line)]

    assert owners["practice"] >= {"practice"} and owners["enquiries"] >= {"enquiry", "privacy"}
    assert found == [], ", ".join(found)


@pytest.mark.parametrize("line, hand_written", [
    ('f"Dropped on {timezone.localdate():%d %b %Y}: no longer counts."', True),
    ("stamp = moment_of_day.strftime('%H:%M')", True),
    ('Received: {{ lead.created_at|date:"j M Y, H:i" }}', True),
    ("{{ article.published_at|date:'c' }}", False),
    ('f"leads-{timezone.localdate().isoformat()}.csv"', False),
    ('input_formats=["%Y-%m-%dT%H:%M"]', False),
])
def test_the_date_rule_tells_a_hand_written_date_from_a_machine_one(line, hand_written):
    """The rule above catches dates formatted by hand and lets ISO stamps and input formats through."""
    assert any(rule.search(line) for rule in HAND_WRITTEN_DATE) == hand_written
