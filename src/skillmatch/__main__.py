"""The ``skillmatch`` command line (also ``python -m skillmatch``).

    skillmatch score RESUME POSTING [--json]
    skillmatch rank POSTING RESUME...|DIR [--top K] [--json | --csv] [--workers N]
    skillmatch extract FILE [--kind posting] [--json]
    skillmatch market RESUME
    skillmatch demand POSTINGS... [--fill FOLDER|FILE.csv]
    skillmatch taxonomy import onet|esco|devicon SOURCE_FOLDER [--names SIMPLE_ICONS] [-o OUT.json]
                                                                 [--report FILE]
    skillmatch taxonomy show|validate [FILE]

``--taxonomy FILE`` works with every command; ``-`` reads one document from standard input
(at most ``Limits.max_bytes``). ``rank`` expands folders and glob patterns itself.
Exit codes: 0 ok; 1 an input failed (the others are still reported, and stderr says which);
2 usage error (a bad option, a file that does not exist or is not a regular file); 130 Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ._errors import Messages, ParameterError, SkillmatchError
from .taxonomy import load_taxonomy

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _UsageError(Exception):
    """A command line that cannot run as given: exit code 2, like argparse's own errors."""


def _count(minimum: int) -> Any:
    """An argparse type: an int >= ``minimum``."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = minimum - 1
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be a whole number >= {minimum}, got {value!r}")
        return number
    return parse


def _existing_file(value: str) -> Path:
    """A path the user named: it must exist and be a regular file (a FIFO would block)."""
    path = Path(value)
    if not path.exists():
        raise _UsageError(Messages.C001.format(source=value))
    if path.is_dir():
        raise _UsageError(Messages.R023.format(source=value))
    if not path.is_file():
        raise _UsageError(Messages.R024.format(source=value))
    return path


def _cmd_taxonomy(args: argparse.Namespace) -> int:
    tax = load_taxonomy(args.file or args.taxonomy)
    if args.action == "validate":
        print(f"{tax.source}: OK, {len(tax)} skills (taxonomy {tax.id} {tax.version})")
        return EXIT_OK
    skills = sorted(tax, key=lambda s: (-s.demand, s.id))
    if args.top:
        skills = skills[: args.top]
    print(f"{tax.name} ({tax.id} {tax.version}): {len(tax)} skills")
    print(f"{'skill':<32} {'category':<14} {'demand':>7}  source")
    for skill in skills:
        print(f"{skill.name[:32]:<32} {skill.category:<14} {skill.demand:>7.3f}  "
              f"{skill.demand_source[:70]}")
    return EXIT_OK


def _matcher(args: argparse.Namespace) -> Any:
    from ._api import Matcher
    from .taxonomy import available_taxonomies

    name = args.taxonomy
    if name is not None and name not in available_taxonomies() and not Path(name).exists():
        # a name that names nothing is a bad option (exit 2), not a failed input
        raise _UsageError(f"--taxonomy {name!r}: no such taxonomy. Pass a path to a .toml or "
                          f".json file or a taxonomy folder, or one of the bundled names: "
                          f"{', '.join(available_taxonomies())}.")
    return Matcher(taxonomy=name)


def _one_stdin(*values: str) -> None:
    """Standard input can feed one document: refuse `score - -` before reading anything."""
    if values.count("-") > 1:
        raise _UsageError(Messages.C002)


def _source(value: str, args: argparse.Namespace) -> Any:
    """A path, or '-' for standard input (bytes, so PDFs can be piped too; read only up to
    the size limit, so an endless pipe fails cleanly)."""
    if value == "-":
        from ._documents import read

        return read(sys.stdin.buffer, name="<stdin>")
    return _existing_file(value)


def _cmd_extract(args: argparse.Namespace) -> int:
    ex = _matcher(args).extract(_source(args.file, args), kind=args.kind, trace=args.trace)
    if args.json:
        payload = {
            "source": ex.document.source, "kind": ex.kind, "taxonomy": ex.taxonomy,
            "skills": {sid: {"count": ev.count, "level": ev.level, "years": ev.years}
                       for sid, ev in ex.skills.items()},
            "mentions": [{"skill": m.skill, "text": m.text, "start": m.start, "end": m.end,
                          "section": m.section, "negated": m.negated, "level": m.level,
                          "years": m.years, "method": m.method, "rule": m.rule,
                          "group": m.group}
                         for m in ex.mentions],
            "families": [{"skill": m.skill, "text": m.text, "start": m.start, "end": m.end,
                          "level": m.level} for m in ex.families],
            "rejected": [{"skill": r.skill, "text": r.text, "start": r.start, "end": r.end,
                          "reason": r.reason} for r in ex.rejected],
            "degrees": [{"level": d.level, "fields": list(d.fields), "text": d.text,
                         "requirement": d.requirement, "or_equivalent": d.or_equivalent}
                        for d in ex.degrees],
            "min_years": ex.min_years, "experience_years": ex.experience_years,
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{ex.document.source}: {len(ex.skills)} skills ({ex.kind})")
    for sid, ev in ex.skills.items():
        extra = " ".join(x for x in (ev.level or "", f"{ev.years:g}y" if ev.years else "") if x)
        print(f"  {sid:<28} x{ev.count:<3} {extra}")
    for m in ex.negated:
        print(f"  (negated) {m.skill}: {m.text!r} at {m.start}")
    families = sorted({m.skill for m in ex.families})
    if families:
        print(f"  broad families named (context, not skills): {', '.join(families)}")
    for r in ex.rejected:
        print(f"  (not counted) {r.skill}: {r.text!r} at {r.start}: {r.reason}")
    for d in ex.degrees:
        print(f"  degree: {d.level} {', '.join(d.fields)}".rstrip())
    if ex.min_years is not None:
        print(f"  minimum experience asked: {ex.min_years:g} years")
    if ex.experience_years is not None:
        print(f"  experience shown: {ex.experience_years:g} years")
    return EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    _one_stdin(args.resume, args.posting)
    resume, posting = _source(args.resume, args), _source(args.posting, args)
    result = _matcher(args).score(resume, posting)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(result.explain())
    return EXIT_OK


def _cmd_market(args: argparse.Namespace) -> int:
    fit = _matcher(args).market_fit(_source(args.resume, args), top=args.top)
    if args.json:
        print(json.dumps(fit.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(fit.explain())
    return EXIT_OK


def _cmd_rank(args: argparse.Namespace) -> int:
    import csv

    _one_stdin(args.posting, *args.resumes)
    posting = _source(args.posting, args)
    resumes = _resume_args(args)
    matrix = _matcher(args).score_many(resumes, [posting], workers=args.workers,
                                       progress=args.progress)
    bad_posting = [e for e in matrix.errors if e.kind == "posting"]
    if bad_posting:  # nothing can be ranked against it
        print(f"skillmatch: error: {bad_posting[0].message}", file=sys.stderr)
        return EXIT_FAILED
    ranked = matrix.top(0, args.top)
    if args.json:
        payload = {"posting": matrix.postings[0],
                   "results": [matrix.result(i, 0).to_dict() for i, _, _ in ranked],
                   "errors": [{"source": e.source, "error": e.error, "message": e.message}
                              for e in matrix.errors]}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    elif args.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["rank", "resume", "score", "missing_required"])
        for n, (i, source, value) in enumerate(ranked, start=1):
            result = matrix.result(i, 0)
            missing = "; ".join(m.requirement.name for m in result.missing
                                if m.requirement.level == "required")
            writer.writerow([n, source, f"{value:.2f}", missing])
    else:
        print(f"{'rank':>4}  {'score':>6}  resume")
        for n, (i, source, value) in enumerate(ranked, start=1):
            print(f"{n:>4}  {value:>6.1f}  {source}")
    for error in matrix.errors:
        message = error.message if error.message.startswith(error.source) else (
            f"{error.source}: {error.message}")
        print(f"skillmatch: {message}", file=sys.stderr)
    return EXIT_FAILED if matrix.errors else EXIT_OK


def _resume_args(args: argparse.Namespace) -> list[Any]:
    """Each argument: '-', a file, or a folder or glob pattern expanded to its documents."""
    from ._errors import DocumentNotFoundError
    from ._inputs import files

    out: list[Any] = []
    for value in args.resumes:
        if value == "-" or Path(value).is_file():
            out.append(_source(value, args))
            continue
        if Path(value).exists() and not Path(value).is_dir():
            _existing_file(value)  # a FIFO or device: refused
        try:
            out.extend(files(value))
        except DocumentNotFoundError as exc:
            raise _UsageError(str(exc)) from None
    return out


def _cmd_demand(args: argparse.Namespace) -> int:
    from ._demand import iter_postings, measure_demand, write_demand_csv

    for value in args.postings:
        if not Path(value).is_dir():
            _existing_file(value)
    matcher = _matcher(args)
    label = ", ".join(Path(p).name for p in args.postings)
    report = measure_demand(iter_postings(args.postings, column=args.column), matcher=matcher,
                            source=label)
    tax = matcher.taxonomy_
    print(f"{report.n} unique postings ({label})")
    print(f"{'skill':<34} {'share':>6} {'count':>6}  {'taxonomy demand':>15}")
    for skill_id, share in report.most_common(args.top or None):
        skill = tax[skill_id]
        print(f"{skill.name[:34]:<34} {share:>6.3f} {report.counts[skill_id]:>6}  {skill.demand:>15.3f}")
    if args.fill:
        target = Path(args.fill)
        ids = _unmeasured_ids(target) if target.is_dir() else [s.id for s in tax]
        n = write_demand_csv(target, report, ids)
        print(f"wrote the measured demand of {n} skills to "
              f"{target / 'demand.csv' if target.is_dir() else target}")
    return EXIT_OK


def _unmeasured_ids(folder: Path) -> list[str]:
    """The skills of a taxonomy folder whose own file gives no demand (an article's figure)."""
    import tomllib

    ids = []
    for part in sorted(folder.glob("*.toml")):
        skills = tomllib.loads(part.read_text(encoding="utf-8")).get("skill", {})
        if isinstance(skills, dict):
            ids += [sid for sid, fields in skills.items() if "demand" not in fields]
    return ids


def _cmd_import(args: argparse.Namespace) -> int:
    from .taxonomy import import_devicon, import_esco, import_onet

    if args.source == "devicon":
        if not args.names:
            raise ParameterError(Messages.P001.format(
                name="--names", caller="taxonomy import devicon",
                expected="simple-icons' npm package folder", value=None))
        layer, report = import_devicon(args.folder, names=args.names)
    else:
        layer, report = (import_onet if args.source == "onet" else import_esco)(args.folder)
    out = Path(args.output or f"{args.source}-tech.json")
    out.write_text(layer, encoding="utf-8")
    report_path = Path(args.report) if args.report else out.with_suffix(".report.txt")
    report_path.write_text(report, encoding="utf-8")
    print(f"wrote {out} ({report.splitlines()[0] if report else ''}); review {report_path}")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skillmatch", description="Match resumes to job postings, with evidence."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--taxonomy", metavar="FILE", default=None,
                        help="a taxonomy file, folder or bundled name (default: default, the "
                             "curated core over O*NET and ESCO; ml-engineer: the core alone)")
    sub = parser.add_subparsers(dest="command", required=True)
    tax = sub.add_parser("taxonomy", help="show, validate or import a taxonomy")
    tax_sub = tax.add_subparsers(dest="action", required=True)
    for action in ("show", "validate"):
        cmd = tax_sub.add_parser(action, help=f"{action} a taxonomy")
        cmd.add_argument("file", nargs="?",
                         help="a taxonomy file or folder (default: --taxonomy or the default)")
        cmd.add_argument("--top", type=_count(0), default=0,
                         help="show only the K most demanded skills")
        cmd.set_defaults(run=_cmd_taxonomy)
    imp = tax_sub.add_parser("import", help="turn a public taxonomy into a layer (JSON)")
    imp.add_argument("source", choices=("onet", "esco", "devicon"),
                     help="onet: an O*NET 29.2 folder (Technology Skills.txt); esco: an ESCO "
                          "1.1.1 folder (esco_v_1_1_1_data_formatted.csv); devicon: devicon's "
                          "npm package (devicon.json), with --names")
    imp.add_argument("folder", help="the folder holding the source files")
    imp.add_argument("--names", help="devicon only: simple-icons' npm package "
                                     "(data/simple-icons.json), whose names the skills take")
    imp.add_argument("-o", "--output", help="the layer to write (default: <source>-tech.json "
                                            "here)")
    imp.add_argument("--report", help="the merge and conflict report (default: beside -o)")
    imp.set_defaults(run=_cmd_import)
    extract = sub.add_parser("extract", help="list the skills a resume or posting names")
    extract.add_argument("file", help="a PDF, DOCX, HTML or text file, or - for stdin")
    extract.add_argument("--kind", choices=("resume", "posting"), default="resume")
    extract.add_argument("--json", action="store_true", help="print JSON")
    extract.add_argument("--trace", action="store_true",
                         help="also list the names not counted, and why")
    extract.set_defaults(run=_cmd_extract)
    score = sub.add_parser("score", help="score a resume against a posting, with evidence")
    score.add_argument("resume", help="resume file, or - for stdin")
    score.add_argument("posting", help="posting file, or - for stdin")
    score.add_argument("--json", action="store_true", help="print ScoreResult.to_dict() as JSON")
    score.set_defaults(run=_cmd_score)
    rank = sub.add_parser("rank", help="rank resumes against a posting")
    rank.add_argument("posting", help="posting file, or - for stdin")
    rank.add_argument("resumes", nargs="+", help="resume files, folders or globs")
    rank.add_argument("--top", type=_count(1), default=None,
                      help="show the best K only (default: all)")
    output = rank.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="results as to_dict() JSON")
    output.add_argument("--csv", action="store_true", help="CSV: rank, resume, score, missing_required")
    rank.add_argument("--workers", type=_count(1), default=1,
                      help="processes for reading resumes (a crash or a stuck file costs one "
                           "resume, not the run)")
    rank.add_argument("--progress", action="store_true", help="show a progress bar")
    rank.set_defaults(run=_cmd_rank)
    market = sub.add_parser(
        "market", help="fit of a resume to the market, and skills to learn next",
        description="How well a resume covers the skills the taxonomy's market asks most (its "
                    "demand weights: by default, shares of 2022-2024 ML/AI job postings), and "
                    "which skills would add most. For another field, pass a taxonomy whose "
                    "demand was measured on its postings (skillmatch demand --fill).")
    market.add_argument("resume", help="the resume: a path, or - for standard input")
    market.add_argument("--top", type=_count(1), default=10,
                        help="skills to learn to list (default: 10)")
    market.add_argument("--json", action="store_true",
                        help="the result as JSON (score, covered, to_learn, profile_size, taxonomy)")
    market.set_defaults(run=_cmd_market)
    demand = sub.add_parser("demand", help="measure each skill's share of a corpus of postings")
    demand.add_argument("postings", nargs="+", help="CSV files (one posting a row), text files, folders")
    demand.add_argument("--column", default="description", help="the CSV column with the text")
    demand.add_argument("--top", type=_count(0), default=40, help="rows to print (0: all)")
    demand.add_argument("--fill", metavar="FOLDER|CSV",
                        help="write the measured demand as data: to a taxonomy folder's "
                             "demand.csv (for its skills whose file gives no figure of its own), "
                             "or to a CSV file (every skill)")
    demand.set_defaults(run=_cmd_demand)
    # --taxonomy works after the command too ("skillmatch score a b --taxonomy ml-engineer")
    for command in (*sub.choices.values(), *tax_sub.choices.values()):
        if command is not tax:
            command.add_argument("--taxonomy", metavar="FILE", default=argparse.SUPPRESS,
                                 help=argparse.SUPPRESS)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = _parser().parse_args(argv)
        return int(args.run(args))
    except KeyboardInterrupt:  # Ctrl-C: stop quietly (workers are stopped by the batch)
        return EXIT_INTERRUPTED
    except (_UsageError, ParameterError) as exc:
        print(f"skillmatch: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SkillmatchError as exc:
        print(f"skillmatch: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # `skillmatch ... | head`
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:  # a file vanished or became unreadable while we ran
        print(f"skillmatch: error: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
