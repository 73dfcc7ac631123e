"""`autowebiq`: run the whole app, migrate, run or supervise the workers, import the original's data."""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
logger = logging.getLogger("autowebiq")


def migrate() -> None:
    """Bring the database schema to the latest Alembic revision."""
    from alembic.config import Config

    from alembic import command

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    command.upgrade(config, "head")


def seed_catalog() -> None:
    """Upsert the catalog files into MongoDB (idempotent) and print what changed."""
    from autowebiq_app.catalog.files import load_catalog
    from autowebiq_app.catalog.seed import seed
    from autowebiq_app.catalog.service import get_catalog
    from autowebiq_app.core.mongo import using_mongomock

    report = seed(get_catalog(), load_catalog())
    if using_mongomock():
        print("catalog: in-process mongomock, seeded from the files by every process at start", flush=True)
    else:
        print(f"catalog seeded: {report.summary()}", flush=True)


def warm_cache() -> None:
    """Preload every template, component and common list into Redis; print counts and time."""
    from autowebiq_app.catalog.service import get_catalog

    report = get_catalog().warm()
    print(
        f"cache warmed: {report.templates} templates, {report.components} components, "
        f"{report.lists} lists in {report.seconds * 1000:.0f} ms",
        flush=True,
    )


def import_original(mongo_url: str, database: str, *, dry_run: bool) -> int:
    """Bring an original AutoWebIQ's MongoDB data into this database and print the report."""
    from pymongo import MongoClient
    from pymongo.errors import PyMongoError

    from autowebiq_app.core.db import session_scope
    from autowebiq_app.services.import_original import import_original as run_import

    client = None
    try:
        client = MongoClient(mongo_url, serverSelectionTimeoutMS=5000, tz_aware=True)
        client.admin.command("ping")
        with session_scope() as session:
            report = run_import(session=session, mongo=client[database], dry_run=dry_run)
    except PyMongoError as exc:
        print(f"import failed, nothing was written: cannot read {database} at the given MongoDB URL ({exc})")
        return 1
    finally:
        if client is not None:
            client.close()
    print("\n".join(report.lines()), flush=True)
    return 0


def make_admin(email: str) -> int:
    """Give the account with this e-mail the admin role (it sees /admin/monitor)."""
    from autowebiq_app.core.db import session_scope
    from autowebiq_app.errors import NotFound
    from autowebiq_app.services import roles

    try:
        with session_scope() as session:
            user = roles.make_admin(session=session, email=email)
    except NotFound as exc:
        print(exc.message, flush=True)
        return 1
    print(f"{user.email} is now an admin", flush=True)
    return 0


def web_command(port: int) -> list[str]:
    """The web app (UI, API and WebSocket) on one port, as production serves it."""
    return [
        sys.executable,
        "-m",
        "reflex",
        "run",
        "--env",
        "prod",
        "--single-port",
        "--frontend-port",
        str(port),
        "--backend-port",
        str(port),
    ]


def sites_command(port: int) -> list[str]:
    """Published sites, each on an origin of its own under SITES_URL (`api.published_sites`)."""
    return [
        str(Path(sys.executable).parent / "granian"),
        "--interface",
        "asgi",
        "--host",
        "0.0.0.0",
        "--port",
        str(port),
        "--no-access-log",
        "autowebiq_app.api.published_sites:app",
    ]


def sites_port(port: int) -> int:
    """SITES_PORT, or the port after the app's; SITES_URL defaults to it on localhost."""
    return int(os.environ.get("SITES_PORT") or port + 1)


def worker_command(processes: int, threads: int, queues: tuple[str, ...] = ()) -> list[str]:
    """A worker of every queue, or only of `queues`. Dramatiq's own script beside this Python:
    its in-place restart of worker processes (SIGHUP, used after WORKER_MAX_TASKS messages)
    re-runs argv[0], which `-m dramatiq` would turn into a bare `python` looked up on PATH,
    outside the virtualenv."""
    command = [
        str(Path(sys.executable).parent / "dramatiq"),
        "workers.builds",
        "--processes",
        str(processes),
        "--threads",
        str(threads),
    ]
    return [*command, "--queues", *queues] if queues else command


def ensure_secret_key(env_file: Path = ROOT / ".env") -> bool:
    """On first run, store a random SECRET_KEY in `.env` (unless one is set); True if it made one.

    The key signs preview and download links: the development default would let anyone
    forge them.
    """
    if os.environ.get("SECRET_KEY"):
        return False
    lines = env_file.read_text().splitlines() if env_file.exists() else []
    for line in lines:
        name, _, value = line.partition("=")
        if name.strip() == "SECRET_KEY" and value.strip():
            os.environ["SECRET_KEY"] = value.strip().strip("'\"")
            return False
    key = secrets.token_urlsafe(48)
    with env_file.open("a") as handle:
        if lines and lines[-1].strip():
            handle.write("\n")
        handle.write(f"SECRET_KEY={key}\n")
    env_file.chmod(0o600)
    os.environ["SECRET_KEY"] = key
    return True


def prepare_metrics_dir(run_dir: Path) -> Path:
    """Every process started from here writes its metrics to one empty directory, which
    `/metrics` reads (prometheus-client's multiprocess mode); samples of an earlier run are
    removed, as the client requires."""
    path = Path(os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str((run_dir / "metrics").resolve())))
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink()
    return path


def background_commands(workers: int, threads: int = 2, image_workers: int = 0) -> list[tuple[str, list[str]]]:
    """What runs beside the web app: each worker in its own process group (Dramatiq's master
    exits when one of its processes dies, so one group per process keeps a crash to itself).
    The workers take every queue and also run the periodic jobs, such as the sweeper
    (`workers.periodic`); image workers take only the `images` queue."""
    commands = [(f"worker-{n}", worker_command(1, threads)) for n in range(1, workers + 1)]
    images = [(f"images-{n}", worker_command(1, threads, IMAGE_QUEUES)) for n in range(1, image_workers + 1)]
    return commands + images


def prepare(port: int):
    """Point this process and every one it starts at the same services (embedded ones when
    none are set), migrate, seed and warm the catalog; returns the services, to be closed."""
    from autowebiq_app import embedded

    services = embedded.resolve()
    os.environ.update(services.env)
    os.environ.setdefault("PUBLIC_URL", f"http://localhost:{port}")
    os.environ.setdefault("SITES_URL", f"http://localhost:{sites_port(port)}")
    os.environ.setdefault("REFLEX_USE_SYSTEM_BUN", "1")
    for note in services.notes:
        print(f"  {note}", flush=True)
    if ensure_secret_key():
        print("  SECRET_KEY: generated a random one and stored it in .env", flush=True)
    prepare_metrics_dir(embedded.RUN_DIR)
    migrate()
    seed_catalog()
    warm_cache()
    return services


IMAGE_QUEUES = ("images",)


def run(port: int, workers: int, *, threads: int = 2, image_workers: int = 0, web: bool = True) -> int:
    """Start everything (services, migrations, workers, web app) and keep it running.

    Workers are restarted with back-off whenever they exit; the command
    ends when the web app does (or, with `web=False`, on SIGTERM or Ctrl-C).
    """
    from autowebiq_app.supervisor import Supervisor

    # SIGTERM (a supervisor, a test) stops the children too, through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    services = prepare(port)
    supervisor = Supervisor(cwd=ROOT, env=os.environ.copy())
    for name, command in background_commands(workers, threads, image_workers):
        supervisor.add(name, command)
    if web:
        supervisor.add("sites", sites_command(sites_port(port)))
    web_app: subprocess.Popen | None = None
    try:
        supervisor.start()
        if web:
            web_app = subprocess.Popen(web_command(port), cwd=ROOT, env=os.environ.copy(), start_new_session=True)
            if _wait_until_up(port, web_app, supervisor):
                print(f"\nAutoWebIQ is running at http://localhost:{port}/  (Ctrl-C to stop)", flush=True)
                print(f"Published sites: {os.environ['SITES_URL']} (each site at its own name under it)\n", flush=True)
        else:
            print("AutoWebIQ workers are running (Ctrl-C to stop)", flush=True)
        while web_app is None or web_app.poll() is None:
            supervisor.check()
            time.sleep(0.5)
        return web_app.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        if web_app is not None and web_app.poll() is None:
            os.killpg(web_app.pid, signal.SIGTERM)
            try:
                web_app.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(web_app.pid, signal.SIGKILL)
        supervisor.stop()
        services.close()


def _wait_until_up(port: int, web: subprocess.Popen, supervisor, timeout: float = 900) -> bool:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and web.poll() is None:
        supervisor.check()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2):
                return True
        except OSError:
            time.sleep(1)
    return False


def supervisord_programs(port: int, workers: int, threads: int, *, web: bool, image_workers: int = 0) -> list:
    """What `autowebiq run` starts, as supervisord programs: the web app and `workers` workers
    of one process each (which also run the periodic jobs, such as the sweeper)."""
    from autowebiq_app.core.config import get_settings
    from autowebiq_app.supervisord import Program

    # Stopping lets a worker finish the build it is running: it lasts at most the hard limit.
    worker_stop = int(get_settings().build_hard_limit_seconds) + 10
    programs = [
        Program("worker", worker_command(1, threads), numprocs=workers, numbered=True, stopwaitsecs=worker_stop),
    ]
    if image_workers:
        images = worker_command(1, threads, IMAGE_QUEUES)
        programs.append(Program("images", images, numprocs=image_workers, numbered=True, stopwaitsecs=worker_stop))
    if not web:
        return programs
    sites = Program("sites", sites_command(sites_port(port)))
    return [Program("web", web_command(port), startsecs=10), sites, *programs]


def supervise(
    port: int, workers: int, threads: int, *, web: bool = True, config_only: bool = False, image_workers: int = 0
) -> int:
    """Write the supervisord configuration (in the run directory's `supervisor/`) and, unless
    `config_only`, prepare the services as `run` does and run supervisord in the foreground."""
    from autowebiq_app import embedded, supervisord

    run_dir = embedded.RUN_DIR / "supervisor"
    log_dir = run_dir / "logs"

    def write_config() -> Path:
        log_dir.mkdir(parents=True, exist_ok=True)
        text = supervisord.render(
            programs=supervisord_programs(port, workers, threads, web=web, image_workers=image_workers),
            root=ROOT,
            run_dir=run_dir,
            log_dir=log_dir,
        )
        return supervisord.write(run_dir / "supervisord.conf", text)

    if config_only:
        print(write_config().resolve(), flush=True)
        return 0
    services = prepare(port)
    try:
        config = write_config()
        print(f"supervisord: {config.resolve()}, logs in {log_dir.resolve()} (Ctrl-C to stop)", flush=True)
        return supervisord.run_foreground(config)
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="autowebiq", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="start the whole app (embedded services when none are set)")
    run_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 3000)))
    run_parser.add_argument("--workers", type=int, default=1, help="Dramatiq worker processes")
    run_parser.add_argument("--threads", type=int, default=2, help="threads per worker process")
    run_parser.add_argument("--image-workers", type=int, default=0, help="extra worker processes for images only")
    run_parser.add_argument("--no-web", action="store_true", help="only the workers (supervised)")
    run_parser.add_argument(
        "--web-processes", type=int, help="Reflex backend processes behind the port (WEB_PROCESSES, default 1)"
    )
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("seed-catalog", help="load the template/component files into MongoDB")
    commands.add_parser("warm-cache", help="preload the catalog into Redis")
    e2e_parser = commands.add_parser("e2e", help="check a running server end to end (register, build, follow)")
    e2e_parser.add_argument("--base-url", default=os.environ.get("AUTOWEBIQ_URL", "http://localhost:3000"))
    e2e_parser.add_argument("--prompt", default="Build a luxury e-commerce website for a jewellery brand called Aurum")
    e2e_parser.add_argument("--timeout", type=float, default=120.0)
    health_parser = commands.add_parser(
        "health", help="health of every dependency (exit 0 healthy, 1 degraded, 2 down)"
    )
    health_parser.add_argument("--json", action="store_true", help="the report as JSON")
    health_parser.add_argument("--url", help="ask the app at this URL instead of probing from here")
    workers_parser = commands.add_parser("workers", help="live workers, what each is doing, queue depths")
    workers_parser.add_argument("--json", action="store_true", help="the report as JSON")
    import_parser = commands.add_parser(
        "import-original", help="import an original AutoWebIQ's users, projects, chats and credits from its MongoDB"
    )
    import_parser.add_argument("--mongo-url", required=True, help="the original's MONGO_URL")
    import_parser.add_argument("--db", default="autowebiq_db", help="its database name (DB_NAME)")
    import_parser.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    admin_parser = commands.add_parser("make-admin", help="let an account see the operations monitor")
    admin_parser.add_argument("email")
    supervise_parser = commands.add_parser("supervise", help="run the web app and the workers under supervisord")
    supervise_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 3000)))
    supervise_parser.add_argument("--workers", type=int, default=2, help="build worker processes")
    supervise_parser.add_argument(
        "--web-processes", type=int, help="Reflex backend processes behind the port (WEB_PROCESSES, default 1)"
    )
    supervise_parser.add_argument("--threads", type=int, default=2, help="threads per build worker")
    supervise_parser.add_argument("--image-workers", type=int, default=0, help="extra worker processes for images only")
    supervise_parser.add_argument("--no-web", action="store_true", help="only the workers")
    supervise_parser.add_argument("--config-only", action="store_true", help="write the configuration, print its path")
    args = parser.parse_args(argv)
    if getattr(args, "web_processes", None):
        os.environ["WEB_PROCESSES"] = str(args.web_processes)  # read by rxconfig in the web process
    if args.command == "run":
        return run(args.port, args.workers, threads=args.threads, image_workers=args.image_workers, web=not args.no_web)
    if args.command == "migrate":
        migrate()
        return 0
    if args.command == "e2e":
        from autowebiq_app import e2e_client

        return e2e_client.run(args.base_url, prompt=args.prompt, timeout=args.timeout)
    if args.command == "import-original":
        return import_original(args.mongo_url, args.db, dry_run=args.dry_run)
    if args.command == "seed-catalog":
        seed_catalog()
        return 0
    if args.command == "warm-cache":
        warm_cache()
        return 0
    if args.command in ("health", "workers"):
        from autowebiq_app import ops

        if args.command == "health":
            return ops.health(url=args.url, as_json=args.json)
        return ops.workers(as_json=args.json)
    if args.command == "make-admin":
        return make_admin(args.email)
    if args.command == "supervise":
        return supervise(
            args.port,
            args.workers,
            args.threads,
            web=not args.no_web,
            config_only=args.config_only,
            image_workers=args.image_workers,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
