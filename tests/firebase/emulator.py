"""The real Firebase Auth emulator (firebase-tools, installed by `scripts/setup.sh --test`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port, stop_group, wait_for

PROJECT = "demo-autowebiq"
FIREBASE = os.environ.get("FIREBASE_TOOLS", str(ROOT / "tools/node_modules/.bin/firebase"))


@contextmanager
def running_emulator(workdir: Path):
    """Start the Auth emulator on a free port; yields its `host:port`. Skips when firebase-tools is missing."""
    if not (Path(FIREBASE).exists() or shutil.which(FIREBASE)):
        pytest.skip("firebase-tools is not installed (scripts/setup.sh --test installs it)")
    port = free_port()
    config = json.loads((ROOT / "tests/firebase/firebase.json").read_text())
    config["emulators"]["auth"]["port"] = port
    (workdir / "firebase.json").write_text(json.dumps(config))
    log = open(workdir / "emulator.log", "wb")
    proc = subprocess.Popen(
        [FIREBASE, "emulators:start", "--only", "auth", "--project", PROJECT],
        cwd=workdir,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def up() -> bool:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return True
        except OSError:
            return proc.poll() is not None

    try:
        wait_for(up, timeout=90, what="the Firebase Auth emulator")
        assert proc.poll() is None, (workdir / "emulator.log").read_text()
        yield f"127.0.0.1:{port}"
    finally:
        stop_group(proc)
        log.close()
