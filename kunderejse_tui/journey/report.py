"""``kunderejse report``: what a journey rests on, as plain text or Markdown, da/en.

Three parts: the coverage (per stage the answers backing it and which touchpoints
are observed or only assumed, then a list of everything assumed), the answers per
question side by side, and the tag overview.

The report is a document for others, so interviews without consent are left out
unless asked for, and a line says how many. Markdown follows the export's rules
(``export.escape`` for every piece of user text, compact tables, one blank line
between blocks), so it renders on GitHub as typed and passes markdownlint with
the project's .markdownlint-cli2.jsonc. Text output goes to terminals: user text
passes through the same clean-up, which drops control characters (escape
sequences included).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text
from kunderejse_tui.journey.evidence import (
    Coverage,
    QuestionSynthesis,
    Quote,
    StageCoverage,
    TagCount,
    TouchpointCoverage,
    coverage,
    synthesis,
    tag_overview,
)
from kunderejse_tui.journey.export import labels as export_labels
from kunderejse_tui.journey.export.escape import (
    lines_of,
    md_heading,
    md_inline,
    md_table,
    one_line,
)
from kunderejse_tui.journey.export.select import persona_names
from kunderejse_tui.journey.i18n import catalog

REPORT_FORMATS = ("text", "markdown")


def label(key: str, lang: str, **fields: Any) -> str:
    """The report's word ``key`` (``report.<key>`` in the catalog), filled in."""
    return catalog.t(lang, f"report.{key}", **fields)


def _count(kind: str, n: int, lang: str) -> str:
    return label(f"n_{kind}", lang, n=n)


# ---------------------------------------------------------------------------
# What the report says, before it is formatted


@dataclass(frozen=True)
class _Report:
    lang: str
    title: str
    coverage: Coverage
    synthesis: list[QuestionSynthesis]
    tags: list[TagCount]
    tag_interviews: dict[int, str]  # interview index -> how the tag overview names it
    personas: dict[str, str]
    include_unconsented: bool
    anonymise: bool

    @property
    def notes(self) -> list[str]:
        """The opening lines: what the report is based on and what it leaves out."""
        cov, lang = self.coverage, self.lang
        out = [
            label(
                "based_on",
                lang,
                interviews=_count("interviews", cov.interviews, lang),
                answers=_count("answers", cov.answers, lang),
            )
        ]
        if cov.left_out:
            out.append(export_labels.label("left_out", lang, n=cov.left_out))
        if cov.unconsented:
            out.append(_count("included", cov.unconsented, lang))
        if self.anonymise:
            out.append(label("anonymised", lang))
        return out

    def stage_name(self, s: StageCoverage) -> str:
        return one_line(s.name) or f"{label('stage', self.lang)} {s.index + 1}"

    def stage_title(self, s: StageCoverage) -> str:
        return f"{s.index + 1}. {self.stage_name(s)}"

    def md_stage_title(self, s: StageCoverage) -> str:
        # The number is ours: escaped, "1." at the start would read "1\." in the source.
        return f"{s.index + 1}. {md_inline(self.stage_name(s))}"

    def who(self, q: Quote) -> str:
        who = one_line(q.who)
        if not q.consent:
            no = export_labels.label("no_consent", self.lang)
            who = f"{who} ({no})" if who else no
        return who

    def persona(self, q: Quote) -> str:
        return one_line(self.personas.get(q.persona, q.persona))

    def question(self, qs: QuestionSynthesis) -> str:
        return one_line(qs.question) or label("no_question", self.lang)


def _build(journey: Any, lang: str | None, include_unconsented: bool, anonymise: bool) -> _Report:
    data = as_dict(journey)
    lang = lang if lang in ("da", "en") else access.language(data)
    synth = synthesis(data, lang, include_unconsented=include_unconsented, anonymise=anonymise)
    tags = tag_overview(data, include_unconsented=include_unconsented)
    tag_interviews: dict[int, str] = {}
    for tc in tags:
        for i, ident in zip(tc.interview_indices, tc.interviews, strict=True):
            tag_interviews[i] = ident
    if anonymise:
        # Interview ids often hold the respondent's name, so the tag overview names
        # interviews by the same stand-ins as the answers. Every tagged answer is in
        # the synthesis, so every interview has one.
        stand_ins = {q.interview_index: q.respondent for qs in synth for q in qs.answers}
        tag_interviews = {i: stand_ins.get(i, "?") for i in tag_interviews}
    return _Report(
        lang=lang,
        title=one_line(text(data.get("title"))) or label("untitled", lang),
        coverage=coverage(data, include_unconsented=include_unconsented),
        synthesis=synth,
        tags=tags,
        tag_interviews=tag_interviews,
        personas=persona_names(data),
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )


def _tag_names(r: _Report, tc: TagCount) -> list[str]:
    names: list[str] = []
    for i in tc.interview_indices:
        name = one_line(r.tag_interviews.get(i, ""))
        if name and name not in names:
            names.append(name)
    return names


def _coverage_summary(r: _Report) -> str:
    cov = r.coverage
    return label(
        "coverage_summary",
        r.lang,
        stages=sum(s.observed for s in cov.stages),
        n_stages=len(cov.stages),
        tps=sum(t.observed for t in cov.touchpoints),
        n_tps=len(cov.touchpoints),
    )


def _tp_name(t: TouchpointCoverage) -> str:
    return one_line(t.name) or "?"


def _has_answers(r: _Report) -> bool:
    return any(qs.answers for qs in r.synthesis)


# ---------------------------------------------------------------------------
# Markdown


def report_markdown(
    journey: Any,
    *,
    lang: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
) -> str:
    r = _build(journey, lang, include_unconsented, anonymise)
    lang = r.lang
    blocks: list[str] = []

    def md(s: str) -> str:
        return md_inline(s)

    blocks.append("# " + md_heading(f"{label('title', lang)}: {r.title}"))
    blocks.append("\n".join(md(n) for n in r.notes))

    cov = r.coverage
    blocks.append("## " + md_heading(label("coverage", lang)))
    if not cov.stages:
        blocks.append(md(label("no_stages", lang)))
    else:
        paragraph = [md(_coverage_summary(r))]
        if cov.unlinked:
            paragraph.append(md(_count("unlinked", len(cov.unlinked), lang)))
        if cov.unknown:
            ids = ", ".join(dict.fromkeys(one_line(ref) for _, ref in cov.unknown))
            paragraph.append(md(label("unknown", lang, ids=ids)))
        blocks.append("\n".join(paragraph))
        header = [
            md(label(k, lang))
            for k in ("stage", "status", "answers", "observed_touchpoints", "assumed_touchpoints")
        ]
        rows = [
            [
                r.md_stage_title(s),
                md(label("observed" if s.observed else "assumed", lang)),
                str(s.count),
                "<br>".join(f"{md(_tp_name(t))} ({t.count})" for t in s.observed_touchpoints),
                "<br>".join(md(_tp_name(t)) for t in s.assumed_touchpoints),
            ]
            for s in cov.stages
        ]
        blocks.append(md_table(header, rows))
        blocks.append("### " + md_heading(label("assumed_heading", lang)))
        items = _assumed_items(r, markdown=True)
        if items:
            blocks.append(md(label("assumed_intro", lang)))
            blocks.append("\n".join(f"- **{md(kind)}:** {what}" for kind, what in items))
        else:
            blocks.append(md(label("nothing_assumed", lang)))

    blocks.append("## " + md_heading(label("synthesis", lang)))
    if not _has_answers(r):
        blocks.append(md(label("no_answers_at_all", lang)))
    else:
        header = [md(label(k, lang)) for k in ("answer", "who", "date", "persona", "tags")]
        for n, qs in enumerate(r.synthesis, start=1):
            # Numbered, so two questions never give sibling headings alike (MD024).
            blocks.append(f"### {n}. {md_heading(r.question(qs))}")
            if not qs.answers:
                blocks.append(md(label("no_answers", lang)))
                continue
            rows = [
                [
                    md(q.text),
                    md(r.who(q)),
                    md(one_line(q.date)),
                    md(r.persona(q)),
                    ", ".join(md(one_line(t)) for t in q.tags),
                ]
                for q in qs.answers
            ]
            blocks.append(md_table(header, rows))

    blocks.append("## " + md_heading(label("tags", lang)))
    if not r.tags:
        blocks.append(md(label("no_tags", lang)))
    else:
        # Anonymised, the last column names stand-ins for people, not interview ids.
        last = "who" if r.anonymise else "interviews"
        header = [md(label(k, lang)) for k in ("tag", "answers", last)]
        rows = [
            [md(one_line(tc.tag)), str(tc.count), ", ".join(md(n) for n in _tag_names(r, tc))]
            for tc in r.tags
        ]
        blocks.append(md_table(header, rows))
    return "\n\n".join(b for b in blocks if b) + "\n"


def _assumed_items(r: _Report, markdown: bool) -> list[tuple[str, str]]:
    """(kind, what) for every stage and touchpoint no answer backs, in journey order;
    ``what`` is escaped for Markdown when asked."""
    items: list[tuple[str, str]] = []
    for s in r.coverage.stages:
        title = r.md_stage_title(s) if markdown else r.stage_title(s)
        if not s.observed:
            items.append((label("stage", r.lang), title))
        for t in s.assumed_touchpoints:
            name = md_inline(_tp_name(t)) if markdown else _tp_name(t)
            items.append((label("touchpoint", r.lang), f"{name} ({title})"))
    return items


# ---------------------------------------------------------------------------
# Plain text


def _underlined(title: str, char: str) -> list[str]:
    return [title, char * len(title)]


def report_text(
    journey: Any,
    *,
    lang: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
) -> str:
    r = _build(journey, lang, include_unconsented, anonymise)
    lang = r.lang
    out: list[str] = []
    out += _underlined(f"{label('title', lang)}: {r.title}", "=")
    out += ["", *r.notes]

    cov = r.coverage
    out += ["", *_underlined(label("coverage", lang), "-"), ""]
    if not cov.stages:
        out.append(label("no_stages", lang))
    else:
        out.append(_coverage_summary(r))
        if cov.unlinked:
            out.append(_count("unlinked", len(cov.unlinked), lang))
        if cov.unknown:
            ids = ", ".join(dict.fromkeys(one_line(ref) for _, ref in cov.unknown))
            out.append(label("unknown", lang, ids=ids))
        out.append("")
        observed, assumed = label("observed", lang), label("assumed", lang)
        width = max(len(observed), len(assumed))
        for s in cov.stages:
            status = observed if s.observed else assumed
            out.append(f"{r.stage_title(s)}: {status} ({_count('answers', s.count, lang)})")
            for t in s.touchpoints:
                if t.observed:
                    out.append(f"   {observed:<{width}}  {_tp_name(t)} ({t.count})")
                else:
                    out.append(f"   {assumed:<{width}}  {_tp_name(t)}")
        out += ["", label("assumed_heading", lang) + ":"]
        items = _assumed_items(r, markdown=False)
        if items:
            out += [f"  {kind}: {what}" for kind, what in items]
        else:
            out.append("  " + label("nothing_assumed", lang))

    out += ["", *_underlined(label("synthesis", lang), "-"), ""]
    if not _has_answers(r):
        out.append(label("no_answers_at_all", lang))
    else:
        for n, qs in enumerate(r.synthesis, start=1):
            out.append(f"{n}. {r.question(qs)}")
            if not qs.answers:
                out.append("   " + label("no_answers", lang))
            for q in qs.answers:
                about = ", ".join(x for x in (r.who(q), one_line(q.date), r.persona(q)) if x)
                tags = ", ".join(one_line(t) for t in q.tags)
                if tags:
                    about += f"; {label('tags', lang).lower()}: {tags}"
                out.append("   " + about)
                out += [f"     {line}" if line else "" for line in lines_of(q.text)]
            out.append("")
        out.pop()

    out += ["", *_underlined(label("tags", lang), "-"), ""]
    if not r.tags:
        out.append(label("no_tags", lang))
    for tc in r.tags:
        names = ", ".join(_tag_names(r, tc))
        out.append(f"{one_line(tc.tag)}: {_count('answers', tc.count, lang)} ({names})")
    return "\n".join(out) + "\n"


def render_report(
    journey: Any,
    to: str = "text",
    *,
    lang: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
) -> str:
    if to not in REPORT_FORMATS:
        raise ValueError(f"unknown report format {to!r} (known: {', '.join(REPORT_FORMATS)})")
    make = report_markdown if to == "markdown" else report_text
    return make(journey, lang=lang, include_unconsented=include_unconsented, anonymise=anonymise)
