"""The supervisord configuration for the web app and the workers (which also run the
periodic jobs, such as the sweeper), and
supervisord running it in the foreground (`autowebiq supervise`).

Dramatiq's master exits when one of its worker processes dies, taking its pool with it, so
each build worker is its own program instance (`numprocs`) running one process
(`--processes 1`): a crash takes only that one, supervisord starts it again, and stopping
signals the whole process group (`stopasgroup`, `killasgroup`).
"""

from __future__ import annotations

import shlex
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

START_RETRIES = 100
"""Start attempts (1, 2, 3 … s apart) before supervisord gives up on a program that keeps
exiting within its first seconds: a database outage of over an hour is ridden out."""


@dataclass(frozen=True)
class Program:
    name: str
    command: list[str]
    numprocs: int = 1
    numbered: bool = False
    """Instances named `<name>-1`, `<name>-2` …"""
    startsecs: int = 5
    stopwaitsecs: int = 30


def render(*, programs: list[Program], root: Path, run_dir: Path, log_dir: Path) -> str:
    """supervisord's configuration: every program restarted whenever it exits, its output in
    `log_dir/<program>.log` (rotated at 50 MB, 5 kept), supervisorctl on a socket in `run_dir`."""
    sections = [
        "; Written by `autowebiq supervise`; supervisord gives the programs its own environment.",
        _section(
            "unix_http_server",
            file=_path(run_dir / "supervisor.sock"),
            chmod="0700",
        ),
        _section(
            "supervisord",
            nodaemon="true",
            directory=_path(root),
            logfile=_path(log_dir / "supervisord.log"),
            pidfile=_path(run_dir / "supervisord.pid"),
            childlogdir=_path(log_dir),
        ),
        _section(
            "rpcinterface:supervisor",
            **{"supervisor.rpcinterface_factory": "supervisor.rpcinterface:make_main_rpcinterface"},
        ),
        _section("supervisorctl", serverurl=f"unix://{_path(run_dir / 'supervisor.sock')}"),
    ]
    for program in programs:
        instance = "%(program_name)s-%(process_num)d" if program.numbered else "%(program_name)s"
        sections.append(
            _section(
                f"program:{program.name}",
                command=_escape(shlex.join(program.command)),
                directory=_path(root),
                process_name=instance,
                numprocs=str(program.numprocs),
                numprocs_start="1",
                autostart="true",
                autorestart="true",
                startsecs=str(program.startsecs),
                startretries=str(START_RETRIES),
                stopsignal="TERM",
                stopwaitsecs=str(program.stopwaitsecs),
                stopasgroup="true",
                killasgroup="true",
                redirect_stderr="true",
                stdout_logfile=f"{_path(log_dir)}/{instance}.log",
                stdout_logfile_maxbytes="50MB",
                stdout_logfile_backups="5",
            )
        )
    return "\n\n".join(sections) + "\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o600)
    return path


def run_foreground(config: Path) -> int:
    """Run supervisord with `config` until it exits; SIGTERM and Ctrl-C stop it (and so every
    program) cleanly."""
    supervisord = Path(sys.executable).parent / "supervisord"
    proc = subprocess.Popen([str(supervisord), "--configuration", str(config)])

    def stop(*_) -> None:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return proc.wait()


def _section(name: str, **options: str) -> str:
    return "\n".join([f"[{name}]", *(f"{key}={value}" for key, value in options.items())])


def _path(path: Path) -> str:
    return _escape(str(path.resolve()))


def _escape(value: str) -> str:
    # supervisord expands %(name)s in values, so a literal % is written %%.
    return value.replace("%", "%%")
