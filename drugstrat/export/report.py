"""The reviser's page: one self-contained HTML file (no network) to work through a review in.

A findings panel lists every finding with its severity and check, counted by each, linked to
its record; filters by severity, check and strategic objective and a text search narrow both
the panel and the text. The text shows the language versions side by side under their
headings, record by record in document order, with source line numbers, bold and italics as
the document has them, the words a finding points at marked in both columns, and a record a
translator merged or split shown with its counterparts. Accepted findings stay visible, muted,
with their comment.

A reviser decides about a finding with a comment right in the page — Accept (no fault) or Needs
fix — and the counters follow; the page keeps the decisions in the browser across reloads (and
warns before leaving with decisions not saved) and saves them as a small YAML file
(`decisions.yaml`), which `drugstrat diff --apply FILE` records: acceptances in the
acceptances, a needed fix as the translation's status and note. The search folds case and
accents as the command line does; under ~1000 px the page is one column; printing prints what
the filters show. The page reads `?severity=`, `?check=`, `?so=`, `?q=`, `?only=1` from its
address (a filtered view can be bookmarked or sent) — views only: a decision is never taken
from the address, where a crafted link could put one a reviser would then save unawares.
"""

from __future__ import annotations

import html

from drugstrat.diff.model import Finding, Severity
from drugstrat.kb.store import KB
from drugstrat.record import Record
from drugstrat.text.controls import visible

# Most severe first, as the panel counts them.
SEVERITIES = sorted(Severity, reverse=True)

STYLE = """
:root{--line:#e3e3e3}
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 1.2em;
  z-index:2}
h1{font-size:1.15em;margin:.2em 0}
form{display:flex;gap:1em;flex-wrap:wrap;align-items:center;font-size:.9em}
.layout{display:grid;grid-template-columns:minmax(18em,26em) 1fr;gap:1em;padding:0 1.2em 3em}
aside{position:sticky;top:8.5em;align-self:start;max-height:calc(100vh - 9.5em);overflow:auto;
  font-size:.88em}
aside h2,.columns{font-size:.95em}
.counts span{display:inline-block;margin:.1em .5em .1em 0}
ol.panel{list-style:none;padding:0;margin:.4em 0}
ol.panel li{border-left:4px solid #ccc;background:#fff;margin:.3em 0;padding:.3em .5em}
ol.panel li.sev-error{border-color:#c00}ol.panel li.sev-warning{border-color:#d9822b}
ol.panel li.sev-info{border-color:#0b5cad}
li.accepted,ul.findings li.accepted{opacity:.55}
li.accepted .comment,li.needs-fix .comment{font-style:italic}
li.needs-fix{outline:2px dashed #c00;outline-offset:-2px}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:1.2em;position:sticky;top:8.5em;
  background:#fafafa;padding:.3em 0;z-index:1;font-weight:bold}
/* A record reached by a link stops below the sticky header and language headings (their
   height, measured by the script, in --header). */
section.record,section.record a[id]{scroll-margin-top:var(--header,10em)}
section{background:#fff;border:1px solid var(--line);border-radius:6px;margin:.7em 0;
  padding:.5em .9em}
section.has-findings{border-left:4px solid #d9822b}
section h3{font-size:.9em;margin:.1em 0 .4em}
section h3 a{color:#0b5cad;text-decoration:none}
.type{color:#777;font-weight:normal;margin-left:.6em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}
.text p{margin:0 0 .4em}
.text .line{color:#999;font-size:.75em;margin-right:.4em;user-select:none}
.text .id{color:#777;font-size:.75em;margin-right:.4em}
.text[data-missing]{color:#b00;font-style:italic}
mark{border-radius:3px;padding:0 1px}
mark.sev-error{background:#ffc9c9}mark.sev-warning{background:#ffe8a3}
mark.sev-info{background:#d6ecff}mark.accepted{background:#eee}
ul.findings{margin:.5em 0 0;padding-left:1.2em;font-size:.88em}
b.sev-error{color:#b00}b.sev-warning{color:#a15c00}b.sev-info{color:#0b5cad}
.evidence{color:#555}
code{font-size:.85em;color:#666}
textarea{width:100%;font:inherit;font-size:.9em}
button{font:inherit;font-size:.85em}
#decisions{white-space:pre-wrap;font-size:.8em;background:#f4f4f4;padding:.4em}
[hidden]{display:none !important}
/* Under ~1000 px the panel goes above the text and each record's versions one below the
   other, each named by its language. */
@media (max-width:1000px){
  .layout{grid-template-columns:1fr}
  aside{position:static;max-height:none}
  .columns{display:none}
  .pair{grid-template-columns:1fr;gap:.3em}
  .text[lang]::before{content:attr(lang);text-transform:uppercase;font-size:.7em;color:#777;
    margin-right:.5em}
}
/* Printed as filtered: what the filters hide is not printed. */
@media print{
  header form,aside,button,textarea,.accept{display:none !important}
  .layout{display:block;padding:0}.columns{position:static}
  section{break-inside:avoid;border:none;border-bottom:1px solid #ccc;border-radius:0}
}
"""

SCRIPT = """
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var severity = $('severity'), check = $('check'), so = $('so'), text = $('q'),
      only = $('only'), count = $('count');
  // Decisions are kept in the browser under this page's key (its title and findings), so a
  // reload or a crash loses nothing; what was last saved as a file is kept beside them.
  var key = 'drugstrat-review:' + document.body.dataset.review;
  function stored(name) {
    try { return JSON.parse(localStorage.getItem(key + name) || '[]'); } catch (e) { return []; }
  }
  function store(name, value) {
    try { localStorage.setItem(key + name, JSON.stringify(value)); } catch (e) { /* private */ }
  }
  var decisions = [];
  // Case and accents do not count, as on the command line: "geintegreerd" finds
  // "geïntegreerd".
  function fold(s) {
    return s.toLowerCase().normalize('NFKD').replace(/\\p{M}/gu, '');
  }
  var folded = new Map();
  function foldedText(el) {
    if (!folded.has(el)) folded.set(el, fold(el.textContent));
    return folded.get(el);
  }
  function matches(el) {
    return (!severity.value || el.dataset.severity === severity.value) &&
           (!check.value || el.dataset.check === check.value);
  }
  function apply() {
    var needle = fold(text.value.trim()), shown = 0, listed = 0;
    document.querySelectorAll('ol.panel li').forEach(function (li) {
      var ok = matches(li) && (!so.value || li.dataset.so === so.value) &&
               (!needle || foldedText(li).indexOf(needle) >= 0);
      li.hidden = !ok; if (ok) listed++;
    });
    document.querySelectorAll('section.record').forEach(function (s) {
      var findings = s.querySelectorAll('ul.findings li');
      var any = Array.prototype.some.call(findings, matches);
      var filtered = severity.value || check.value;
      var ok = (!so.value || s.dataset.so === so.value) &&
               (!filtered || any) && (!only.checked || findings.length > 0) &&
               (!needle || foldedText(s).indexOf(needle) >= 0);
      s.hidden = !ok; if (ok) shown++;
    });
    count.textContent = shown + ' records shown, ' + listed + ' findings listed';
  }
  function save() {
    var q = new URLSearchParams();
    [['severity', severity.value], ['check', check.value], ['so', so.value],
     ['q', text.value]].forEach(function (kv) { if (kv[1]) q.set(kv[0], kv[1]); });
    if (only.checked) q.set('only', '1');
    history.replaceState(null, '', '?' + q.toString() + location.hash);
    apply();
  }
  function yaml() {
    var lines = ['# Decisions taken in the drugstrat review page.',
                 '# Record them: drugstrat diff --apply decisions.yaml', 'decisions:'];
    decisions.forEach(function (d) {
      lines.push('  - finding: ' + JSON.stringify(d.finding));
      lines.push('    pair: ' + JSON.stringify(d.pair));
      lines.push('    decision: ' + JSON.stringify(d.decision));
      lines.push('    comment: ' + JSON.stringify(d.comment));
    });
    if (!decisions.length) lines[2] = 'decisions: []';
    return lines.join('\\n') + '\\n';
  }
  function unsaved() {
    return JSON.stringify(decisions) !== JSON.stringify(stored(':saved'));
  }
  // The panel's counters: a finding decided on in the page is no longer to review.
  function recount() {
    var open = 0, accepted = 0, fix = 0, bySeverity = {}, byCheck = {};
    document.querySelectorAll('ol.panel li').forEach(function (li) {
      if (li.classList.contains('needs-fix')) { fix++; return; }
      if (li.classList.contains('accepted')) { accepted++; return; }
      open++;
      bySeverity[li.dataset.severity] = (bySeverity[li.dataset.severity] || 0) + 1;
      byCheck[li.dataset.check] = (byCheck[li.dataset.check] || 0) + 1;
    });
    $('todo').textContent = open + ' findings to review' +
      (accepted ? ', ' + accepted + ' accepted' : '') + (fix ? ', ' + fix + ' to fix' : '');
    document.querySelectorAll('[data-count-severity]').forEach(function (el) {
      el.textContent = bySeverity[el.dataset.countSeverity] || 0;
    });
    document.querySelectorAll('[data-count-check]').forEach(function (el) {
      el.textContent = byCheck[el.dataset.countCheck] || 0;
    });
    var waiting = unsaved();
    $('decisions').textContent = yaml();
    $('decision-count').textContent = decisions.length + ' decision(s)' +
      (waiting ? ', not saved yet' : '');
    $('save').disabled = !decisions.length;
  }
  function decide(finding, decision, comment) {
    if (!comment.trim()) return false;
    var els = document.querySelectorAll('[data-finding="' + CSS.escape(finding) + '"]');
    if (!els.length) return false;
    decisions = decisions.filter(function (d) { return d.finding !== finding; });
    decisions.push({finding: finding, pair: els[0].dataset.pair, decision: decision,
                    comment: comment});
    els.forEach(function (el) {
      el.classList.toggle('accepted', decision === 'accept');
      el.classList.toggle('needs-fix', decision === 'needs-fix');
      var note = el.querySelector('.comment');
      if (note) note.textContent = (decision === 'accept' ? 'accepted: ' : 'needs fix: ') +
                                   comment;
    });
    store('', decisions);
    recount();
    return true;
  }
  document.querySelectorAll('form.accept').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = event.submitter || form.querySelector('button');
      decide(form.dataset.finding, button.value, form.querySelector('textarea').value);
    });
  });
  $('save').addEventListener('click', function () {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([yaml()], {type: 'application/yaml'}));
    link.download = 'decisions.yaml';
    document.body.appendChild(link); link.click(); link.remove();
    store(':saved', decisions);
    recount();
  });
  window.addEventListener('beforeunload', function (event) {
    if (!unsaved()) return;
    event.preventDefault();
    event.returnValue = '';  // the browser asks before leaving: decisions not saved yet
  });
  function measure() {
    var height = document.querySelector('header').offsetHeight +
                 document.querySelector('.columns').offsetHeight + 8;
    document.documentElement.style.setProperty('--header', height + 'px');
  }
  window.addEventListener('resize', measure);
  measure();
  stored('').forEach(function (d) { decide(d.finding, d.decision || 'accept', d.comment); });
  var q = new URLSearchParams(location.search);
  severity.value = q.get('severity') || ''; check.value = q.get('check') || '';
  so.value = q.get('so') || ''; text.value = q.get('q') || '';
  only.checked = q.get('only') === '1';
  [severity, check, so, only].forEach(function (el) { el.addEventListener('change', save); });
  text.addEventListener('input', save);
  recount();
  apply();
})();
"""


def report(kb: KB, findings: list[Finding], title: str) -> str:
    """The page for `findings` (accepted ones marked with their comment)."""
    groups = _groups(kb)
    anchor = {record_id: group[0] for group in groups for record_id in group}
    by_group: dict[str, list[Finding]] = {}
    for finding in findings:
        by_group.setdefault(anchor.get(finding.id, finding.id), []).append(finding)
    parts = ["<!doctype html>", f'<html lang="{_e(kb.reference)}">', "<head>",
             '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{_e(title)}</title>", f"<style>{STYLE}</style>", "</head>",
             f'<body data-review="{_review_key(title, findings)}">',
             _header(kb, findings, title), '<div class="layout">',
             _panel(kb, findings, anchor), "<main>", _columns(kb)]
    for group in groups:
        own = by_group.get(group[0], [])
        if all(kb.type_of(i) == "target_group" for i in group) and not own:
            continue  # shown inside the record that names them
        parts.append(_section(kb, group, own))
    parts += ["</main>", "</div>", f"<script>{SCRIPT}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _header(kb: KB, findings: list[Finding], title: str) -> str:
    objectives = [(kb.objective_number(i), i, next(iter(kb.get(i).values()))["text"])
                  for i in kb.of_type("strategic_objective")]
    checks = sorted({f.check for f in findings})
    options = "".join(f'<option value="{s.name}">{s.name}</option>' for s in SEVERITIES)
    return "\n".join([
        "<header>", f"<h1>{_e(title)}</h1>", '<form id="filters" role="search">',
        f'<label>Severity <select id="severity"><option value="">all</option>{options}'
        "</select></label>",
        '<label>Check <select id="check"><option value="">all</option>'
        + "".join(f'<option value="{_e(c)}">{_e(c)}</option>' for c in checks)
        + "</select></label>",
        '<label>Strategic objective <select id="so"><option value="">all</option>'
        + "".join(f'<option value="{n}">{_e(i)} — {_e(t[:50])}</option>'
                  for n, i, t in objectives) + "</select></label>",
        '<label>Search <input type="search" id="q" placeholder="words, ids"></label>',
        '<label><input type="checkbox" id="only"> only records with findings</label>',
        '<span id="count"></span>',
        '<button type="button" id="save" disabled>Save decisions (YAML)</button>',
        '<span id="decision-count">0 decision(s)</span>', "</form>", "</header>"])


def _panel(kb: KB, findings: list[Finding], anchor: dict[str, str]) -> str:
    """The findings, counted by severity and check, each linked to its record."""
    open_ = [f for f in findings if not f.accepted]
    by_severity = {s.name: sum(f.severity is s for f in open_) for s in SEVERITIES}
    by_check: dict[str, int] = {}
    for finding in open_:
        by_check[finding.check] = by_check.get(finding.check, 0) + 1
    accepted = len(findings) - len(open_)
    items = []
    order = {record_id: n for n, record_id in enumerate(kb.ids)}
    ranked = sorted(findings, key=lambda f: (f.accepted, -f.severity.rank,
                                             order.get(f.id, len(order))))
    for finding in ranked:
        target = anchor.get(finding.id, finding.id)
        comment = (f'<div class="comment">accepted: {_e(_comment(finding))}</div>'
                   if finding.accepted else '<div class="comment"></div>')
        items.append(
            f'<li {_finding_attributes(kb, finding)}>'
            f'<b class="sev-{finding.severity.name}">{finding.severity.name}</b> '
            f'<a href="#{_e(target)}">{_e(finding.id)}</a> {_e(finding.check)}: '
            f'{_e(finding.message)}{comment}</li>')
    return "\n".join([
        '<aside aria-label="findings">', f'<h2 id="todo">{len(open_)} findings to review'
        + (f", {accepted} accepted" if accepted else "") + "</h2>",
        '<div class="counts">'
        + "".join(f'<span><b class="sev-{s}">{s}</b> <span data-count-severity="{s}">{n}</span>'
                  "</span>" for s, n in by_severity.items())
        + "</div>",
        '<div class="counts">'
        + "".join(f'<span>{_e(c)} <span data-count-check="{_e(c)}">{n}</span></span>'
                  for c, n in sorted(by_check.items())) + "</div>",
        '<ol class="panel">', *items, "</ol>",
        '<h2>Decisions</h2><pre id="decisions">decisions: []\n</pre>', "</aside>"])


def _columns(kb: KB) -> str:
    from drugstrat.languages import language

    return ('<div class="columns">'
            + "".join(f'<div lang="{_e(code)}">{_e(code.upper())} — {_e(language(code).name)}'
                      "</div>" for code in kb.langs[:2]) + "</div>")


def _finding_attributes(kb: KB, finding: Finding) -> str:
    classes = f"sev-{finding.severity.name}" + (" accepted" if finding.accepted else "")
    so = kb.objective_number(finding.id) or ""
    return (f'class="{classes}" data-finding="{_e(finding.finding_id)}" '
            f'data-pair="{_e(finding.pair)}" data-severity="{finding.severity.name}" '
            f'data-check="{_e(finding.check)}" data-so="{so}"')


def _groups(kb: KB) -> list[list[str]]:
    """Ids shown together, in document order: a record with those a translator merged into
    its counterpart (`merges`) or split from it (`continues`)."""
    parent = {record_id: record_id for record_id in kb.ids}

    def root(record_id: str) -> str:
        while parent[record_id] != record_id:
            parent[record_id] = parent[parent[record_id]]
            record_id = parent[record_id]
        return record_id

    def join(a: str, b: str) -> None:
        if a in parent and b in parent:
            first, second = sorted((root(a), root(b)), key=kb.position)
            parent[second] = first

    for record in kb.records():
        for other in record.get("merges", ()):
            join(record["id"], other)
        if continued := record.get("continues"):
            join(record["id"], continued)
    members: dict[str, list[str]] = {}
    for record_id in kb.ids:
        members.setdefault(root(record_id), []).append(record_id)
    return sorted(members.values(), key=lambda group: kb.position(group[0]))


def _section(kb: KB, group: list[str], findings: list[Finding]) -> str:
    first = group[0]
    rtype = kb.type_of(first) or ""
    so = kb.objective_number(first)
    classes = "record has-findings" if findings else "record"
    anchors = "".join(f'<a id="{_e(i)}"></a>' for i in group[1:])
    title = " + ".join(_e(i) for i in group)
    out = [f'<section class="{classes}" id="{_e(first)}" data-so="{so or ""}" '
           f'data-type="{_e(rtype)}">{anchors}',
           f'<h3><a href="#{_e(first)}">{title}</a><span class="type">{_e(rtype)}</span></h3>',
           '<div class="pair">']
    for lang in kb.langs[:2]:
        versions = [(i, kb.get(i).get(lang)) for i in group]
        present = [(i, r) for i, r in versions if r is not None]
        if not present:
            out.append(f'<div class="text" lang="{_e(lang)}" data-missing>no {_e(lang)} '
                       "version</div>")
            continue
        paragraphs = []
        for record_id, record in present:
            spans = [(s, e, f) for f in findings if f.id == record_id or len(present) == 1
                     for s, e in f.spans.get(lang, ())]
            line = f'<span class="line">{record["line"]}</span>' if record.get("line") else ""
            label = f'<span class="id">{_e(record_id)}</span>' if len(group) > 1 else ""
            paragraphs.append(f"<p>{line}{label}{_rendered(record, spans)}</p>")
        out.append(f'<div class="text" lang="{_e(lang)}">{"".join(paragraphs)}</div>')
    out.append("</div>")
    if findings:
        out.append('<ul class="findings">')
        for finding in findings:
            out.append(_finding_item(kb, finding))
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _finding_item(kb: KB, finding: Finding) -> str:
    evidence = "<br>".join(f"{_e(lang)}: {_e(finding.evidence.get(lang, ''))}"
                           for lang in finding.langs)
    comment = f"accepted: {_e(_comment(finding))}" if finding.accepted else ""
    form = "" if finding.accepted else (
        f'<form class="accept" data-finding="{_e(finding.finding_id)}">'
        '<textarea rows="1" placeholder="why it is fine, or what to fix (required)" required>'
        '</textarea><button type="submit" value="accept">Accept</button> '
        '<button type="submit" value="needs-fix">Needs fix</button></form>')
    return (f'<li {_finding_attributes(kb, finding)}>'
            f'<b class="sev-{finding.severity.name}">{finding.severity.name}</b> '
            f'{_e(finding.check)}: {_e(finding.message)} <code>{_e(finding.finding_id)}'
            f'</code><br><span class="evidence">{evidence}</span>'
            f'<div class="comment">{comment}</div>{form}</li>')


def _rendered(record: Record, marks: list[tuple[int, int, Finding]]) -> str:
    """The text escaped, its bold and italics as <strong>/<em>, the findings' words in
    <mark>s (titled by their messages, coloured by the most severe) — every boundary a cut, so
    the tags always nest."""
    text = record["text"]
    spans: list[tuple[int, int, str, Finding | None]] = [
        (max(0, s), min(len(text), e), "mark", f) for s, e, f in marks if e > s]
    spans += [(span["start"], span["end"], span["kind"], None)
              for span in record.get("emphasis", ()) if span["end"] > span["start"]]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = _e(text[start:end])
        active = [(kind, f) for s, e, kind, f in spans if s <= start and end <= e]
        if any(kind == "italic" for kind, _ in active):
            piece = f"<em>{piece}</em>"
        if any(kind == "bold" for kind, _ in active):
            piece = f"<strong>{piece}</strong>"
        found = [f for kind, f in active if kind == "mark" and f is not None]
        if found:
            worst = max(found, key=lambda f: f.severity)
            muted = " accepted" if all(f.accepted for f in found) else ""
            tip = " | ".join(dict.fromkeys(f"{f.check}: {f.message}" for f in found))
            piece = (f'<mark class="sev-{worst.severity.name}{muted}" title="{_e(tip)}">'
                     f"{piece}</mark>")
        out.append(piece)
    return "".join(out)


def _review_key(title: str, findings: list[Finding]) -> str:
    """What names this review among the pages a browser has kept decisions for: the document
    and its findings (a page of other findings starts afresh)."""
    import hashlib

    digest = hashlib.sha1(title.encode("utf-8"))
    for finding in findings:
        digest.update(f"\0{finding.pair}:{finding.finding_id}".encode())
    return digest.hexdigest()[:16]


def _comment(finding: Finding) -> str:
    return finding.acceptance.comment if finding.acceptance else ""


def _e(value: object) -> str:
    """Escaped for HTML text and attributes; control characters shown, never passed on."""
    return html.escape(visible(str(value)), quote=True)

