"""What the spelling dictionaries said about a knowledge base's words, kept beside its cache:
`diff` asks hunspell about thousands of words and their one-slip variants, and a run that asks
nothing new answers from this file without loading a dictionary."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from drugstrat.kb.store import KB, read_cache_file, side_files
from drugstrat.languages import language
from drugstrat.text.spelling import Speller, speller


@contextmanager
def remembered(kb: KB) -> Iterator[None]:
    """Within this block the languages' spellers recall their earlier answers for this
    knowledge base; what they learn is kept when it ends."""
    spellers = {lang: s for lang in kb.langs if (s := speller(language(lang))) is not None}
    for lang, dictionary in spellers.items():
        _recall(kb, lang, dictionary)
    yield
    for lang, dictionary in spellers.items():
        if dictionary.learned:
            _keep(kb, lang, dictionary)


def _recall(kb: KB, lang: str, dictionary: Speller) -> None:
    for path in side_files(kb.root, f"spelling-{lang}"):
        try:
            data = json.loads(read_cache_file(path) or b"null")
            if isinstance(data, dict) and data.get("dictionary") == dictionary.stamp() and \
                    isinstance(data.get("answers"), dict):
                suggestions = data.get("suggestions")
                dictionary.recall(data["answers"],
                                  suggestions if isinstance(suggestions, dict) else None)
                return
        except ValueError:
            continue


def _keep(kb: KB, lang: str, dictionary: Speller) -> None:
    from drugstrat.storage.atomic import atomic_write_text

    payload = json.dumps({"dictionary": dictionary.stamp(), "answers": dictionary.answers(),
                          "suggestions": dictionary.suggestions()},
                         ensure_ascii=False, separators=(",", ":"))
    for path in side_files(kb.root, f"spelling-{lang}"):
        try:
            atomic_write_text(path, payload, follow=False)  # ours: never through a link
            dictionary.learned = False
            return
        except OSError:
            continue  # nowhere to keep them: the dictionary is asked again next time
