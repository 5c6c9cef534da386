"""Typography a reviser corrects by eye — dashes, hyphens, the punctuation ending list items —
told by the document's own habit, not by a house style.

A language version sets its parenthetical dashes one way — spaced en dashes ("– where possible
–"), spaced hyphens, spaced or closed em dashes — and the rarer way is a slip ("Verslaving kan – op
korte en op lange termijn - leiden"). A dash with a space on one side only is either one of a
pair missing its space ("and –where possible – guiding") or a dash standing for the hyphen of a
shortened compound ("drugsproductie en –handel"). Words hyphenated in one place and written
apart in another ("drug-related" / "drug related"), and list items ending otherwise than the
items around them, are counted the same way. All of it is info: the reviser decides.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterator

from drugstrat.diff.model import Document, Finding, Pair, Severity, Span, check, excerpt
from drugstrat.record import Record
from drugstrat.text.spelling import speller

# A dash between two words, as the text sets it: spaced (" – ") or closed ("word—word"; a closed
# hyphen is a compound's, a closed en dash a range's, neither a dash).
_SET = re.compile(r"(?<=[\w,)]) ([-–—]) (?=[(\w])|(?<=[^\W\d_])(—)(?=[^\W\d_])")
# An en or em dash with a space before it and a letter right after, or the reverse.
_GLUED = re.compile(r"(?:(?<=\s)([–—])(?=[^\W\d_]))|(?:(?<=[^\W\d_])([–—])(?=\s))")
# A word with a hyphen on either side and spaces beyond ("drugsteelt, -productie- en handel").
_BOTH_SIDES = re.compile(r"(?<!\S)-[^\W\d_]+-(?!\S)")
HABIT = 3  # dashes set one way before that is the document's way
MIN_STEM = 4  # letters of the first part a shortened compound shares
_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")


@check("dashes", Severity.info, "a dash set otherwise than the document sets its dashes (a "
                                "spaced hyphen where it writes «–»), with a space on one side "
                                "only, or a word between two hyphens")
def dashes(doc: Document) -> Iterator[Finding]:
    for lang in doc.langs:
        sides = _sides(doc, lang)
        habit = Counter(_style(m) for _, record, _ in sides if _has_dash(record["text"])
                        for m in _SET.finditer(record["text"]))
        usual, times = habit.most_common(1)[0] if habit else ("", 0)
        for pair, record, counterpart in sides:
            yield from _in_record(doc, pair, record, counterpart, usual, times, habit)


def _sides(doc: Document, lang: str) -> list[tuple[Pair, Record, Record]]:
    """Each aligned record of one language, with its pair and its counterpart."""
    return [(pair, record, counterpart) for pair in doc.pairs
            for side, record, counterpart in pair.sides() if side == lang]


def _style(match: re.Match[str]) -> str:
    dash = match.group(1) or match.group(2)
    return f" {dash} " if match.group(1) else dash


def _has_dash(text: str) -> bool:
    """Whether a text holds any dash or a hyphen after a space (most hold neither: the
    patterns below need not look)."""
    return "–" in text or "—" in text or " -" in text or "- " in text


def _in_record(doc: Document, pair: Pair, record: Record, counterpart: Record, usual: str,
               times: int, habit: Counter[str]) -> Iterator[Finding]:
    text, lang = record["text"], record["lang"]
    if not _has_dash(text):
        return
    if times >= HABIT:
        for match in _SET.finditer(text):
            style = _style(match)
            around = text[match.start() - 1:match.start()] + text[match.end():match.end() + 1]
            if style == usual or habit[style] >= times or around.isdigit():
                continue  # the habit, or a range of numbers ("2026 - 2029")
            span = match.span(1) if match.group(1) else match.span(2)
            yield _finding(pair, record, counterpart, span,
                           f"«{style.strip()}» in {lang} where the document sets its dashes as "
                           f"«{usual.strip()}» ({times} times)", _key(text, span, style))
    yield from _dash_for_hyphen(doc, pair, record, counterpart)
    for match in _BOTH_SIDES.finditer(text):
        yield _finding(pair, record, counterpart, match.span(),
                       f"«{match.group()}» in {lang}: a word between two hyphens (a shortened "
                       f"compound's hyphen on the wrong side?)", _key(text, match.span(), "both"))
    conjunctions = set(doc.tables[lang].conjunctions)
    for match in _GLUED.finditer(text):
        dash = match.group(1) or match.group(2)
        span = match.span()
        first, last = _sentence(text, span[0])
        paired = text.count(dash, first, last) > 1  # a parenthetical's pair of dashes
        before = text[:span[0]].split()
        if paired:
            side = "after" if match.group(1) else "before"
            message = f"a dash in {lang} with no space {side} it, unlike the other of its pair"
        elif match.group(1) and before and before[-1].casefold() in conjunctions:
            tail = re.match(r"[^\W\d_]+", text[span[1]:])
            part = tail.group() if tail else ""
            message = f"«{dash}{part}» in {lang}: a dash where the hyphen of a shortened " \
                      f"compound is meant («-{part}»)"
        else:
            continue
        yield _finding(pair, record, counterpart, span, message, _key(text, span, "glued"))


def _dash_for_hyphen(doc: Document, pair: Pair, record: Record,
                     counterpart: Record) -> Iterator[Finding]:
    """A spaced dash after a conjunction where a shortened compound's hyphen is meant:
    "preventiemaatregelen en – strategieën", where the dictionary knows "preventiestrategieën"
    (the first part of the word before the conjunction, with the word after the dash); and a
    hyphen glued to a function word, which ends no compound ("controles en -indien blijkt"):
    a dash."""
    text, lang = record["text"], record["lang"]
    table = doc.tables[lang]
    dictionary = speller(table) if table.closed_compounds else None
    for match in _after_conjunction(table.conjunctions).finditer(text):
        before, dash, after = match.group(1, 2, 3)
        span = match.span(2)
        if dash == "-" and text[span[1]:span[1] + 1] != " " and after.casefold() in \
                table.stop_words:
            yield _finding(pair, record, counterpart, span,
                           f"«-{after}» in {lang}: a hyphen before a word that ends no compound "
                           f"(a dash, «– {after}», is meant?)", _key(text, span, "hyphen"))
        elif dash != "-" and text[span[1]:span[1] + 1] == " " and dictionary is not None \
                and after.islower():  # (a dash glued to the word: the rule below)
            whole = next((before[:n] + after for n in range(len(before) - MIN_STEM, MIN_STEM - 1,
                                                            -1)
                          if dictionary.knows(before[:n] + after)), None)
            if whole:
                yield _finding(pair, record, counterpart, span,
                               f"«{dash} {after}» in {lang}: a dash where the hyphen of a "
                               f"shortened compound is meant («-{after}», as in «{whole}»)",
                               _key(text, span, "compound"))


@functools.lru_cache(maxsize=8)
def _after_conjunction(conjunctions: tuple[str, ...]) -> re.Pattern[str]:
    """A word, a conjunction, then a dash or hyphen and the word after it."""
    joints = "|".join(map(re.escape, conjunctions))
    return re.compile(rf"([^\W\d_]+) (?:{joints}) ([–—-]) ?([^\W\d_]+)")


def _key(text: str, span: tuple[int, int], kind: str) -> str:
    """The finding's words, not its offset: an acceptance survives an edit elsewhere."""
    return f"{kind}:{text[max(span[0] - 20, 0):span[1] + 20].casefold()}"


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The bounds of the clause holding offset `at` (up to a full stop, a semicolon or a colon:
    a parenthetical's two dashes stand in one clause), as offsets, which text.sentences, giving
    sentences as strings, does not."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = next((m.start() + 1 for m in _SENTENCE_END.finditer(text, at)), len(text))
    return start, end


def _finding(pair: Pair, record: Record, counterpart: Record, span: Span, message: str,
             key: str, check_name: str = "dashes") -> Finding:
    """An info finding on `span` of the record, the counterpart shown whole."""
    lang = record["lang"]
    return Finding(pair.id, pair.type, check_name, Severity.info, message,
                   {lang: excerpt(record["text"], *span),
                    counterpart["lang"]: excerpt(counterpart["text"], width=90)},
                   key=f"{lang}:{key}", spans={lang: [span]})


_WORDS = re.compile(r"[^\W\d_]+")
_WORD_OR_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]{2,}(?:-[^\W\d_]{2,})+(?![\w-])")


@check("hyphenation", Severity.info, "words hyphenated in one place and written apart or closed "
                                     "in another: across a language version (drug-related / "
                                     "drug related), or between the versions")
def hyphenation(doc: Document) -> Iterator[Finding]:
    for lang in doc.langs:
        yield from _hyphen_habit(doc, lang)
    for pair in doc.prose_pairs():
        for lang, record, counterpart in pair.sides():
            yield from _hyphen_between(pair, record, counterpart)
            if doc.tables[lang].closed_compounds:
                yield from _shortened_without_hyphen(doc, pair, record, counterpart)


def _variants(word: str) -> list[str]:
    """A hyphenated word as written, apart and closed ("drug-related", "drug related",
    "drugrelated"), in lower case."""
    low = word.casefold()
    return [low, low.replace("-", " "), low.replace("-", "")]


def _hyphen_habit(doc: Document, lang: str) -> Iterator[Finding]:
    """One word sequence written with a hyphen and without across one language version: the
    rarer way is shown where it stands, with the other's places; as often each way, both."""
    sides = _sides(doc, lang)
    words = {w.casefold() for _, record, _ in sides if "-" in record["text"]
             for w in _HYPHENATED.findall(record["text"])}
    if not words:
        return
    forms = {form: word for word in words for form in _variants(word)}
    longest = max(len(word.split("-")) for word in words)
    places: dict[str, list[tuple[Pair, Record, Record, tuple[int, int]]]] = {}
    for pair, record, counterpart in sides:
        for form, span in _written(record["text"], forms, longest):
            places.setdefault(form, []).append((pair, record, counterpart, span))
    for word in sorted(words):
        written = {form: len(places.get(form, ())) for form in _variants(word)
                   if places.get(form)}
        if len(written) < 2:
            continue
        most = max(written.values())
        for form, times in written.items():
            if times == most and list(written.values()).count(most) == 1:
                continue  # the habit
            others = ", ".join(f"«{f}» {n} time(s)" for f, n in written.items() if f != form)
            for pair, record, counterpart, span in places[form]:
                yield _finding(pair, record, counterpart, span,
                               f"«{record['text'][span[0]:span[1]]}» here, {others} in "
                               f"{lang}: written two ways", f"habit:{form}", "hyphenation")


def _written(text: str, forms: Collection[str], longest: int) -> Iterator[tuple[str, Span]]:
    """Where the text writes one of `forms` (lower case; hyphenated, apart or closed): a word as
    the text splits it, or a run of up to `longest` words with one space between each."""
    found = list(_WORD_OR_HYPHENATED.finditer(text))
    openings = {form.split(" ", 1)[0] for form in forms if " " in form}
    for n, word in enumerate(found):
        low = word.group().casefold()
        if low in forms:
            yield low, word.span()
        if low not in openings:
            continue  # no form written apart starts with this word
        run = [low]
        for k in range(n + 1, min(n + longest, len(found))):
            following = found[k].group()
            if text[found[k - 1].end():found[k].start()] != " " or "-" in following:
                break
            run.append(following.casefold())
            if (apart := " ".join(run)) in forms:
                yield apart, (word.start(), found[k].end())


def _hyphen_between(pair: Pair, record: Record, counterpart: Record) -> Iterator[Finding]:
    """Words both versions share (a loanword: "evidence-informed") hyphenated in one and
    written apart in the other."""
    theirs = counterpart["text"]
    if "-" not in record["text"]:
        return
    hyphenated = list(_HYPHENATED.finditer(record["text"]))
    if not hyphenated:
        return
    forms = {match.group().casefold().replace("-", " "): match for match in hyphenated}
    longest = max(len(match.group().split("-")) for match in hyphenated)
    for apart, span in _written(theirs, forms, longest):
        match = forms[apart]
        yield Finding(pair.id, pair.type, "hyphenation", Severity.info,
                      f"«{theirs[span[0]:span[1]]}» in {counterpart['lang']}, «{match.group()}» "
                      f"in {record['lang']}",
                      {counterpart["lang"]: excerpt(theirs, *span),
                       record["lang"]: excerpt(record["text"], *match.span())},
                      key=f"between:{apart}",
                      spans={counterpart["lang"]: [span], record["lang"]: [match.span()]})


def _shortened_without_hyphen(doc: Document, pair: Pair, record: Record,
                              counterpart: Record) -> Iterator[Finding]:
    """A compound's second part after a conjunction without the hyphen that says it shares the
    first part: "drugsteelt en productie" where the document writes "drugsproductie"."""
    lang, text = record["lang"], record["text"]
    table = doc.tables[lang]
    key = f"typography.words:{lang}"
    if key not in doc.memo:  # the language version's words, counted once a document
        doc.memo[key] = Counter(w.casefold() for r in doc.versions[lang]
                                for w in _WORDS.findall(r["text"]))
    written: Counter[str] = doc.memo[key]
    joints = "|".join(map(re.escape, table.conjunctions))
    for match in re.finditer(rf"(?<![\w-])([^\W\d_]{{6,}}) (?:{joints}) ([^\W\d_]{{4,}})(?![\w-])",
                             text):
        before, after = match.group(1).casefold(), match.group(2)
        if not after.islower() or after in table.stop_words:
            continue
        whole = next((before[:n] + after for n in range(len(before) - MIN_STEM, MIN_STEM - 1, -1)
                      if written[before[:n] + after]), None)
        if whole and whole != before:
            yield _finding(pair, record, counterpart, match.span(2),
                           f"«{match.group()}» in {lang}: a shortened compound without its "
                           f"hyphen («-{after}», as in «{whole}», written {written[whole]} "
                           f"time(s))?", f"shortened:{match.group()}", "hyphenation")


ITEM_ENDS = ";,.:"  # what a list item may end with, by the list's habit


@check("list-punctuation", Severity.info, "a list item ending otherwise than the items around "
                                          "it (a full stop among semicolons)")
def list_punctuation(doc: Document) -> Iterator[Finding]:
    """The items of one list but its last end alike (";" or "," before the last's "."): an item
    ending otherwise, where its counterpart ends as its own list does, is a slip."""
    lists: dict[tuple[str, str], list[Record]] = {}
    for lang in doc.langs:
        for record in doc.versions[lang]:
            if record["type"] in ("list_item", "scope_item", "mission_aim", "mission_means"):
                lists.setdefault((lang, record["id"].rsplit(".", 1)[0] if "." in record["id"]
                                  else record["type"]), []).append(record)
    pairs = {p.id: p for p in doc.pairs}
    for (lang, _), items in lists.items():
        ends = [item["text"].rstrip()[-1:] for item in items[:-1]]
        habit = Counter(e for e in ends if e and e in ITEM_ENDS).most_common(1)
        if not habit or habit[0][1] < 2:
            continue
        usual = habit[0][0]
        other = doc.other(lang)
        for item, end in zip(items[:-1], ends, strict=True):
            pair = pairs.get(item["id"])
            if end == usual or end not in ITEM_ENDS or pair is None:
                continue
            counterpart = pair[other]
            if counterpart["text"].rstrip()[-1:] == end:
                continue  # both versions end it so: a list of its own making
            at = len(item["text"].rstrip()) - 1
            yield Finding(pair.id, pair.type, "list-punctuation", Severity.info,
                          f"«{end}» ends this item in {lang}, where the items around it end "
                          f"with «{usual}»",
                          {lang: excerpt(item["text"], at, at + 1),
                           other: excerpt(counterpart["text"], len(counterpart["text"]) - 1)},
                          key=f"{lang}:{end}/{usual}", spans={lang: [(at, at + 1)]})
