"""Translation pairs of a knowledge base in two of its languages, and their sentence alignment.

A pair is a record and its translation. Where the translator merged two records into one, the
pair joins the two source records (`SO2.p2+SO2.p3`), so no sentence is lost to a TM.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drugstrat.kb.lengths import align_lengths, median_ratio
from drugstrat.kb.store import KB
from drugstrat.languages import language
from drugstrat.record import Record
from drugstrat.text.controls import xml_forbidden, xml_safe
from drugstrat.text.segments import segments


@dataclass
class TranslationPair:
    id: str
    type: str
    parent: str | None
    langs: tuple[str, str]  # (source, target)
    source: str  # text in the source language
    target: str  # text in the target language
    records: dict[str, Record]  # lang -> the record, with any fields people added


@dataclass
class Skipped:
    records: int = 0  # records with no counterpart
    sentences: int = 0  # sentences left alone by the sentence alignment (1-0 / 0-1)
    # Sentences the alignment left alone that stay in their unit all the same (XLIFF): a
    # source sentence as a segment with an empty target, a target one beside its neighbour.
    kept: int = 0
    # Characters XML cannot carry, dropped from an XML export: record id -> their codes.
    unsafe: dict[str, list[str]] = field(default_factory=dict)

    def left_out(self) -> str:
        """What was left out, said in a phrase ("" for nothing)."""
        parts = [f"{self.records} record(s) with no counterpart"] if self.records else []
        if self.sentences:
            parts.append(f"{self.sentences} unaligned sentence(s)")
        return ", ".join(parts)

    def kept_unaligned(self) -> str:
        """The unaligned sentences kept in their units, said in a phrase ("" for none)."""
        return (f"{self.kept} unaligned sentence(s) kept in their units, with an empty "
                f"target where the other language has nothing for them") if self.kept else ""

    def xml(self, record_id: str, text: str) -> str:
        """`text` fit for XML, noting any character dropped from it under the record's id."""
        dropped = xml_forbidden(text)
        if not dropped:
            return text
        known = self.unsafe.setdefault(record_id, [])
        known += [code for code in dropped if code not in known]
        return xml_safe(text)


def export_langs(kb: KB, source: str | None = None,
                 target: str | None = None) -> tuple[str, str]:
    """The two languages to write: the reference and the next one unless said otherwise."""
    from drugstrat.errors import InputError

    source = source or kb.reference
    others = [lang for lang in kb.langs if lang != source]
    target = target or (others[0] if others else None)
    if source not in kb.langs or target not in kb.langs or source == target:
        raise InputError(f"an export needs two languages of this knowledge base "
                         f"({', '.join(kb.langs)}); got {source}:{target}")
    return source, target


def translation_pairs(kb: KB, langs: tuple[str, str],
                      skipped: Skipped | None = None) -> list[TranslationPair]:
    skipped = skipped if skipped is not None else Skipped()
    source_lang, target_lang = langs
    sources = kb.by_id.get(source_lang, {})
    targets = kb.by_id.get(target_lang, {})
    covered = {i for r in targets.values() for i in r.get("merges", ())}
    pairs = []
    for record_id in kb.ids:
        if record_id in sources and record_id in targets:
            target = targets[record_id]
            if merges := target.get("merges"):
                pair_id = "+".join(merges)
                text = " ".join(sources[i]["text"] for i in merges if i in sources)
            else:
                pair_id, text = record_id, sources[record_id]["text"]
            source = sources[record_id]
            pairs.append(TranslationPair(pair_id, source["type"], source.get("parent"), langs,
                                         text, target["text"],
                                         {source_lang: source, target_lang: target}))
        elif record_id not in covered:
            skipped.records += 1
    return pairs


def sentence_pairs(pair: TranslationPair, ratio: float, skipped: Skipped) -> list[tuple[str, str]]:
    """The pair's segments — cut as CAT tools cut them, so that the TM matches what a
    translator's tool looks up — aligned by length (Gale & Church): 1-1, 2-1, 1-2 beads become
    units; 1-0 and 0-1 segments are counted in `skipped` and left out."""
    out = []
    for mine, theirs in segment_beads(pair.source, pair.target, pair.langs, ratio):
        if mine and theirs:
            out.append((mine, theirs))
        else:
            skipped.sentences += 1
    return out


def segment_beads(source: str, target: str, langs: tuple[str, str],
                  ratio: float) -> list[tuple[str, str]]:
    """Two texts cut into segments as CAT tools cut them and aligned by length, in order:
    every segment of both is in one bead, a bead of a segment the other text has nothing for
    holding "" on that side."""
    mine = segments(source, language(langs[0]))
    theirs = segments(target, language(langs[1]))
    if len(mine) <= 1 and len(theirs) <= 1:
        return [(mine[0] if mine else "", theirs[0] if theirs else "")] if mine or theirs \
            else []
    return [(" ".join(mine[i] for i in a), " ".join(theirs[j] for j in b))
            for a, b in align_lengths([len(s) for s in mine], [len(s) for s in theirs], ratio)]


def length_ratio(pairs: list[TranslationPair]) -> float:
    return median_ratio((p.source, p.target) for p in pairs)
