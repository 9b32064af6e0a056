"""The crisis screen's levels, lowest to highest, and how much of a conversation it reads: the one
place the rules, the learned screen, the evaluations and the chat take them from."""

LEVELS = ("none", "distress", "ideation", "self_harm", "imminent")
RISK_LEVELS = LEVELS[2:]  # the levels at which crisis resources are shown
CONTEXT_TURNS = 5  # earlier user turns read as the context of the last one
