"""The parser on small synthetic strategies: the shapes real files come in, and broken ones."""

from __future__ import annotations

import pytest

from drugstrat.errors import InputError
from drugstrat.languages import DUTCH, ENGLISH
from drugstrat.parse import decode, parse_text

STRATEGY = """\
2030 - 2033

A NATIONAL STRATEGY
ON DRUGS

HEALTH AGENCY

June 2030

FOREWORD

We thank **everyone** who helped.

I. INTRODUCTION

Drugs are a problem¹.

II. SCOPE

The strategy covers:

- Alcohol
- Cannabis

III. STRATEGIC OBJECTIVES

SO. 1 To protect health

Attention goes to vulnerable groups (e.g. young people, inmates and homeless people).

Specific objectives:

- 1.1 To reduce supply.
- 1.2 To **reduce demand**.

SO. 2 To fight crime

Specific objectives:

- 2.1 To fight trafficking.

ENDNOTES

¹ A note.
"""


def parse(text: str, lang=ENGLISH):
    return parse_text(text, lang)


def by_id(result) -> dict[str, dict]:
    return {r["id"]: r for r in result.records}


def test_a_clean_strategy_gives_its_structure_without_warnings():
    result = parse(STRATEGY)
    records = by_id(result)
    assert result.warnings == []
    assert records["title"]["text"] == "A NATIONAL STRATEGY ON DRUGS"
    assert records["period"]["text"] == "2030 - 2033"
    assert records["publisher"]["text"] == "HEALTH AGENCY"
    assert records["date"]["text"] == "June 2030"
    assert records["SO1"]["text"] == "To protect health"
    assert records["SO2"]["parent"] == "objectives"
    assert records["1.2"]["text"] == "To reduce demand."
    assert records["1.2"]["parent"] == "SO1"
    assert records["2.1"]["parent"] == "SO2"
    assert [r["text"] for r in result.records if r["type"] == "scope_item"] == [
        "Alcohol", "Cannabis"]
    assert records["n1"]["cited_by"] == ["intro.p1"]
    assert records["intro.p1"]["cites"] == [1]


def test_bold_spans_become_emphasis_and_leave_no_asterisks():
    records = by_id(parse(STRATEGY))
    assert records["1.2"]["emphasis"] == [
        {"kind": "bold", "start": 3, "end": 16, "text": "reduce demand"}
    ]
    assert "*" not in records["foreword.p1"]["text"]
    span = records["foreword.p1"]["emphasis"][0]
    assert records["foreword.p1"]["text"][span["start"]:span["end"]] == "everyone"


def test_target_groups_are_records_linked_to_their_source():
    groups = [r for r in parse(STRATEGY).records if r["type"] == "target_group"]
    assert [g["text"] for g in groups] == ["young people", "inmates", "homeless people"]
    assert {g["parent"] for g in groups} == {"SO1.p1"}
    assert [g["id"] for g in groups] == ["SO1.p1.g1", "SO1.p1.g2", "SO1.p1.g3"]


def test_hard_wrapped_pdf_text_with_bullet_variants_parses_the_same():
    wrapped = STRATEGY.replace(
        "Attention goes to vulnerable groups (e.g. young people, inmates and homeless people).",
        "Attention goes to vulnerable\ngroups (e.g. young people, inmates\nand homeless people).",
    ).replace("- 1.1 To reduce supply.", "• 1.1 To reduce\n  supply.").replace(
        "- 1.2 To **reduce demand**.", "1.2 To **reduce\ndemand**.").replace(
        "- Alcohol", "– Alcohol").replace("- Cannabis", "– Cannabis")
    plain, hard = by_id(parse(STRATEGY)), by_id(parse(wrapped))
    for record_id in ("SO1.p1", "1.1", "1.2", "scope1", "scope2", "SO1.p1.g3"):
        assert hard[record_id]["text"] == plain[record_id]["text"], record_id


@pytest.mark.parametrize("mark", ["•", "*", "–", "-", "▪"])
def test_every_bullet_style_makes_items(mark):
    text = STRATEGY.replace("- Alcohol\n- Cannabis", f"{mark} Alcohol\n{mark} Cannabis")
    assert [r["text"] for r in parse(text).records if r["type"] == "scope_item"] == [
        "Alcohol", "Cannabis"]


def test_a_word_hyphenated_across_lines_keeps_its_hyphen():
    text = STRATEGY.replace("Drugs are a problem¹.", "Drugs are an evidence-\ninformed problem¹.")
    assert by_id(parse(text))["intro.p1"]["text"] == "Drugs are an evidence-informed problem¹."


def test_numbering_beyond_one_digit():
    text = STRATEGY.replace("SO. 2 To fight crime", "SO. 12 To fight crime").replace(
        "- 2.1 To fight trafficking.", "- 12.10 To fight trafficking.")
    result = parse(text)
    records = by_id(result)
    assert records["SO12"]["number"] == "12"
    assert records["12.10"]["parent"] == "SO12"
    assert any("strategic objective 2" in w.message for w in result.warnings)  # the gap


@pytest.mark.parametrize(
    ("edit", "expected_warning"),
    [
        (("- 1.2 To **reduce demand**.", "- 1.1 Again."), "1.1 appears more than once"),
        (("- 1.2 To **reduce demand**.", "- 1.3 Skipped one."), "specific objective 1.2 is "
                                                                 "missing"),
        (("SO. 2 To fight crime\n\nSpecific objectives:\n\n- 2.1 To fight trafficking.\n",
          "SO. 2 To fight crime\n"), "strategic objective 2 has no body"),
        (("SO. 1 To protect health", "- 0.1 Early bird.\n\nSO. 1 To protect health"),
         "before any strategic objective"),
    ],
)
def test_a_malformed_document_still_parses_and_warns_with_the_line(edit, expected_warning):
    old, new = edit
    text = STRATEGY.replace(old, new)
    result = parse(text)
    assert any(expected_warning in w.message for w in result.warnings), result.warnings
    assert all(w.line >= 1 for w in result.warnings)
    assert "SO1" in by_id(result)


def test_cited_but_undefined_endnote_is_a_warning():
    result = parse(STRATEGY.replace("Drugs are a problem¹.", "Drugs are a problem¹ ²."))
    assert any("endnote 2 is cited" in w.message for w in result.warnings)


def test_empty_text_is_an_error():
    with pytest.raises(InputError):
        parse("  \n\n ")


def test_dutch_labels_come_from_the_dutch_table():
    nl = """VOORWOORD\n\nDank.\n\nI. INLEIDING\n\nTekst.\n\nII. STRATEGISCHE DOELSTELLINGEN\n\n
SD. 1 Gezondheid beschermen\n\nAandacht voor kwetsbare groepen zoals jongeren, ouderen en
gedetineerden.\n\nSpecifieke doelstellingen:\n\n- 1.1 Het aanbod verminderen.\n"""
    records = by_id(parse(nl, DUTCH))
    assert records["SO1"]["text"] == "Gezondheid beschermen"
    paged = nl.replace("Tekst.\n", "Tekst.\n\nPagina 3 van 12\n")
    assert len(parse(paged, DUTCH).records) == len(parse(nl, DUTCH).records)
    assert records["1.1"]["parent"] == "SO1"
    assert [r["text"] for r in parse(nl, DUTCH).records if r["type"] == "target_group"] == [
        "jongeren", "ouderen", "gedetineerden"]


def test_signatories_and_coordinators_are_split_into_honorific_name_office():
    text = STRATEGY.replace(
        "We thank **everyone** who helped.",
        "We thank everyone.\n\nEndorsed by:\n\n- Ms. Ann Smith, Minister of Health\n"
        "- Mr. Bob Jones, Minister of Justice\n\n1 June 2030\n\n"
        "Prof. Dr. Carla Coordinator, Drug Coordinator\nDr. Dan Deputy, Deputy Coordinator",
    )
    records = by_id(parse(text))
    assert records["sig1"]["parent"] == "foreword"
    assert (records["sig2"]["honorific"], records["sig2"]["name"], records["sig2"]["office"]) == (
        "Mr.", "Bob Jones", "Minister of Justice")
    assert records["coord1"]["honorific"] == "Prof. Dr."
    assert records["coord2"]["name"] == "Dan Deputy"


# -- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: b"\xff\xfe" + t.replace("\n", "\r\n").encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "crlf", "utf16", "utf16-crlf"],
)
def test_every_common_encoding_decodes_to_the_same_text(encode):
    text = "Één geïntegreerd beleid\nline two\n"
    assert decode(encode(text), "x.txt") == text


def test_undecodable_bytes_are_refused_with_the_byte_offset():
    with pytest.raises(InputError, match=r"x\.txt: not UTF-8: byte 0xe9 at offset 3"):
        decode("abcé".encode("latin-1"), "x.txt")


def test_a_legacy_encoding_can_be_read_on_purpose():
    assert decode("café".encode("cp1252"), "x.txt", encoding="cp1252") == "café"


def test_an_unknown_encoding_is_an_input_error():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x.txt", encoding="no-such-codec")


def test_pdf_page_furniture_and_lone_bullets_are_read_as_a_reader_would():
    pdf = STRATEGY.replace(
        "The strategy covers:\n\n- Alcohol\n- Cannabis",
        "The strategy covers:\n\n•\nAlcohol\n\n12\n\n•\nCannabis\n\nPage 13 of 40",
    ).replace("\nSO. 2 To fight crime", "\n\f- 14 -\n\nSO. 2 To fight crime")
    plain, from_pdf = parse(STRATEGY), parse(pdf)
    assert [r["text"] for r in from_pdf.records if r["type"] == "scope_item"] == [
        "Alcohol", "Cannabis"]
    assert len(from_pdf.records) == len(plain.records)
    assert not any(r["text"] in ("12", "Page 13 of 40", "- 14 -") for r in from_pdf.records)
    assert by_id(from_pdf)["period"]["text"] == "2030 - 2033"  # a year range is no page number


def test_a_wrapped_line_starting_with_a_number_continues_its_objective():
    text = STRATEGY.replace("- 1.1 To reduce supply.",
                            "- 1.1 To reduce supply for the\n2.5 million people at risk.")
    records = by_id(parse(text))
    assert records["1.1"]["text"] == "To reduce supply for the 2.5 million people at risk."
    assert "2.5" not in records


def test_a_year_alone_in_its_block_is_kept():
    text = STRATEGY.replace("June 2030", "2030")
    assert any(r["text"] == "2030" for r in parse(text).records)
