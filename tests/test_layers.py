"""Who may import whom: a module imports only from its own layer or the layers below it
(docs/architecture.md). The pages and the API reach the workers only through the services'
registered build queue; the entry points wire everything together."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("autowebiq_app", "state", "components", "workers")

LAYERS: list[tuple[str, set[str]]] = [
    ("base", {"config", "errors", "db_types", "colour", "text_input", "routes"}),
    ("infrastructure", {"core", "db", "redis_client", "mongo", "models", "events"}),
    ("catalog", {"catalog"}),
    ("engine", {"engine"}),
    ("services", {"services", "metrics"}),
    ("workers", {"workers"}),
    ("web", {"api", "pages", "state", "components", "ops"}),
    ("entry points", {"autowebiq_app", "cli", "supervisor", "supervisord", "embedded", "e2e_client", "web_processes"}),
]
RANK = {part: rank for rank, (_, parts) in enumerate(LAYERS) for part in parts}
SIDE_BY_SIDE = {frozenset({"workers", "web"})}
"""Layers of the same height that must not import each other (ranked one above the other
here only to order them): the web reaches the workers through `services.build_queue`."""

KNOWN: set[tuple[str, str]] = set()
"""Imports against the rule that are still to move (none now)."""


def _part(module: str) -> str:
    """The layer part of a module: `autowebiq_app.services.builds` -> `services`,
    `autowebiq_app.core.db` -> `db` (core holds the infrastructure, each module its own part)."""
    parts = module.split(".")
    if parts[0] != "autowebiq_app":
        return parts[0]
    if parts[1:2] == ["core"]:
        return parts[2] if len(parts) > 2 else "core"
    return parts[1] if len(parts) > 1 else "autowebiq_app"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "autowebiq_app":  # from autowebiq_app import events, routes
                found.update(f"autowebiq_app.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
    return {name for name in found if name.split(".")[0] in PACKAGES}


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            yield name, path


def _allowed(source: str, target: str) -> bool:
    src, dst = _part(source), _part(target)
    if src == dst:
        return True
    src_layer, dst_layer = LAYERS[RANK[src]][0], LAYERS[RANK[dst]][0]
    if frozenset({src_layer, dst_layer}) in SIDE_BY_SIDE:
        return False
    return RANK[dst] <= RANK[src]


def test_every_part_of_the_code_has_a_layer():
    parts = {_part(name) for name, _ in _modules()}
    assert parts <= set(RANK), sorted(parts - set(RANK))


def test_no_module_imports_a_higher_layer():
    wrong = []
    for name, path in _modules():
        for target in _imports(path):
            if not _allowed(name, target) and not any(name == src and target.startswith(dst) for src, dst in KNOWN):
                wrong.append(f"{name} ({LAYERS[RANK[_part(name)]][0]}) imports {target}")
    assert wrong == []


def test_the_rule_catches_what_it_is_for():
    assert not _allowed("autowebiq_app.services.builds", "autowebiq_app.api.v2")
    assert not _allowed("autowebiq_app.pages.workspace.state", "workers.builds")
    assert not _allowed("workers.builds", "autowebiq_app.pages.workspace.state")
    assert not _allowed("autowebiq_app.engine.pipeline", "autowebiq_app.services.builds")
    assert _allowed("autowebiq_app.autowebiq_app", "workers.builds")
    assert {"autowebiq_app.services", "autowebiq_app.events"} <= _imports(
        ROOT / "autowebiq_app/pages/workspace/state.py"
    )
    assert _allowed("autowebiq_app.services.build_runner", "autowebiq_app.engine.pipeline")


def _module_imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules `path` imports, to the submodule (`from x import y` names x.y when it is one)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                found.add(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module)
    return found & modules


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles: strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_pages_and_states_import_each_other_one_way():
    modules = dict(_modules())
    names = set(modules)
    web = {name for name in names if _part(name) in {"pages", "state", "components"}}
    graph = {name: _module_imports(modules[name], names) & web for name in web}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


KEYS = {"project_id", "build_id", "version_id", "task_id"}
"""Parameters that name one user's thing: a service that reads by one of them takes the user too."""


def _service_calls(path: Path) -> list[tuple[int, object]]:
    """(line, function) of each call from `path` into a service: `module.fn(...)` through
    `from autowebiq_app.services import module`, or `fn(...)` imported from a service module."""
    tree = ast.parse(path.read_text())
    modules, functions = {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "autowebiq_app.services":
            for alias in node.names:
                modules[alias.asname or alias.name] = importlib.import_module(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("autowebiq_app.services."):
            module = importlib.import_module(node.module)
            for alias in node.names:
                functions[alias.asname or alias.name] = getattr(module, alias.name)
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        target = node.func
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id in modules:
            calls.append((node.lineno, getattr(modules[target.value.id], target.attr, None)))
        elif isinstance(target, ast.Name) and target.id in functions:
            calls.append((node.lineno, functions[target.id]))
    # `as_user(self, service.fn, …)` / `in_session(service.fn, …)` pass the function on: count those too
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"as_user", "in_session"}:
            for arg in node.args:
                if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id in modules:
                    calls.append((node.lineno, getattr(modules[arg.value.id], arg.attr, None)))
    return [(line, fn) for line, fn in calls if callable(fn)]


def _unscoped(fn) -> bool:
    """A service function that reads the database by a project, build or version id without the user."""
    try:
        params = set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return False
    return "session" in params and bool(params & KEYS) and "user_id" not in params


def test_the_pages_and_the_api_read_users_things_only_through_services_that_take_the_user():
    """Services scope by user themselves (docs/architecture.md): a front door cannot forget to.
    Reads by a project, build or version id alone are for other services and the workers."""
    wrong = []
    for name, path in _modules():
        if LAYERS[RANK[_part(name)]][0] != "web":
            continue
        for line, fn in _service_calls(path):
            if _unscoped(fn):
                wrong.append(f"{path.relative_to(ROOT)}:{line} calls {fn.__module__}.{fn.__name__}")
    assert wrong == []


def test_the_scope_rule_catches_an_unscoped_read():
    from autowebiq_app.services import builds, preview_links, versions

    assert _unscoped(versions.latest_version) and _unscoped(builds.active_build)
    assert not _unscoped(versions.users_latest_version) and not _unscoped(builds.latest_build)
    assert not _unscoped(preview_links.sign)  # no database read
    calls = _service_calls(ROOT / "autowebiq_app/pages/workspace/state.py")
    assert builds.start_build in [fn for _, fn in calls]
