"""The crisis screen's rules as data: how the file is read, and switching a named pattern off for
measuring what it adds (safety/rule_groups.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety.rates import Rate
from safety.rule_groups import Reading, switched_off, verdict
from safety.rules import RULES, RULES_FILE, load_rules
from safety.screen import screen

I_WANT_TO_DIE = [{"role": "user", "content": "i want to die"}]


def test_words_are_substituted_and_other_languages_added(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("words:\n  PILLS: '(pills|tablets)'\n  ALL_OF: 'all (my )?${PILLS}'\n"
                     "patterns:\n  TAKING:\n    - 'take ${ALL_OF}'\n    - other_languages: imminent\n", encoding="utf-8")
    taking = load_rules(rules).TAKING
    assert taking.search("i will take all my tablets") and not taking.search("i take my tablets")
    assert len(taking.pattern) > len("(?:take all (my )?(pills|tablets))")  # the imminent phrases came in


def test_a_word_named_before_it_is_defined_is_refused_with_the_files_name(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("words:\n  A: '${B}'\n  B: 'b'\npatterns:\n  P: ['a']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rules.yaml: \$\{B\} names no word defined before it"):
        load_rules(rules)


def test_the_shipped_file_compiles_every_pattern_the_screen_uses() -> None:
    used = {name for name in vars(load_rules(RULES_FILE))}
    source = (Path(__file__).resolve().parents[1] / "safety" / "screen.py").read_text(encoding="utf-8")
    assert {name for name in used if f"RULES.{name}" in source or f'"{name}"' in source} == used


def test_a_group_switched_off_stops_counting_and_comes_back() -> None:
    assert screen(I_WANT_TO_DIE, learned=False).level == "ideation"
    with switched_off("IDEATION"):
        assert screen(I_WANT_TO_DIE, learned=False).level == "none"
    assert screen(I_WANT_TO_DIE, learned=False).level == "ideation"
    assert RULES.IDEATION.search("i want to die")


def _reading(found: int, alarms: int) -> Reading:
    return Reading({"set": Rate(found, 10)}, {"set": Rate(alarms, 100)})


@pytest.mark.parametrize("with_group, without, expected", [
    (_reading(8, 3), _reading(7, 3), "earns its place: finds more"),
    (_reading(8, 2), _reading(8, 3), "earns its place: fewer false alarms"),
    (_reading(8, 3), _reading(8, 3), "no effect here"),
    (_reading(8, 5), _reading(7, 3), "a trade-off"),
])
def test_verdicts(with_group: Reading, without: Reading, expected: str) -> None:
    assert verdict(with_group, without).startswith(expected)
