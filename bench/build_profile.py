"""Where one `POST /api/v2/projects/{id}/build` spends its time, measured in process against
the running app's database, Redis and broker (its worker's heartbeat makes the queue ready):
the request's own steps (token lookup, rate limit, the handler) with the handler's parts
timed by wrapping the functions it calls (exclusive time: a part's own time, without the
parts it calls), then a cProfile of the same calls. Used by `bench.api_load`.

The HTTP server, the three thread-pool hops (token, rate limit, handler) and the JSON
encoding are not in here: the difference from the HTTP p50 at one client is their cost.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import re
import statistics
import time
from collections import Counter, defaultdict

from bench import harness

EDITS = (
    "make the header dark",
    "change the accent to teal",
    "use serif fonts",
    "add a pricing section after features",
    "switch to dark mode",
    "make the tone more playful",
)


def _kind_of(statement: str) -> str:
    """"SELECT … FROM users (FOR UPDATE)", "UPDATE builds", "INSERT INTO credit_transactions" …"""
    words = statement.split()
    verb = words[0].upper()
    if verb == "SELECT":
        tables = re.findall(r"\bFROM\s+(\w+)", statement) + re.findall(r"\bJOIN\s+(\w+)", statement)
        lock = " FOR UPDATE" if "FOR UPDATE" in statement else ""
        what = ", ".join(dict.fromkeys(tables)) or " ".join(words[1:3])
        return f"SELECT … FROM {what}{lock}"
    if verb == "INSERT":
        return f"INSERT INTO {words[2]}"
    if verb in ("UPDATE", "DELETE"):
        table = words[1] if verb == "UPDATE" else words[2]
        return f"{verb} {table}" + (" … RETURNING" if "RETURNING" in statement else "")
    return " ".join(words[:3])


class Segments:
    """Exclusive time per label of wrapped functions (nested wrapped calls are subtracted)."""

    def __init__(self) -> None:
        self.active = False
        self.stack: list[float] = []
        self.exclusive: dict[str, float] = defaultdict(float)
        self.calls: Counter = Counter()
        self._restore: list[tuple[object, str, object]] = []

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)
        segments = self

        def timed(*args, **kwargs):
            if not segments.active:
                return original(*args, **kwargs)
            started = time.perf_counter()
            segments.stack.append(0.0)
            try:
                return original(*args, **kwargs)
            finally:
                inner = segments.stack.pop()
                total = time.perf_counter() - started
                segments.exclusive[label] += total - inner
                segments.calls[label] += 1
                if segments.stack:
                    segments.stack[-1] += total

        self._restore.append((owner, name, owner.__dict__.get(name, original) if isinstance(owner, type) else original))
        setattr(owner, name, timed)

    def reset(self) -> None:
        self.exclusive.clear()
        self.calls.clear()

    def unwrap(self) -> None:
        for owner, name, original in reversed(self._restore):
            setattr(owner, name, original)
        self._restore.clear()


def profile_build_post(env: dict, *, token: str, versioned_project: str | None, rounds: int, http_p50) -> None:
    harness.use_in_this_process(env)
    import sqlalchemy.event
    import sqlalchemy.orm

    import workers.builds as worker_builds
    from autowebiq_app import events
    from autowebiq_app.api import schemas, v2
    from autowebiq_app.api.auth import resolve_user, user_for_bearer
    from autowebiq_app.core.db import get_engine, session_scope
    from autowebiq_app.engine import edits
    from autowebiq_app.errors import DomainError as AppError
    from autowebiq_app.services import accounts, builds, credits, projects, throttle, worker_heartbeats

    user = resolve_user(token)
    from bench.api_load import prompts

    corpus = prompts()

    def fresh_project(n: int) -> str:
        with session_scope() as session:
            return projects.create_project(session=session, user_id=user.id, name=f"Profile {n}").id

    def cancel(build_id: str) -> None:
        with session_scope() as session:
            try:
                builds.cancel_build(session=session, user_id=user.id, build_id=build_id)
            except AppError:
                pass

    def one_post(project_id: str, prompt: str, timings: dict[str, list[float]]):
        """As the API serves it: one session for the request (SessionDep), the token looked up
        in it, the rate limit, the route."""
        started = time.perf_counter()
        with session_scope() as session:
            who = user_for_bearer(session, token)
            looked_up = time.perf_counter()
            throttle.request(user_id=who.id, client_ip="127.0.0.1")
            limited = time.perf_counter()
            try:
                accepted = v2.start_build(
                    session=session, project_id=project_id, body=schemas.BuildRequest(prompt=prompt), user=who
                )
            except AppError as exc:
                accepted = exc
        done = time.perf_counter()
        timings["token lookup (resolve_user)"].append((looked_up - started) * 1000)
        timings["rate limit (throttle.request)"].append((limited - looked_up) * 1000)
        timings["handler (v2.start_build)"].append((done - limited) * 1000)
        timings["total"].append((done - started) * 1000)
        return accepted

    segments = Segments()
    engine = get_engine()
    statements: Counter = Counter()

    def count_statement(_conn, _cursor, statement, _params, _context, _many):
        if segments.active:
            statements[_kind_of(statement)] += 1

    sqlalchemy.event.listen(engine, "before_cursor_execute", count_statement)
    segments.wrap(engine.dialect, "do_ping", "pool pre-ping (SELECT 1 at each checkout)")
    segments.wrap(sqlalchemy.orm.Session, "commit", "COMMIT")
    segments.wrap(sqlalchemy.orm.Session, "flush", "flush (INSERT build, ledger row, message)")
    segments.wrap(builds, "_target", "project, its active build, latest version (one query)")
    segments.wrap(worker_heartbeats, "any_alive", "a worker alive? (broker heartbeats)")
    segments.wrap(builds, "_locked_counts", "in-flight counts after the lock (one query)")
    segments.wrap(builds, "request_kind", "edit classifier: request_kind (rest)")
    segments.wrap(edits, "is_new_site", "edit classifier: is_new_site + read_edit")
    segments.wrap(edits, "read_edit", "edit classifier: is_new_site + read_edit")
    segments.wrap(builds, "engine_catalog", "edit classifier: catalog templates")
    segments.wrap(credits, "take", "debit: UPDATE users … RETURNING (the user's row lock)")
    segments.wrap(projects, "add_message", "chat message + project touch")
    segments.wrap(projects, "touch", "chat message + project touch")
    segments.wrap(events, "announce_build", "announce (Redis XADD)")
    segments.wrap(worker_builds, "enqueue_build", "enqueue (Dramatiq send to Redis)")
    segments.wrap(accounts, "user_for_token", "token lookup: sessions ⋈ users query")
    segments.wrap(throttle, "hit", "rate limit: Redis INCR + EXPIRE")

    cases = [("new site, fresh project", lambda n: (fresh_project(n), corpus[n % len(corpus)]))]
    if versioned_project:
        cases.append(("chat edit of a version", lambda n: (versioned_project, EDITS[n % len(EDITS)])))
    print("\nwhere a build POST's time goes (in process, one at a time, against the same services):")
    for label, make in cases:
        timings: dict[str, list[float]] = defaultdict(list)
        for n in range(5):  # warm the connections and caches
            project_id, prompt = make(n)
            accepted = one_post(project_id, prompt, defaultdict(list))
            if hasattr(accepted, "build_id"):
                cancel(accepted.build_id)
        segments.reset()
        statements.clear()
        outcomes: Counter = Counter()
        for n in range(rounds):
            project_id, prompt = make(n + 5)
            segments.active = True
            accepted = one_post(project_id, prompt, timings)
            segments.active = False
            if hasattr(accepted, "build_id"):
                outcomes[accepted.kind] += 1
                cancel(accepted.build_id)
            else:
                outcomes[type(accepted).__name__] += 1
        total = statistics.mean(timings["total"])
        print(f"\n  {label}: {rounds} POSTs ({', '.join(f'{k}: {v}' for k, v in outcomes.items())})")
        print(f"    {'step':<52}{'mean ms':>9}{'p50 ms':>9}{'share':>8}")
        for step in ("token lookup (resolve_user)", "rate limit (throttle.request)", "handler (v2.start_build)"):
            print(
                f"    {step:<52}{statistics.mean(timings[step]):>9.2f}{statistics.median(timings[step]):>9.2f}"
                f"{statistics.mean(timings[step]) / total:>8.0%}"
            )
        print(f"    {'total':<52}{total:>9.2f}{statistics.median(timings['total']):>9.2f}")
        print("    parts (exclusive time, mean per POST; over all three steps):")
        accounted = 0.0
        for part, seconds in sorted(segments.exclusive.items(), key=lambda kv: -kv[1]):
            per = seconds * 1000 / rounds
            accounted += per
            calls = segments.calls[part] / rounds
            print(f"      {part:<50}{per:>9.2f}{'':>9}{per / total:>8.0%}   ({calls:.1f} calls)")
        rest = total - accounted
        label_rest = "the rest (sessions, ORM, pydantic, row lock, refresh)"
        print(f"      {label_rest:<50}{rest:>9.2f}{'':>9}{rest / total:>8.0%}")
        per_post = sum(statements.values()) / rounds
        print(
            f"    SQL statements per POST: {per_post:.1f} (+ {segments.calls['COMMIT'] / rounds:.0f} COMMITs,"
            f" {segments.calls['pool pre-ping (SELECT 1 at each checkout)'] / rounds:.0f} pre-pings); by kind:"
        )
        for words, count in statements.most_common():
            print(f"      {count / rounds:>4.1f}  {words}")
        if http_p50 and label.startswith("new site"):
            print(
                f"    over HTTP at one client (worker idle) the p50 was {http_p50:.2f} ms:"
                f" {http_p50 - statistics.median(timings['total']):.2f} ms more, for the server, ASGI/Reflex,"
                " the three thread-pool hops and JSON"
            )

    segments.unwrap()
    sqlalchemy.event.remove(engine, "before_cursor_execute", count_statement)
    profiler = cProfile.Profile()
    prof_rounds = max(20, rounds // 2)
    for n in range(prof_rounds):
        project_id, prompt = fresh_project(10_000 + n), corpus[n % len(corpus)]
        profiler.enable()
        accepted = one_post(project_id, prompt, defaultdict(list))
        profiler.disable()
        if hasattr(accepted, "build_id"):
            cancel(accepted.build_id)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(12)
    print(f"\n  cProfile of {prof_rounds} new-site POSTs (token + rate limit + handler), top 12 by own time:")
    print("    " + round_trips(stats, prof_rounds))
    lines = stream.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    for line in lines[start : start + 13]:
        print("    " + line[:150])


def time_gets(env: dict, *, token: str, project: str | None, http_p50: dict[str, float], rounds: int = 200) -> None:
    """The GETs in process (token lookup + rate limit + handler + JSON of its answer), one at a
    time, beside their HTTP p50 at one client: the difference is the server stack's."""
    harness.use_in_this_process(env)
    import sqlalchemy.event

    from autowebiq_app.api import v2
    from autowebiq_app.api.auth import user_for_bearer
    from autowebiq_app.core.db import get_engine, session_scope
    from autowebiq_app.services import throttle

    engine = get_engine()
    counted = [0, False]

    def count(*_args):
        if counted[1]:
            counted[0] += 1

    sqlalchemy.event.listen(engine, "before_cursor_execute", count)
    calls = {
        "GET /api/v2/models": lambda session, user: v2.list_models(user),
        "GET /api/v2/projects": lambda session, user: v2.list_projects(session, user, limit=20, offset=0),
        "GET /api/v2/user/credits": lambda session, user: v2.my_credits(session, user),
    }
    if project:
        calls["GET /api/v2/projects/{id}/versions"] = lambda session, user: v2.list_versions(
            session, project, user, limit=50, offset=0
        )
    print("\nthe GETs in process (token lookup + rate limit + handler + JSON), one at a time:")
    print(f"    {'request':<40}{'p50 ms':>9}{'SQL/request':>13}{'HTTP p50 ms':>13}{'stack ms':>10}")
    for label, call in calls.items():
        samples = []
        counted[0] = 0
        for n in range(rounds + 10):
            counted[1] = n >= 10
            started = time.perf_counter()
            with session_scope() as session:  # the request's one session (SessionDep)
                user = user_for_bearer(session, token)
                throttle.request(user_id=user.id, client_ip="127.0.0.1")
                answer = call(session, user)
                if hasattr(answer, "model_dump_json"):
                    answer.model_dump_json()
            if n >= 10:
                samples.append((time.perf_counter() - started) * 1000)
        counted[1] = False
        p50 = statistics.median(samples)
        http = http_p50.get(label)
        print(
            f"    {label:<40}{p50:>9.2f}{counted[0] / rounds:>13.1f}"
            + (f"{http:>13.2f}{http - p50:>10.2f}" if http else "")
        )
    sqlalchemy.event.remove(engine, "before_cursor_execute", count)
    print("    (SQL/request counts statements, not the pool's pre-ping SELECT 1 at the request's checkout)")


def round_trips(stats: pstats.Stats, posts: int) -> str:
    """PostgreSQL round trips per POST from the profile: psycopg sends each statement with
    `_execute_send` and each BEGIN/COMMIT/ROLLBACK with `_exec_command`, and blocks in
    `Connection.wait` for each reply."""
    sent = commands = 0
    waiting = 0.0
    for (filename, _line, name), (_cc, calls, _tt, cumulative, _callers) in stats.stats.items():
        if "psycopg" not in filename:
            continue
        if name == "_execute_send":
            sent += calls
        elif name == "_exec_command":
            commands += calls
        elif name == "wait" and filename.endswith("connection.py"):
            waiting += cumulative
    return (
        f"per POST: {sent / posts:.0f} statements sent (SQL and pre-ping SELECT 1) + {commands / posts:.0f}"
        f" BEGIN/COMMIT/ROLLBACK = {(sent + commands) / posts:.0f} PostgreSQL round trips, one after another;"
        f" {waiting * 1000 / posts:.1f} of {stats.total_tt * 1000 / posts:.1f} ms profiled per POST"
        " waiting on PostgreSQL"
    )
