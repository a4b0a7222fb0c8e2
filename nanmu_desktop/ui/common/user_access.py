"""What the logged-in user may do, for enabling actions; the services check it again."""

from __future__ import annotations

from nanmu_desktop.domain.roles import Operation, denial
from nanmu_desktop.ui.common.context import UiContext


def refusal(context: UiContext, operation: Operation) -> str | None:
    """Why the session user may not do `operation` (Chinese), or None when allowed.

    A database without users (no login) allows everything, as before set-up.
    """
    user = context.database.user
    if user is None:
        return None
    return denial(user, operation)


def allowed(context: UiContext, operation: Operation) -> bool:
    return refusal(context, operation) is None


def user_text(context: UiContext) -> str:
    """The status bar's 当前用户 line ('' when no one needs to log in)."""
    user = context.database.user
    return f"当前用户：{user.name}（{user.role_text}）" if user is not None else ""
