"""Domain exceptions; the API and the UI map them to messages and status codes in one place."""


class DomainError(Exception):
    """Base of every error a user can cause; `code` is stable, the message is for people."""

    code = "bad_request"
    status = 400
    retry_after: int | None = None
    """Seconds after which the same request may succeed (sent as `Retry-After`)."""

    def __init__(self, message: str, *, retry_after: int | None = None):
        super().__init__(message)
        self.message = message
        if retry_after is not None:
            self.retry_after = retry_after


class ValidationFailed(DomainError):
    code = "invalid_input"
    status = 422


class UnknownModel(ValidationFailed):
    """A project asked for a model this deployment does not offer (LLM_MODELS)."""

    code = "unknown_model"

    def __init__(self, model: str, offered: list[str]):
        super().__init__(f"The model {model!r} is not offered here. Choose one of: {', '.join(offered)}.")
        self.offered = offered


class EmailTaken(DomainError):
    code = "email_taken"
    status = 400  # as the original AutoWebIQ answered it


class WeakPassword(ValidationFailed):
    code = "weak_password"


class InvalidCredentials(DomainError):
    code = "invalid_credentials"
    status = 401


class NotAuthenticated(DomainError):
    code = "not_authenticated"
    status = 401


class InsufficientCredits(DomainError):
    code = "insufficient_credits"
    status = 402

    def __init__(self, *, balance: int, cost: int):
        super().__init__(f"This build costs {cost} credits but your balance is {balance}.")
        self.balance = balance
        self.cost = cost


class NotFound(DomainError):
    code = "not_found"
    status = 404


class ProjectNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Project not found.")


class BuildNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Build not found.")


class VersionNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Version not found.")


class SiteNotPublished(NotFound):
    def __init__(self) -> None:
        super().__init__("This site is not published.")


class Conflict(DomainError):
    code = "conflict"
    status = 409


class RateLimited(DomainError):
    code = "rate_limited"
    status = 429
    retry_after = 30


class Unavailable(DomainError):
    """The request is fine but cannot be served now; nothing was charged or stored."""

    code = "unavailable"
    status = 503
    retry_after = 15


class NoBuildWorkers(Unavailable):
    code = "no_build_workers"

    def __init__(self) -> None:
        super().__init__("No builder is running right now, so the build was not started or charged. Try again shortly.")


class QueueUnavailable(Unavailable):
    code = "queue_unavailable"

    def __init__(self) -> None:
        super().__init__("The build queue is unavailable. Your credits were refunded; try again shortly.")


class PromptTooLong(DomainError):
    code = "prompt_too_long"
    status = 413


class BuildInProgress(DomainError):
    code = "build_in_progress"
    status = 409


class FirebaseNotConfigured(DomainError):
    code = "firebase_not_configured"
    status = 400


class EditNotUnderstood(DomainError):
    """A chat message that is neither a new site nor an edit the engine can make (free)."""

    code = "edit_not_understood"
    status = 422
