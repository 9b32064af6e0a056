"""The learned crisis screen: trained on every split but the newest holdouts and openings, it may raise the
rules' level and never lowers it, is not vetoed by the rules' reasons for no risk, and keeps its
cross-validated false positives bounded."""

from __future__ import annotations

import json
import random
from collections import OrderedDict

import numpy as np
import pytest
import torch
from helpers import users

from safety import screening_model
from safety.screen import LEVELS, normalise, screen, without_idioms
from safety.screening_data import HELD_OUT_SPLITS, SCREENING_SET, training_splits
from safety.screening_eval import Outcome, false_positive_rate, load_set, recall
from safety.screening_model import (
    ANSWER_LAYER,
    CONVERSATIONS_TRAIN,
    MAX_FALSE_POSITIVE_RATE,
    MESSAGE_LAYER,
    QUESTION,
    _flagged,
    _language_model,
    _question_pieces,
    _questions,
    _read_language_model_states,
    data_fingerprint,
    fit,
    language_model_states,
    learned_screen,
    save,
    stored_fingerprint,
    training_items,
)

TRAINING_SAMPLE = 1_500  # of the trained-on messages; every held-out one is screened too


@pytest.fixture(scope="module")
def everything() -> list:
    """Every held-out message and a fixed sample of the others: the screen is called message by message,
    as the chat calls it, and all 7,700 would take minutes more without testing anything further."""
    held_out = [item for split in HELD_OUT_SPLITS for item in load_set(split)]
    trained_on = [item for split in training_splits() for item in load_set(split)]
    return held_out + random.Random(0).sample(trained_on, TRAINING_SAMPLE)


@pytest.fixture(scope="module")
def screened(everything) -> list:
    """(item, the rules' screening, the rules' with the learned screen) for every labelled message.
    The learned screen reads them and their earlier turns in batches first (as training does), not
    one model call each."""
    texts, contexts = [], []
    for item in everything:
        turns = [normalise(turn) for turn in (*item.context, item.text)]
        texts += [without_idioms(turn) for turn in turns]
        contexts += [" ".join(turns[:j]) for j in range(len(turns))]
    learned_screen().levels(texts, contexts)
    return [(item, screen(item.messages, learned=False), screen(item.messages)) for item in everything]


def test_the_reported_holdout_is_never_trained_on() -> None:
    trained_on = set(training_splits())
    reported = {"holdout43", "holdout44", "openings"}
    assert reported <= set(HELD_OUT_SPLITS) and not trained_on & reported
    assert trained_on == {"dev", "test", "extra", "extra2", "openings_train", "distress_train",
                          "everyday_languages_train", "holdout", *(f"holdout{n}" for n in range(2, 43))}


def test_it_raises_levels_the_rules_miss_and_says_so(screened) -> None:
    raised = [(item, both) for item, rules, both in screened if rules.level == "none" and both.level != "none"]
    assert raised, "the learned screen should catch wording the rules miss"
    assert all(any(r.startswith("learned screen: ") for r in found.reasons) for _, found in raised)
    assert sum(i.level in ("ideation", "self_harm", "imminent") for i, _ in raised) >= len(raised) * 0.8


def test_it_never_lowers_a_level(screened) -> None:
    for item, rules, both in screened:
        assert LEVELS.index(both.level) >= LEVELS.index(rules.level), item.text


def test_a_reason_for_no_risk_the_rules_found_does_not_veto_it() -> None:
    """The rules read "my brother died in 2010" as a past that is over; what follows is not past."""
    text = "my brother died in 2010. honestly i think everyone would be better off without me now"
    assert screen(users(text), learned=False).level == "none"
    assert screen(users(text)).level in ("ideation", "self_harm", "imminent")


def test_short_everyday_first_messages_are_rarely_taken_for_risk(screened) -> None:
    """Before it trained on openings_train, the learned screen raised 19 of the 65 everyday openings
    of the unseen openings split ("I'm going to the dentist") to imminent, so they got the safety
    message instead of a reply; 4 now. Short risky openings must still be caught."""
    openings = set(load_set("openings"))
    outcomes = [Outcome(item, both.level) for item, _, both in screened if item in openings]
    assert false_positive_rate(outcomes) <= 0.08
    assert recall(outcomes, "imminent") >= 0.6 and recall(outcomes, "ideation") >= 0.75


def test_thresholds_keep_false_positives_of_the_training_messages_bounded() -> None:
    model = learned_screen()
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    none = np.zeros(len(LEVELS))
    none[0] = 1.0
    assert _flagged(none, model.thresholds) == "none"
    # In-sample the flagged share of safe messages can only be lower than cross-validated.
    trained_on = [i for split in training_splits() for i in load_set(split)]
    safe = [i for i in trained_on if i.level in ("none", "distress")]
    found = model.levels([without_idioms(normalise(i.text)) for i in safe],
                         [" ".join(normalise(c) for c in i.context) for i in safe])
    assert sum(level != "none" for level in found) / len(safe) <= MAX_FALSE_POSITIVE_RATE


def test_the_question_marks_exactly_the_messages_own_tokens() -> None:
    """The mean is taken over the message's tokens, not the question's words or the padding."""
    tokenizer, _ = _language_model()
    before, _ = _question_pieces(tokenizer)
    texts = ["i want to die", "the pills are lined up on the desk and I have written the letters to everyone"]
    ids, attention, own = _questions(tokenizer, texts)
    for row, text in enumerate(texts):
        assert tokenizer.decode(ids[row][own[row].bool()]) == text
        asked = tokenizer.decode(before + ids[row][attention[row, len(before):].bool()].tolist())
        assert asked.startswith(QUESTION[0]) and asked.endswith(QUESTION[1]) and text in asked
    assert attention[0].sum() < attention[1].sum() == len(before) + ids.shape[1]


def test_reusing_the_questions_opening_reads_what_the_whole_question_read_at_once_does() -> None:
    tokenizer, model = _language_model()
    text = "the pills are lined up on the desk and I have written the letters to everyone"
    whole = tokenizer("".join((QUESTION[0], text, QUESTION[1])), add_special_tokens=False).input_ids
    before, after = _question_pieces(tokenizer)
    assert whole == before + tokenizer(text, add_special_tokens=False).input_ids + after
    with torch.inference_mode():
        hidden = model(input_ids=torch.tensor([whole]), output_hidden_states=True).hidden_states
    at_once = np.concatenate([hidden[MESSAGE_LAYER][0, len(before):len(whole) - len(after)].mean(0).numpy(),
                              hidden[ANSWER_LAYER][0, -1].numpy()])
    assert _read_language_model_states([text, "ok"])[0] == pytest.approx(at_once, rel=1e-3, abs=1e-3)


@pytest.fixture
def nothing_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text's states computed afresh, none read from those kept."""
    monkeypatch.setattr(language_model_states, "by_text", OrderedDict())
    monkeypatch.setattr(language_model_states, "size", 0)


@pytest.mark.usefixtures("nothing_kept")
def test_language_model_states_do_not_depend_on_the_other_messages_in_a_batch() -> None:
    """Padding a short message to a long one's length must not change what the screen reads of it."""
    short, long = "i want to die", "the pills are lined up on the desk and I have written the letters to everyone"
    alone = language_model_states([short])
    batched = language_model_states([long, short])
    assert alone.shape == (1, batched.shape[1])
    assert np.allclose(alone[0], batched[1], rtol=1e-3, atol=1e-2 * np.abs(alone).mean())
    assert not np.allclose(batched[0], batched[1], rtol=1e-3, atol=1e-2 * np.abs(alone).mean())


def test_states_kept_are_those_of_the_latest_texts_and_equal_a_fresh_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language_model_states, "by_text", OrderedDict())
    monkeypatch.setattr(language_model_states, "size", 2)
    texts = ["the rope is in the loft", "my cat knocked the plant over", "exams start on monday"]
    first = language_model_states(texts)
    assert list(language_model_states.by_text) == texts[1:]
    again = language_model_states([texts[2], texts[0]])
    assert np.array_equal(again[0], first[2])  # read back from those kept
    assert np.allclose(again[1], first[0], rtol=1e-3, atol=1e-2 * np.abs(first).mean())  # read afresh
    assert list(language_model_states.by_text) == [texts[2], texts[0]]


def test_a_follow_up_reads_afresh_only_itself_and_its_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """Carrying the learned screen's reading of earlier turns costs little: each earlier turn was read
    in its own turn, and what was read of it is kept."""
    conversation = [*users(KOREAN_RISK), *users("오늘도 하루 종일 그 생각뿐이었어"), *users("yeah. every day")]
    for name in ("english_embeddings", "multilingual_embeddings", "language_model_states"):
        # As in a new chat: nothing of it read yet (and what other tests read is back afterwards).
        monkeypatch.setattr(getattr(screening_model, name), "by_text", OrderedDict())
    for turn in range(1, len(conversation)):
        screen(conversation[:turn])
    read: dict[str, list[str]] = {}

    def recorded(name: str, read_afresh):
        def read_and_record(texts: list[str]):
            read.setdefault(name, []).extend(texts)
            return read_afresh(texts)
        return read_and_record

    for name in ("english_embeddings", "multilingual_embeddings", "language_model_states"):
        kept = getattr(screening_model, name)
        monkeypatch.setattr(kept, "read", recorded(name, kept.read))
    assert screen(conversation).level == "ideation"
    context = " ".join(normalise(m["content"]) for m in conversation[:-1])
    assert read == {"english_embeddings": ["yeah. every day", context],
                    "multilingual_embeddings": ["yeah. every day", context],
                    "language_model_states": ["yeah. every day"]}


def test_the_shipped_screen_was_trained_on_the_current_set_and_features() -> None:
    assert stored_fingerprint() == data_fingerprint(), "retrain: python -m safety.screening_model train"


def test_the_fingerprint_follows_the_data_and_the_feature_version_not_the_files(tmp_path, monkeypatch) -> None:
    """Content, not bytes: the same records laid out otherwise (another key order, spacing) keep the
    fingerprint; one changed label, a changed training conversation or a new FEATURE_VERSION change it."""
    lines = SCREENING_SET.read_text(encoding="utf-8").splitlines()
    relaid = tmp_path / "set.jsonl"
    relaid.write_text("\n".join(json.dumps(dict(reversed(json.loads(line).items())), indent=1).replace("\n", "")
                                for line in lines) + "\n\n", encoding="utf-8")
    assert data_fingerprint(relaid) == stored_fingerprint()
    first = json.loads(lines[0])
    relabelled = tmp_path / "relabelled.jsonl"
    relabelled.write_text("\n".join([json.dumps({**first, "level": "distress"}), *lines[1:]]), encoding="utf-8")
    assert first["level"] != "distress" and data_fingerprint(relabelled) != stored_fingerprint()
    conversations = tmp_path / "conversations.jsonl"
    conversations.write_text(CONVERSATIONS_TRAIN.read_text(encoding="utf-8").replace("lol", "haha", 1), encoding="utf-8")
    assert data_fingerprint(conversations=conversations) != stored_fingerprint()
    monkeypatch.setattr(screening_model, "FEATURE_VERSION", screening_model.FEATURE_VERSION + 1)
    assert data_fingerprint() != stored_fingerprint()


def test_a_missing_artifact_says_how_to_make_it(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="python -m safety.screening_model train"):
        learned_screen(tmp_path / "absent.npz")


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_screen(tmp_path) -> None:
    """The artifact is what `python -m safety.screening_model train` makes of the set (about 12 minutes)."""
    retrained = tmp_path / "screen.npz"
    save(fit(training_items()), retrained)
    shipped, again = learned_screen(), learned_screen(retrained)
    # Batches of other sizes read the language model's states with float noise, so the weights differ
    # slightly: the same thresholds within one step of their grid, and the same decisions.
    assert again.thresholds == pytest.approx(shipped.thresholds, abs=0.0101)
    items = training_items()
    messages = [without_idioms(normalise(i["text"])) for i in items]
    contexts = [" ".join(normalise(c) for c in i.get("context") or ()) for i in items]
    agreeing = np.mean(np.array(again.levels(messages, contexts)) == np.array(shipped.levels(messages, contexts)))
    assert agreeing >= 0.99
    assert stored_fingerprint(retrained) == data_fingerprint()


@pytest.mark.parametrize("text", ["gonna kill it at the gym tonight", "I could murder a pizza tonight",
                                  "I take 40 mg of citalopram every morning",
                                  "I take forty mg of citalopram every morning with breakfast"])
def test_an_idiom_is_no_evidence_for_the_learned_screen(text: str) -> None:
    """The learned screen reads the message without its idioms, so their words cannot raise it."""
    assert screen(users(text)).level == "none"


@pytest.mark.parametrize("follow_up", ["and now?", "what else?", "ok", "tell me more", "I see, thanks",
                                       "yes please", "why is that", "tonight I'll try it"])
def test_short_follow_ups_after_a_conversation_without_risk_stay_without_risk(follow_up: str) -> None:
    for opening in ("hello there", "can you help me sleep better?"):
        messages = [{"role": "user", "content": opening}, {"role": "assistant", "content": "Of course."},
                    {"role": "user", "content": follow_up}]
        assert screen(messages).level == "none", (opening, follow_up)


@pytest.mark.parametrize(("text", "at_least"), [("그냥 사라지고 싶어, 살아야 할 이유를 모르겠어", "ideation"),
                                                ("또 칼로 팔을 그었어", "self_harm")])
def test_risk_in_a_language_the_rules_do_not_know_is_read_by_the_multilingual_encoder(text: str,
                                                                                      at_least: str) -> None:
    """The rules know no Korean but its acts about to happen, and the labelled set holds few Korean
    messages; the multilingual encoder places these near their English counterparts ("I just want
    to disappear", "I cut my arm with a knife again")."""
    assert screen(users(text), learned=False).level == "none"
    assert LEVELS.index(screen(users(text)).level) >= LEVELS.index(at_least), text


@pytest.mark.parametrize("text", ["주말에 친구랑 등산 갔다 왔어요", "시험 때문에 너무 스트레스 받아", "이 영화 정말 죽인다",
                                  "어제 머리를 잘랐어"])
def test_everyday_korean_stays_without_risk(text: str) -> None:
    """A hike with a friend, exam stress, "this film is killer" and a haircut yesterday."""
    assert screen(users(text)).level == "none"


KOREAN_RISK = "그냥 사라지고 싶어, 살아야 할 이유를 모르겠어"  # "I just want to disappear, I see no reason to live"


FOLLOW_UPS = {"I've still got the tablets from last month": "imminent", "yeah. every day": "ideation"}


@pytest.mark.parametrize(("follow_up", "carried"), FOLLOW_UPS.items())
def test_risk_only_the_learned_screen_read_in_an_earlier_turn_is_carried(follow_up: str, carried: str) -> None:
    """A follow-up is read with the risk told before it, whether the rules or the learned screen found it."""
    messages = [*users(KOREAN_RISK), {"role": "assistant", "content": "I'm here with you."}, *users(follow_up)]
    assert screen(messages, learned=False).level == "none"
    found = screen(messages)
    assert found.level == carried, found
    assert "learned screen: ideation in an earlier turn" in found.reasons
    assert not any(r.startswith("learned screen: ") and "earlier" not in r for r in found.reasons), \
        "carried, not the follow-up's own level"


@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
def test_the_same_follow_up_after_everyday_korean_is_not_carried(follow_up: str) -> None:
    hike = "주말에 친구랑 등산 갔다 왔어요"
    messages = [*users(hike), {"role": "assistant", "content": "Lovely!"}, *users(follow_up)]
    assert screen(messages).level not in ("ideation", "imminent")
