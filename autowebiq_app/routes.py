"""Route constants and URL builders, so no page hard-codes another's path."""

HOME = "/"
AUTH = "/auth"
DASHBOARD = "/dashboard"
CREDITS = "/credits"
ADMIN_MONITOR = "/admin/monitor"
START = "/start"
WORKSPACE = "/workspace/[project_id]"


def workspace(project_id: str) -> str:
    return f"/workspace/{project_id}"


def preview(token: str) -> str:
    return f"/preview/{token}/"


TEMPLATES = "/templates"
COMPONENTS = "/components"


def template_preview(slug: str, variant: str = "light") -> str:
    return f"/catalog/templates/{slug}/preview?variant={variant}"


def component_preview(slug: str) -> str:
    return f"/catalog/components/{slug}/preview"


def download(token: str) -> str:
    return f"/download/{token}.zip"
