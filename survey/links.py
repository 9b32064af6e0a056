"""Study links as participants are sent them, mended on the server before any page loads.

- /?study=ID (what participants are often sent) opens /survey?study=ID;
- /survey/?study=ID keeps its parameters (the framework's own slash redirect would drop them, and
  with them the recruitment platform's participant id);
- a second "?" in a link (/?study=ID?PROLIFIC_PID=X, a platform appending to a link that already
  has a query) is read as "&".

The redirect happens on the server, before the chat page and its list of models reach the
participant's browser: the network payloads of a study must not name the models.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from survey.ui import PAGE_PATH


def study_link(path: str, query: str) -> str | None:
    """Where a GET of `path?query` should go instead (relative to `path`), or None to serve it."""
    keys = {key.lower() for key in parse_qs(query, keep_blank_values=True)}
    mended = query.replace("?", "&")
    if path in ("", "/") and "study" in keys:
        # Relative, so that it also works when the app is served under a prefix.
        return f"{PAGE_PATH.lstrip('/')}?{mended}"
    if path == PAGE_PATH + "/" and query:
        return f"../{PAGE_PATH.lstrip('/')}?{mended}"
    if path == PAGE_PATH and mended != query:
        return f"{PAGE_PATH.lstrip('/')}?{mended}"
    return None


class StudyLinkRedirect:
    """ASGI middleware: study links go to the study page, with every parameter they carry."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            target = study_link(scope["path"], scope.get("query_string", b"").decode("latin-1"))
            if target is not None:
                await RedirectResponse(target, status_code=307)(scope, receive, send)
                return
        await self.app(scope, receive, send)
