"""Web views on the worker's port: liveness next to Faust's /metrics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import faust
    from faust.web import Request, Response, View


def register(app: faust.App) -> None:
    """Attach /healthz to `app`."""

    @app.page("/healthz")
    async def healthz(self: View, request: Request) -> Response:
        body: dict[str, Any] = {"status": "ok", "app": app.conf.id}
        return self.json(body)
