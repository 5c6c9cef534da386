"""Translation pairs of a knowledge base, and their sentence alignment.

A pair is a record and its translation. Where the translator merged two records into one, the
pair joins the two source records (`SO2.p2+SO2.p3`), so no sentence is lost to a TM.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drugstrat.align import align_lengths, median_ratio
from drugstrat.lang import language
from drugstrat.store import KB
from drugstrat.textutil import sentences


@dataclass
class TranslationPair:
    id: str
    type: str
    parent: str | None
    en: str
    nl: str
    record: dict  # the English record, with any fields people added
    extra: dict = field(default_factory=dict)


@dataclass
class Skipped:
    records: int = 0  # records with no counterpart
    sentences: int = 0  # sentences left alone by the sentence alignment (1-0 / 0-1)


def translation_pairs(kb: KB, skipped: Skipped | None = None) -> list[TranslationPair]:
    skipped = skipped if skipped is not None else Skipped()
    en = kb.by_id.get("en", {})
    nl = kb.by_id.get("nl", {})
    covered = {i for r in nl.values() for i in r.get("merges", ())}
    pairs = []
    for record_id in kb.ids:
        if record_id in en and record_id in nl:
            target = nl[record_id]
            if target.get("merges"):
                sources = [en[i] for i in target["merges"] if i in en]
                pair_id = "+".join(target["merges"])
                text = " ".join(s["text"] for s in sources)
            else:
                pair_id, text = record_id, en[record_id]["text"]
            source = en[record_id]
            pairs.append(TranslationPair(pair_id, source["type"], source.get("parent"), text,
                                         target["text"], source))
        elif record_id not in covered:
            skipped.records += 1
    return pairs


def sentence_pairs(pair: TranslationPair, ratio: float, skipped: Skipped) -> list[tuple[str, str]]:
    """The pair's sentences aligned by length (Gale & Church): 1-1, 2-1, 1-2 beads become
    segments; 1-0 and 0-1 sentences are counted in `skipped` and left out."""
    en = sentences(pair.en, language("en"))
    nl = sentences(pair.nl, language("nl"))
    if len(en) == 1 and len(nl) == 1:
        return [(en[0], nl[0])]
    out = []
    for a, b in align_lengths([len(s) for s in en], [len(s) for s in nl], ratio):
        if a and b:
            out.append((" ".join(en[i] for i in a), " ".join(nl[j] for j in b)))
        else:
            skipped.sentences += len(a) + len(b)
    return out


def length_ratio(pairs: list[TranslationPair]) -> float:
    return median_ratio((p.en, p.nl) for p in pairs)
