"""What the spelling dictionaries said about a knowledge base's words, kept beside its cache and
in the user's own cache: `diff` asks hunspell about thousands of words and their one-slip
variants (a Dutch suggestion takes a quarter of a second), and a run that asks nothing new
answers from these files without loading a dictionary — the first `diff` of a new knowledge
base too, for the words this user's dictionaries have answered before."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drugstrat.kb.store import KB, read_cache_file, side_files
from drugstrat.languages import language
from drugstrat.text.spelling import Speller, speller

# Answers the user's memory of one dictionary holds at most: past it, what one run needed.
USER_ANSWERS_KEPT = 200_000


@contextmanager
def remembered(kb: KB) -> Iterator[None]:
    """Within this block the languages' spellers recall their earlier answers for this
    knowledge base and this user; what they learn is kept when it ends."""
    spellers = {lang: s for lang in kb.langs if (s := speller(language(lang))) is not None}
    own = {}
    for lang, dictionary in spellers.items():
        _recall([_user_memory(dictionary)], dictionary)
        own[lang] = _recall(side_files(kb.root, f"spelling-{lang}"), dictionary)
        dictionary.begin()
    yield
    for lang, dictionary in spellers.items():
        if dictionary.learned:
            _keep_for_user(dictionary)
        if dictionary.learned or not own[lang]:
            # Beside the knowledge base, which may be handed on, only its own words.
            _keep(side_files(kb.root, f"spelling-{lang}"), _payload(dictionary, asked_only=True))
        dictionary.learned = False


def _recall(paths: list[Path], dictionary: Speller) -> bool:
    """Take the answers of the first of `paths` holding answers of this very dictionary;
    whether one did."""
    for path in paths:
        try:
            data = json.loads(read_cache_file(path) or b"null")
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("dictionary") == dictionary.stamp() and \
                isinstance(data.get("answers"), dict):
            suggestions = data.get("suggestions")
            dictionary.recall(data["answers"],
                              suggestions if isinstance(suggestions, dict) else None)
            return True
    return False


def _user_memory(dictionary: Speller) -> Path:
    """The user's memory of one dictionary (named by which file it is, its size and time)."""
    from drugstrat.storage.usercache import user_cache_dir

    key = hashlib.sha256(json.dumps(dictionary.stamp()).encode()).hexdigest()[:16]
    return user_cache_dir() / "spelling" / f"{dictionary.path.stem}-{key}.json"


def _keep_for_user(dictionary: Speller) -> None:
    """The user's memory: what it held (recalled into the speller at the start) with what the
    speller learned since; this run's answers alone once it would pass its bound."""
    path = _user_memory(dictionary)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # no cache of the user's: the dictionary is asked again next time
    _keep([path], _payload(dictionary, len(dictionary.answers()) > USER_ANSWERS_KEPT))


def _payload(dictionary: Speller, asked_only: bool = False) -> str:
    return json.dumps({"dictionary": dictionary.stamp(),
                       "answers": dictionary.answers(asked_only),
                       "suggestions": dictionary.suggestions(asked_only)},
                      ensure_ascii=False, separators=(",", ":"))


def _keep(paths: list[Path], payload: str) -> None:
    """Written to the first of `paths` that takes it."""
    from drugstrat.storage.atomic import atomic_write_text

    for path in paths:
        try:
            atomic_write_text(path, payload, follow=False)  # ours: never through a link
            return
        except OSError:
            continue  # nowhere to keep them: the dictionary is asked again next time
