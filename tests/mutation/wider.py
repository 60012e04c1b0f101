"""Mutations mutmut 2 never makes, run by tests/mutation/run.py after mutmut in the same scratch copy:

- a guard deleted: an `if` without `else` whose body ends by leaving (return, raise, continue, break) is
  taken out whole, so the code runs on as if the condition were never true;
- an operand dropped: each operand of an `and` / `or` is left out in turn;
- an entry removed: each entry of a dict or set written in the code is left out in turn (a mapping of
  number words, an allowlist, a role's permissions).

Each mutant is the module rewritten from its syntax tree (comments and layout do not matter to behaviour);
a line holding `# pragma: no mutate` is never mutated, as with mutmut. Only lines in the rule's scope are.
"""

import ast
import copy
import subprocess
from dataclasses import dataclass

NO_MUTATE = "pragma: no mutate"
LEAVING = (ast.Return, ast.Raise, ast.Continue, ast.Break)


@dataclass(frozen=True)
class Mutant:
    line: int
    kind: str
    source: str


def _in_scope(line, scope):
    return scope is None or any(first <= line <= last for first, last in scope)


def _sites(tree, lines, scope):
    """(index of the node in ast.walk order, kind, which part) for every mutation this tree allows."""
    for index, node in enumerate(ast.walk(tree)):
        line = getattr(node, "lineno", None)
        if line is None or not _in_scope(line, scope) or NO_MUTATE in lines[line - 1]:
            continue
        if isinstance(node, ast.If) and not node.orelse and isinstance(node.body[-1], LEAVING):
            yield index, "guard deleted", None
        elif isinstance(node, ast.BoolOp):
            for operand in range(len(node.values)):
                yield index, f"operand {operand + 1} of {type(node.op).__name__.lower()} dropped", operand
        elif isinstance(node, ast.Dict):
            for entry in range(len(node.keys)):
                yield index, f"mapping entry {entry + 1} removed", entry
        elif isinstance(node, ast.Set):
            for entry in range(len(node.elts)):
                yield index, f"set entry {entry + 1} removed", entry


def _apply(tree, index, part):
    """Make the mutation at the node with this walk index, in place."""
    nodes = list(ast.walk(tree))
    node = nodes[index]
    if isinstance(node, ast.If):
        for parent in nodes:
            for field in ("body", "orelse", "finalbody", "handlers"):
                statements = getattr(parent, field, None)
                if isinstance(statements, list) and node in statements:
                    statements.remove(node)
                    if not statements:
                        statements.append(ast.Pass())
                    return
    elif isinstance(node, ast.BoolOp):
        del node.values[part]
        if len(node.values) == 1:  # `a and b` without b is just `a`
            for parent in nodes:
                for field, value in ast.iter_fields(parent):
                    if value is node:
                        setattr(parent, field, node.values[0])
                    elif isinstance(value, list) and node in value:
                        value[value.index(node)] = node.values[0]
    elif isinstance(node, ast.Dict):
        del node.keys[part], node.values[part]
    elif isinstance(node, ast.Set):
        del node.elts[part]
        if not node.elts:  # {} would be a dict
            for parent in nodes:
                for field, value in ast.iter_fields(parent):
                    if value is node:
                        setattr(parent, field, ast.Call(ast.Name("set", ast.Load()), [], []))


def mutants(source, scope=None):
    """Every wider mutant of this module's source, within the scope's line ranges."""
    tree = ast.parse(source)
    lines = source.splitlines()
    for index, kind, part in list(_sites(tree, lines, scope)):
        mutated = copy.deepcopy(tree)
        line = list(ast.walk(mutated))[index].lineno
        _apply(mutated, index, part)
        yield Mutant(line, kind, ast.unparse(ast.fix_missing_locations(mutated)) + "\n")


def run(path, runner, env, cwd, scope, log, timeout=300):
    """Test every wider mutant of the module at `path` with the `runner` command; return (killed, survived).
    The module is put back as it was afterwards."""
    original = path.read_text()
    killed = survived = 0
    try:
        for mutant in mutants(original, scope):
            path.write_text(mutant.source)
            try:
                failed = subprocess.run(runner, shell=True, cwd=cwd, env=env, capture_output=True,
                                        timeout=timeout).returncode != 0
            except subprocess.TimeoutExpired:
                failed = True
            if failed:
                killed += 1
            else:
                survived += 1
                log.write(f"SURVIVED (wider) {path.name}:{mutant.line}: {mutant.kind}\n")
                log.flush()
    finally:
        path.write_text(original)
    return killed, survived
