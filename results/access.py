"""Who may see a study's results: the operators, by password or by Hugging Face login.

MHCHAT_RESULTS_PASSWORD: a password the operators share (a Space secret).
MHCHAT_RESULTS_USERS: Hugging Face usernames, comma-separated, allowed after "Sign in with
Hugging Face" on a Space with `hf_oauth: true` in its README metadata.
With neither set, results are off: nobody can see them through the app.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass


@dataclass(frozen=True)
class ResultsAccess:
    password: str = ""
    users: frozenset[str] = frozenset()

    @property
    def enabled(self) -> bool:
        return bool(self.password or self.users)

    def allows(self, password: str | None, username: str | None) -> bool:
        """True for the operators' password (compared in constant time) or a listed Hub user."""
        if self.password and password and hmac.compare_digest(password.encode(), self.password.encode()):
            return True
        return bool(username) and username.lower() in self.users
