"""The sentence TMX as a translator uses it: OmegaT (console mode) pre-translates the published
document — made into a Word original, and as its plain text — from our TMX in `tm/auto`, and
cuts text into the same segments as our segmenter."""

from __future__ import annotations

import pytest

from drugstrat.cli.commands import app
from drugstrat.languages import language
from drugstrat.text.segments import segments

from . import omegat
from .conftest import EN_SOURCE
from .originals import word_original

pytestmark = pytest.mark.external

# Paragraphs whose cutting turns on abbreviations, initials, numbers, labels and line breaks.
TRICKY = {
    "en": ["Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson there? Yes: both are.",
           "Groups (e.g. young people) count; prisons: 3. the end. It ends... and goes on.",
           "3.4 To promote it. He left at 5 p.m. and came back.",
           "Prof. Dr. Charlotte Colman, Interfederal Drug Coordinator",
           "M. Bart De Wever, Prime Minister. No. 5 is here. See fig. 3 and St. Paul.",
           "II. SCOPE", "SO. 1 To promote and protect health and well-being",
           "He said “no.” Then left. Federal drugs note, 2001, p.7 And more.",
           "- Legal drugs\n- Illegal drugs.\n- Psychoactive medication"],
    "nl": ["Dhr. J. Peeters, enz. en bv. dit. Volgende zin: 1) preventie; 2) zorg. Klaar",
           "Prof. Dr. Charlotte Colman, Interfederale Drugscoördinator",
           "Zie o.a. art. 3 en blz. 4. Mevr. De Smet kwam, d.w.z. gisteren. Dr. Nicaise ook.",
           "II. TOEPASSINGSGEBIED", "SD. 1 Promoten en beschermen van gezondheid en welzijn"],
    "fr": ["M. Dupont et Mme. Durand, art. 3. Voir p. 4 etc. et la suite.",
           "Prof. Dr. Charlotte Colman, Coordinatrice interfédérale drogues",
           "Il dit « non. » Puis part. Les É.-U. et l'U.E. aussi."],
}


@pytest.mark.parametrize("lang", sorted(TRICKY))
def test_our_segments_are_the_segments_omegat_cuts(lang, tmp_path):
    original = tmp_path / f"tricky.{lang}.txt"
    original.write_text("\n\n".join(TRICKY[lang]) + "\n", encoding="utf-8")
    other = "NL" if lang != "nl" else "EN"
    cut = omegat.segments(omegat.project(tmp_path / "project", original, lang.upper(), other))
    ours = {s for paragraph in TRICKY[lang] for s in segments(paragraph, language(lang))}
    assert ours == cut


def _share(runner, kb, tmp_path, original) -> tuple[float, int]:
    root = omegat.project(tmp_path / "project", original)
    result = runner.invoke(app, ["--data", str(kb), "export", "-f", "tmx", "--segments",
                                 "sentence", "-o", str(root / "tm" / "auto" / "strategy.tmx")])
    assert result.exit_code == 0, result.stderr
    unique, filled = omegat.pretranslated(root)
    return filled / unique, unique


def test_omegat_pretranslates_a_word_original_of_the_published_text(runner, bundled_kb,
                                                                    tmp_path):
    """The Done-when of the document as printed: headings with their numerals, SO labels,
    labels, contents, title lines, endnotes with their markers are in the TMX too."""
    original = word_original(EN_SOURCE.read_text(encoding="utf-8-sig"),
                             tmp_path / "strategy.docx")
    share, unique = _share(runner, bundled_kb, tmp_path, original)
    assert unique > 200 and share >= 0.97, share


def test_omegat_pretranslates_most_of_the_published_plain_text(runner, bundled_kb, tmp_path):
    """The plain text keeps bullets, numbers and the editions' own paragraphs: what misses are
    segments one edition ends where the other runs on, and text with emphasis marks."""
    original = tmp_path / "strategy.txt"
    original.write_text(EN_SOURCE.read_text(encoding="utf-8-sig"), encoding="utf-8")
    share, unique = _share(runner, bundled_kb, tmp_path, original)
    assert unique > 200 and share >= 0.90, share


def test_omegat_fills_the_english_segments_of_the_records_from_our_tmx(runner, bundled_kb,
                                                                      tmp_path):
    """The records' text, a paragraph each: every segment is in the TMX."""
    import json

    rows = [json.loads(line) for line in runner.invoke(
        app, ["--data", str(bundled_kb), "export", "-f", "jsonl", "-o", "-"]).stdout.splitlines()]
    original = tmp_path / "records.txt"
    original.write_text("\n\n".join(" ".join(row["en"].split()) for row in rows) + "\n",
                        encoding="utf-8")
    share, unique = _share(runner, bundled_kb, tmp_path, original)
    assert unique > 200 and share >= 0.97, share
