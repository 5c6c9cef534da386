"""The reviser's page: one self-contained HTML file (no network) with the two versions side by
side in document order, the diff findings highlighted in the text, and filters."""

from __future__ import annotations

import html
from typing import Any

from drugstrat.diff.model import Severity
from drugstrat.kb.store import KB
from drugstrat.record import Record
from drugstrat.text.controls import visible

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;
  padding:.6em 1.2em;z-index:1}
h1{font-size:1.2em;margin:.2em 0}
form{display:flex;gap:1.2em;flex-wrap:wrap;align-items:center}
main{padding:0 1.2em 3em}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:.8em 0;padding:.5em .9em}
section.has-findings{border-left:4px solid #d9822b}
h2{font-size:.95em;margin:.2em 0 .4em}
h2 a{color:#0b5cad;text-decoration:none}
.type{color:#777;font-weight:normal;margin-left:.6em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}
.text[data-missing]{color:#b00;font-style:italic}
mark{border-radius:3px;padding:0 1px}
mark.sev-error{background:#ffc9c9}
mark.sev-warning{background:#ffe8a3}
mark.sev-info{background:#d6ecff}
ul.findings{margin:.5em 0 0;padding-left:1.2em;font-size:.9em}
li.sev-error b{color:#b00}
li.sev-warning b{color:#a15c00}
li.sev-info b{color:#0b5cad}
.evidence{color:#555}
code{font-size:.85em;color:#666}
"""

SCRIPT = """
(function () {
  var so = document.getElementById('so'), check = document.getElementById('check'),
      only = document.getElementById('only'), count = document.getElementById('count');
  function apply() {
    var shown = 0;
    document.querySelectorAll('section.record').forEach(function (s) {
      var checks = (s.dataset.checks || '').split(' ');
      var ok = (!so.value || s.dataset.so === so.value) &&
               (!check.value || checks.indexOf(check.value) >= 0) &&
               (!only.checked || s.classList.contains('has-findings'));
      s.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' records shown';
  }
  function save() {
    var q = new URLSearchParams();
    if (so.value) q.set('so', so.value);
    if (check.value) q.set('check', check.value);
    if (only.checked) q.set('only', '1');
    history.replaceState(null, '', '?' + q.toString() + location.hash);
    apply();
  }
  var q = new URLSearchParams(location.search);
  so.value = q.get('so') || ''; check.value = q.get('check') || '';
  only.checked = q.get('only') === '1';
  [so, check, only].forEach(function (el) { el.addEventListener('change', save); });
  apply();
})();
"""


def report(kb: KB, findings: list[dict[str, Any]], title: str) -> str:
    by_record: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_record.setdefault(finding["id"], []).append(finding)
    objectives = [(kb.objective_number(i), i, next(iter(kb.get(i).values()))["text"])
                  for i in kb.of_type("strategic_objective")]
    checks = sorted({f["check"] for f in findings})
    counts = {s: sum(f["severity"] == s for f in findings) for s in ("error", "warning", "info")}
    parts = [
        "<!doctype html>", f'<html lang="{_e(kb.reference)}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        "<header>", f"<h1>{_e(title)}</h1>",
        f'<p>{len(findings)} findings (error: {counts["error"]}, warning: {counts["warning"]}, '
        f'info: {counts["info"]}). <span id="count"></span></p>',
        '<form id="filters">',
        '<label>Strategic objective <select id="so"><option value="">all</option>',
        *[f'<option value="{number}">{_e(i)} — {_e(text[:60])}</option>'
          for number, i, text in objectives],
        "</select></label>",
        '<label>Check <select id="check"><option value="">all</option>',
        *[f'<option value="{_e(c)}">{_e(c)}</option>' for c in checks],
        "</select></label>",
        '<label><input type="checkbox" id="only"> only records with findings</label>',
        "</form>", "</header>", "<main>",
    ]
    for record_id in kb.ids:
        versions = kb.get(record_id)
        rtype = kb.type_of(record_id) or ""
        own = by_record.get(record_id, [])
        if rtype == "target_group" and not own:
            continue  # shown inside the record that names them
        parts.append(_section(kb, record_id, rtype, versions, own))
    parts += ["</main>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _section(kb: KB, record_id: str, rtype: str, versions: dict[str, Record],
             findings: list[dict[str, Any]]) -> str:
    so = kb.objective_number(record_id)
    classes = "record has-findings" if findings else "record"
    checks = " ".join(sorted({f["check"] for f in findings}))
    out = [f'<section class="{classes}" id="{_e(record_id)}" data-so="{so or ""}" '
           f'data-checks="{_e(checks)}" data-type="{_e(rtype)}">',
           f'<h2><a href="#{_e(record_id)}">{_e(record_id)}</a>'
           f'<span class="type">{_e(rtype)}</span></h2>', '<div class="pair">']
    for lang in kb.langs:
        record = versions.get(lang)
        if record is None:
            out.append(f'<div class="text" lang="{lang}" data-missing>no {lang} version</div>')
            continue
        marked = _highlight(record["text"], [
            (start, end, f) for f in findings for start, end in f["spans"].get(lang, ())])
        out.append(f'<div class="text" lang="{lang}">{marked}</div>')
    out.append("</div>")
    if findings:
        out.append('<ul class="findings">')
        for f in findings:
            out.append(
                f'<li class="sev-{_e(f["severity"])}" data-check="{_e(f["check"])}">'
                f'<b>{_e(f["severity"])}</b> {_e(f["check"])}: {_e(f["message"])} '
                f'<code>{_e(f["finding"])}</code><br><span class="evidence">'
                + "<br>".join(f"{_e(lang)}: {_e(f[lang])}" for lang in f["pair"].split(":"))
                + "</span></li>")
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _highlight(text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> str:
    """The text, escaped, with each finding's spans in a <mark> titled by its message.

    Overlapping spans are merged; the mark takes the most severe finding's colour.
    """
    spans = sorted((max(0, s), min(len(text), e), f) for s, e, f in spans if e > s)
    merged: list[list[Any]] = []
    for start, end, finding in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(finding)
        else:
            merged.append([start, end, [finding]])
    out, position = [], 0
    for start, end, group in merged:
        out.append(_e(text[position:start]))
        worst = max(group, key=lambda f: Severity[f["severity"]])
        title = " | ".join(dict.fromkeys(f"{f['check']}: {f['message']}" for f in group))
        out.append(f'<mark class="sev-{_e(worst["severity"])}" title="{_e(title)}">'
                   f"{_e(text[start:end])}</mark>")
        position = end
    out.append(_e(text[position:]))
    return "".join(out)


def _e(value: object) -> str:
    """Escaped for HTML text and attributes; control characters shown, never passed on."""
    return html.escape(visible(str(value)), quote=True)

