"""The ``skillmatch`` command line.

Exit codes: 0 ok, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._errors import SkillmatchError
from ._taxonomy import load_taxonomy

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="skillmatch", description="Match resumes to job postings, with evidence."
    )
    parser.add_argument("--taxonomy", metavar="FILE", default=None,
                        help="a taxonomy TOML file or bundled name (default: ml-engineer)")
    sub = parser.add_subparsers(dest="command", required=True)
    tax = sub.add_parser("taxonomy", help="show or validate a taxonomy")
    tax.add_argument("action", choices=("show", "validate"))
    tax.add_argument("file", nargs="?", help="a taxonomy file (default: --taxonomy or the default)")
    tax.add_argument("--top", type=int, default=0, help="show only the K most demanded skills")
    tax.set_defaults(run=_cmd_taxonomy)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SkillmatchError as exc:
        print(f"skillmatch: error: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
