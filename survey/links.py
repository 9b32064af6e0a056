"""Short study links: /?study=ID (what participants are often sent) opens /survey?study=ID.

The redirect happens on the server, before the chat page and its list of models reach the
participant's browser: the network payloads of a study must not name the models.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from survey.ui import PAGE_PATH


class StudyLinkRedirect:
    """ASGI middleware: a GET of the app's root with a `study` parameter goes to the study page."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query = scope.get("query_string", b"").decode("latin-1")
        if (scope["type"] == "http" and scope["method"] == "GET" and scope["path"] in ("", "/")
                and "study" in parse_qs(query)):
            # Relative, so that it also works when the app is served under a prefix.
            await RedirectResponse(f"{PAGE_PATH.lstrip('/')}?{query}", status_code=307)(scope, receive, send)
            return
        await self.app(scope, receive, send)
