"""``officialspeech rule CODE``: explain a rule of ``check`` (as ``ruff rule`` does)."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "rule"
HELP = "Explain a rule of `check`: what it finds, why, a bad and a good example."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``rule``."""
    parser.add_argument("code", nargs="?", metavar="CODE", help="a rule code (X301) or name (placeholder)")
    parser.add_argument("--all", action="store_true", help="every rule")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default: the rule's entry of docs/rules.md) or json")


def run(args: argparse.Namespace) -> int:
    """Print the rule(s); exit 2 when the code names no rule."""
    from ..check.docs import entry, help_uri
    from ..check.registry import rules

    all_rules = rules()
    if args.all == bool(args.code):
        print("officialspeech rule: error: give one CODE, or --all", file=sys.stderr)
        return 2
    if args.all:
        chosen = list(all_rules.values())
    else:
        wanted = args.code.strip()
        found = all_rules.get(wanted.upper()) or next((r for r in all_rules.values() if r.name == wanted), None)
        if found is None:
            print(f"officialspeech rule: error: no rule {wanted!r} (see `officialspeech rule --all`)", file=sys.stderr)
            return 2
        chosen = [found]
    if args.format == "json":
        data = [{"code": r.code, "name": r.name, "family": r.family, "severity": r.severity, "fixable": r.fixable,
                 "summary": r.summary, "explanation": r.explanation, "bad": r.bad, "good": r.good,
                 "help_uri": help_uri(r)} for r in chosen]
        sys.stdout.write(json.dumps(data if args.all else data[0], ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(entry(r) + f"\n{help_uri(r)}\n" for r in chosen))
    return 0
