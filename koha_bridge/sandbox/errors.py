"""What the sandbox's circulation refuses, as values that carry Koha's own reason codes."""

from __future__ import annotations


class SandboxError(Exception):
    """Base of the sandbox's refusals."""


class NotFound(SandboxError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} not found")
        self.what = what


class CheckoutRefused(SandboxError):
    """CanBookBeIssued found blockers (Koha's 'impossible')."""

    def __init__(self, blockers: dict[str, object]) -> None:
        super().__init__(f"Checkout not authorized ({' '.join(sorted(blockers))})")
        self.blockers = blockers


class ConfirmationRequired(SandboxError):
    """CanBookBeIssued asks staff to confirm (Koha's 'needsconfirmation')."""

    def __init__(self, confirms: dict[str, object]) -> None:
        super().__init__("Confirmation error")
        self.confirms = confirms


class RenewalRefused(SandboxError):
    """CanBookBeRenewed said no; ``reason`` is Koha's code (too_many, on_reserve, ...)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Renewal not authorized ({reason})")
        self.reason = reason


class HoldRefused(SandboxError):
    """CanBookBeReserved said no; ``status`` is Koha's code (tooManyReserves, ...)."""

    def __init__(self, status: str) -> None:
        super().__init__(f"Hold cannot be placed. Reason: {status}")
        self.status = status


class BadRequest(SandboxError):
    """The request itself is wrong (inconsistent ids, unknown pickup location...)."""
