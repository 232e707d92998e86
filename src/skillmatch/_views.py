"""What a notebook shows: a result as HTML with its evidence highlighted, and a coverage grid.

Every piece of document text (evidence, labels, skill names from a user's taxonomy) is
HTML-escaped here: documents are hostile input, and a notebook renders what it is given.
Styles are inline (no ``<style>`` block), so the views survive renderers that strip one.

>>> import skillmatch
>>> r = skillmatch.score("Skills: Python, <b>SQL</b>", "Requirements\\n- Python\\n- Kubernetes")
>>> html = result_html(r)
>>> 'class="sm-matched"' in html and 'class="sm-missing"' in html, "<b>SQL" in html
(True, False)
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._errors import Messages, ParameterError

if TYPE_CHECKING:
    import pandas

    from .scoring import RequirementMatch, ScoreResult

STATUS_COLOURS = {"matched": "#c8e6c9", "partial": "#ffecb3", "missing": "#ffcdd2"}
_SNIPPETS = 1  # evidence snippets shown per requirement on each side


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def short(label: str, width: int = 48) -> str:
    """A label cut to ``width`` characters, keeping its end (file names end paths)."""
    return label if len(label) <= width else "…" + label[-(width - 1):]


def _score_text(score: float) -> str:
    """"71.7/100", or "no score" (NaN: the posting asks nothing to compare)."""
    return "no score" if score != score else f"{score:.1f}/100"


def result_repr(r: ScoreResult) -> str:
    """``ScoreResult.__repr__``: one line, whatever the documents' size."""
    from .scoring._results import requirement_counts  # an either/or list counts once

    matched, partial, missing = requirement_counts(r)
    return (f"<ScoreResult {_score_text(r.score)} {short(r.resume)!r} vs {short(r.posting)!r}: "
            f"{matched} matched, {partial} partial, {missing} missing>")


def _status(match: RequirementMatch) -> str:
    return "matched" if match.credit >= 1.0 else "partial" if match.credit > 0 else "missing"


def _highlight(snippet: str, names: Sequence[str | None], status: str) -> str:
    """The snippet escaped, inside a ``<mark>`` of the status's class; the first place it
    names one of ``names`` (case-insensitive, whole words) is also in ``<strong>``."""
    colour = STATUS_COLOURS[status]
    found = None
    for name in names:
        if name:
            found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", snippet, re.IGNORECASE)
            if found:
                break
    if found is None:
        body = _e(snippet)
    else:
        body = (_e(snippet[:found.start()]) + "<strong>" + _e(found.group()) + "</strong>"
                + _e(snippet[found.end():]))
    return (f'<mark class="sm-{status}" style="background:{colour};padding:0 2px">'
            f"{body}</mark>")


def _bar(name: str, score: float, weight: float) -> str:
    width = max(0.0, min(100.0, 100 * score))
    return (f'<tr class="sm-component"><td style="padding:1px 8px 1px 0">{_e(name)}</td>'
            f'<td style="width:160px;padding:1px 0"><div style="background:#eee;width:150px">'
            f'<div class="sm-bar" style="background:#4a90d9;height:10px;width:{width:.1f}%">'
            f'</div></div></td><td style="padding:1px 6px">{100 * score:.0f}%</td>'
            f'<td style="color:#777;padding:1px 0">weight {weight:.2f}</td></tr>')


def result_html(r: ScoreResult) -> str:
    """``ScoreResult._repr_html_``: the score, the components as bars, and both documents'
    evidence side by side: each requirement with the posting's words, and what the resume
    shows for it, marked matched (green), partial (amber) or missing (red)."""
    items = sorted(r.matched + r.partial + r.missing,
                   key=lambda m: (-m.requirement.weight, m.requirement.skill))
    bars = "".join(_bar(name, c.score, c.weight) for name, c in r.components.items())
    posting_rows, resume_rows = [], []
    for m in items:
        status, req = _status(m), m.requirement
        head = (f'<b>{_e(req.name)}</b> <span style="color:#777">{_e(req.level)}, '
                f"weight {req.weight:.2f}</span>")
        asked = " ".join(_highlight(ev.text, (req.name, m.member_name), status)
                         for ev in req.evidence[:_SNIPPETS])
        posting_rows.append(f'<li class="sm-req sm-{status}-item" data-skill="{_e(req.skill)}">'
                            f"{head}<br>{asked}</li>")
        if status == "missing":
            shown = '<span class="sm-none" style="color:#b71c1c">not shown</span>'
        else:
            shown = " ".join(_highlight(ev.text, (m.via_name, m.member_name, req.name), status)
                             for ev in m.resume_evidence[:_SNIPPETS])
        resume_rows.append(f'<li class="sm-req sm-{status}-item" data-skill="{_e(req.skill)}">'
                           f'<b>{_e(req.name)}</b> <span style="color:#777">{_e(m.reason)}'
                           f"</span><br>{shown}</li>")
    legend = " ".join(f'<span style="background:{c};padding:0 4px">{s}</span>'
                      for s, c in STATUS_COLOURS.items())
    column = '<div style="flex:1;min-width:280px"><h4 style="margin:4px 0">{}</h4><ul ' \
             'style="padding-left:18px;margin:0">{}</ul></div>'
    from .scoring._results import requirement_counts  # an either/or list counts once

    matched, partial, missing = requirement_counts(r)
    return (
        '<div class="skillmatch-result" style="font-family:sans-serif;font-size:13px">'
        f'<div><span class="sm-score" style="font-size:22px;font-weight:bold">'
        f'{_score_text(r.score)}</span> &nbsp;'
        f'<span class="sm-resume-label">{_e(short(r.resume))}</span> vs '
        f'<span class="sm-posting-label">{_e(short(r.posting))}</span></div>'
        f'<div style="margin:2px 0 6px 0">{matched} matched, {partial} partial, '
        f"{missing} missing &nbsp; {legend}</div>"
        f'<table class="sm-components" style="border-collapse:collapse">{bars}</table>'
        '<div style="display:flex;gap:16px;flex-wrap:wrap;margin-top:6px">'
        f'{column.format("The posting asks", "".join(posting_rows))}'
        f'{column.format("The resume shows", "".join(resume_rows))}'
        "</div></div>")


# --------------------------------------------------------------------------- coverage


@dataclass(frozen=True)
class Coverage:
    """Requirements x candidates of one posting, with the credit (0..1) each candidate gets
    for each requirement: ``.frame`` is the pandas DataFrame (rows ``(level, requirement)``,
    heaviest first; a column per candidate, best first), and a notebook shows it
    colour-coded (red 0 -> green 1).

    >>> import skillmatch
    >>> ranked = skillmatch.rank("Requirements\\n- Python\\n- SQL",
    ...                          {"ana": "Skills: Python, SQL", "bo": "Skills: Python"})
    >>> ranked.coverage().frame  # doctest: +NORMALIZE_WHITESPACE
    candidate             ana   bo
    level    requirement
    required SQL          1.0  0.0
             Python       1.0  1.0
    """

    posting: str
    requirements: tuple[tuple[str, str, str, float], ...]  # (skill, name, level, weight)
    candidates: tuple[str, ...]
    scores: tuple[float, ...]
    credit: tuple[tuple[float, ...], ...]  # [requirement][candidate]

    @classmethod
    def of(cls, results: Sequence[ScoreResult]) -> Coverage:
        """The grid of results against one posting (``rank()``'s, or a matrix column's)."""
        postings = {r.posting for r in results}
        if len(postings) > 1:
            raise ParameterError(Messages.P001.format(
                name="results", caller="Coverage.of", expected="results of one posting",
                value=sorted(postings)))
        if not results:
            return cls("", (), (), (), ())
        first = results[0]
        items = sorted(first.matched + first.partial + first.missing,
                       key=lambda m: (m.requirement.level != "required", -m.requirement.weight,
                                      m.requirement.skill))
        reqs = tuple((m.requirement.skill, m.requirement.name, m.requirement.level,
                      m.requirement.weight) for m in items)
        by_result = [{m.requirement.skill: m.credit for m in r.matched + r.partial + r.missing}
                     for r in results]
        credit = tuple(tuple(float(got.get(skill, 0.0)) for got in by_result)
                       for skill, _, _, _ in reqs)
        return cls(first.posting, reqs, tuple(r.resume for r in results),
                   tuple(r.score for r in results), credit)

    @property
    def frame(self) -> pandas.DataFrame:
        """The grid as a DataFrame (needs pandas: ``pip install 'skillmatch[pandas]'``)."""
        from ._frames import _pandas

        pd = _pandas("Coverage.frame")
        index = pd.MultiIndex.from_tuples([(level, name) for _, name, level, _ in self.requirements],
                                          names=["level", "requirement"])
        return pd.DataFrame(list(self.credit), index=index,
                            columns=pd.Index(list(self.candidates), name="candidate"),
                            dtype=float)

    def to_frame(self) -> pandas.DataFrame:
        """Same as :attr:`frame`."""
        return self.frame

    def style(self) -> Any:
        """The frame as a pandas Styler, each cell coloured by its credit (labels escaped),
        for ``to_html()`` or ``to_excel()``; needs jinja2, which spaCy already brings."""
        styler = self.frame.style.format("{:.2f}", escape="html")
        styler = styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
        paint = getattr(styler, "map", None) or styler.applymap  # pandas < 2.1: applymap
        return paint(lambda credit: f"background-color: {_cell_colour(float(credit))}")

    def __repr__(self) -> str:
        return (f"<Coverage {len(self.requirements)} requirements x "
                f"{len(self.candidates)} candidates of {short(self.posting)!r}>")

    def _repr_html_(self) -> str:
        return coverage_html(self)


def _cell_colour(credit: float) -> str:
    """Red (0) through amber to green (1)."""
    return f"hsl({120 * max(0.0, min(1.0, credit)):.0f},65%,82%)"


def coverage_html(grid: Coverage) -> str:
    """The grid as an HTML table, each cell coloured by its credit."""
    cell = 'style="padding:2px 6px;border:1px solid #ddd;{}"'
    head = "".join(f'<th class="sm-candidate" {cell.format("")}>{_e(short(c, 24))}<br>'
                   f'<span style="font-weight:normal">{_score_text(s)}</span></th>'
                   for c, s in zip(grid.candidates, grid.scores, strict=True))
    rows = []
    for (skill, name, level, weight), credits in zip(grid.requirements, grid.credit, strict=True):
        cells = "".join(
            f'<td class="sm-cell" data-credit="{c:.6g}" '
            f'{cell.format("background:" + _cell_colour(c) + ";text-align:center")}>'
            f"{c:.2f}</td>" for c in credits)
        rows.append(f'<tr data-skill="{_e(skill)}"><th class="sm-requirement" '
                    f'{cell.format("text-align:left")}>{_e(name)} '
                    f'<span style="color:#777;font-weight:normal">{_e(level)} {weight:.2f}'
                    f"</span></th>{cells}</tr>")
    return (f'<div class="skillmatch-coverage" style="font-family:sans-serif;font-size:13px">'
            f"<div>Coverage of <b>{_e(short(grid.posting))}</b>: credit per requirement</div>"
            f'<table style="border-collapse:collapse"><tr><th {cell.format("")}>requirement</th>'
            f'{head}</tr>{"".join(rows)}</table></div>')


def ranking_html(ranking: Sequence[ScoreResult], errors: Sequence[Any], *,
                 shown: int = 50) -> str:
    """``Ranking._repr_html_``: rank, resume, score, counts and the heaviest gaps of the first
    ``shown`` candidates, then the resumes that could not be scored (``errors``; all text
    escaped)."""
    from .scoring._results import requirement_counts

    cell = 'style="padding:2px 8px;border-bottom:1px solid #eee;text-align:left"'
    head = "".join(f"<th {cell}>{h}</th>" for h in
                   ("rank", "resume", "score", "matched", "partial", "missing", "heaviest gaps"))
    rows = []
    for rank, r in enumerate(ranking[:shown], start=1):
        gaps = ", ".join(m.requirement.name for m in sorted(
            r.missing, key=lambda m: -m.requirement.weight)[:3])
        rows.append("<tr>" + "".join(f"<td {cell}>{_e(v)}</td>" for v in (
            rank, short(r.resume), _score_text(r.score), *requirement_counts(r), gaps)) + "</tr>")
    more = (f'<div style="color:#666">... and {len(ranking) - shown} more '
            "(ranking.to_frame() holds them all)</div>" if len(ranking) > shown else "")
    failed = "".join(f"<li>{_e(short(e.source))}: {_e(e.message)}</li>" for e in errors)
    failed = f"<div>Not scored:<ul>{failed}</ul></div>" if failed else ""
    return ('<div class="skillmatch-ranking" style="font-family:sans-serif;font-size:13px">'
            f"<table style=\"border-collapse:collapse\"><tr>{head}</tr>{''.join(rows)}</table>"
            f"{more}{failed}</div>")
