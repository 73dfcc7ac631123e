"""/workspace/[project_id]: the editor. Its states depend one way:

    page ─► state ─► versions ─► preview
      │        └──────────────► preview
      ├─► code, data
    (the page draws them all; no state imports the page or a state that imports it)
"""

from autowebiq_app.pages.workspace import page  # noqa: F401  (registers the route)
