"""Command line: `dossier check | generate | build | serve | new | diff | init | bench`; parses arguments, reports."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import pipeline
from generator.problems import ContentError, DossierError, Problem, UsageError, printable
from generator.site.write import WriteReport

# The commands' own modules are imported in their functions: `dossier generate` with nothing to do
# takes about 0.3 s at 1,000 articles, and importing every command's modules would take 0.2 s more.
STDIN = "-"  # the PATH of `dossier new` that reads standard input (generator.tools.new.STDIN)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 content errors, 2 usage)."""
    parser = make_parser()
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    if getattr(args, "needs_content", True) and not (root / "content").is_dir():
        parser.error(f"no content/ directory in {root}; run from the project directory or pass --root")
    try:
        status: int = args.run(root, args)
        return status
    except ContentError as exc:
        report(exc.problems)
        return 1
    except DossierError as exc:  # the one error base: its exit code says what kind of error it was
        if isinstance(exc, UsageError):
            parser.error(printable(str(exc)))
        print(f"error: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        where = f" {printable(str(exc.filename))}:" if exc.filename else ""
        print(f"error:{where} {exc.strerror or exc}", file=sys.stderr)
        return 1


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subcommand per action."""
    parser = argparse.ArgumentParser(prog="dossier", description="Build the dossier site from content/.")
    parser.add_argument("--root", default=".", help="project directory holding content/ and mkdocs.yml (default: .)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("check", help="validate content/ and report every problem").set_defaults(run=run_check)
    generate = commands.add_parser("generate", help="check, then write the Markdown pages into dossier/")
    generate.add_argument("--output", help="write into this directory instead of dossier/ (e.g. tests/golden)")
    generate.set_defaults(run=run_generate)
    commands.add_parser("build", help="generate, then build site/ with mkdocs build --strict").set_defaults(
        run=run_build
    )
    serve = commands.add_parser("serve", help="preview the site, regenerating when content/ changes")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=run_serve)
    new = commands.add_parser("new", help="add an article: copy its text and write a YAML draft with suggestions")
    new.add_argument("path", metavar="PATH", help="the article's text file, or - to read standard input")
    new.add_argument("--id", help="the article id (default: made from the file name; required with -)")
    new.set_defaults(run=run_new)
    compare = commands.add_parser(
        "diff", help="compare the dossier at a git ref (e.g. origin/main) with the working tree, for reviewers"
    )
    compare.add_argument(
        "base_ref", metavar="BASE_REF", help="the git commit, branch or tag to compare against (e.g. origin/main)"
    )
    compare.add_argument(
        "--format",
        choices=("markdown", "json", "text"),
        default="markdown",
        help="markdown for a job summary, json for scripts, text for a terminal (default: markdown)",
    )
    compare.set_defaults(run=run_diff)
    start = commands.add_parser("init", help="start a new dossier in a new or empty folder DIR")
    start.add_argument("folder", metavar="DIR", help="the folder to write mkdocs.yml, content/ and workflows into")
    start.add_argument("--title", required=True, help='the dossier\'s title, e.g. "Waldbrände in Brandenburg"')
    start.set_defaults(run=run_init, needs_content=False)
    add_bench_parser(commands)
    return parser


def add_bench_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `dossier bench` and its options."""
    bench = commands.add_parser("bench", help="measure build times on synthetic dossiers of N articles")
    bench.add_argument("--articles", type=int, nargs="+", metavar="N", help="sizes (default: 100 1000)")
    bench.add_argument("--generator-only", action="store_true", help="skip the site builds (default N: 10000)")
    bench.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    bench.add_argument(
        "--variants",
        action="store_true",
        help="also build density variants of the generated pages (fewer links, tables as HTML), each right after "
        "today's pages: twelve more MkDocs builds per size",
    )
    bench.add_argument(
        "--hostile",
        action="store_true",
        help="instead, time dossier check on a hostile and on a plain article; fail if it takes 3 times as long",
    )
    bench.add_argument("--hostile-bytes", type=int, metavar="BYTES", help="each article's size (default: 1950000)")
    bench.set_defaults(run=run_bench)


def report(problems: list[Problem], acknowledged: int = 0) -> None:
    """Print every problem, then a count (with the findings acknowledged in the content, if any)."""
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(1 for p in problems if not p.warning)
    warnings = len(problems) - errors
    if problems or acknowledged:
        also = f", {acknowledged} acknowledged" if acknowledged else ""
        print(f"{errors} error(s), {warnings} warning(s){also}", file=sys.stderr)


def run_check(root: Path, args: argparse.Namespace) -> int:
    """Check the content and print a summary."""
    checked = pipeline.check(root)
    report(checked.warnings, len(checked.acknowledged))
    d = checked.dossier
    quotes = sum(len(a.quotes) for a in d.articles.values())
    claims = sum(len(a.claims) for a in d.articles.values())
    print(f"ok: {len(d.articles)} articles, {quotes} quotes and {claims} claims found in their texts")
    return 0


def run_generate(root: Path, args: argparse.Namespace) -> int:
    """Check, then write the pages; print what was written."""
    out_dir = Path(os.path.abspath(args.output)) if args.output else None  # not resolved: a link is refused
    print_generated(*pipeline.generate(root, out_dir))
    return 0


def print_generated(checked: pipeline.Checked | pipeline.Unchanged, written: WriteReport) -> None:
    """Print the warnings of a generate and what it wrote."""
    report(checked.warnings, len(checked.acknowledged) if isinstance(checked, pipeline.Checked) else 0)
    total = written.unchanged + len(written.written)
    print(
        f"generated {total} files: {len(written.written)} written, "
        f"{len(written.removed)} removed, {written.unchanged} unchanged"
    )


def run_build(root: Path, args: argparse.Namespace) -> int:
    """Generate, then build the site with MkDocs."""
    from generator.site import engine

    started = time.perf_counter()
    run_generate(root, argparse.Namespace(output=None))
    engine.build_site(root)
    print(f"built site/ in {time.perf_counter() - started:.1f} s")
    return 0


def run_serve(root: Path, args: argparse.Namespace) -> int:
    """Preview the site; regenerate on content changes, reporting problems without stopping; stop on SIGTERM/SIGINT.

    The generator stays in memory between saves (`pipeline.Session`): a changed article is checked
    and its page written without checking everything again.
    """
    from generator.site import engine

    session = pipeline.Session(root)

    def generate() -> None:
        print_generated(*session.generate())

    def regenerate(early: Callable[[], None]) -> None:
        try:
            print_generated(*session.generate(early))
        except ContentError as exc:
            report(exc.problems)

    engine.serve(root, args.dev_addr, generate, regenerate)
    return 0


def run_new(root: Path, args: argparse.Namespace) -> int:
    """Add an article from a text file or standard input; print what to do next."""
    from generator.tools.new import create_article

    data = sys.stdin.buffer.read() if args.path == STDIN else Path(args.path).read_bytes()
    txt, yml = create_article(root, data, args.path, args.id)
    print(f"wrote {txt.relative_to(root)} and {yml.relative_to(root)}")
    print("next: confirm or delete the suggestions in the YAML, then run `dossier check` until it passes")
    return 0


def run_diff(root: Path, args: argparse.Namespace) -> int:
    """Print what changed since BASE_REF; fail when the working tree's content has errors."""
    from generator.tools import diff

    report = diff.diff_against(root, args.base_ref)
    formats = {"json": diff.render_json, "text": diff.render_text, "markdown": diff.render_markdown}
    print(formats[args.format](report), end="")
    return 1 if report.errors else 0


def run_init(root: Path, args: argparse.Namespace) -> int:
    """Write a new dossier project into DIR; print what to do next."""
    from generator.tools import init

    folder = Path(os.path.abspath(args.folder))  # not resolved: a link is refused
    written = init.init_project(folder, args.title)
    print(f"wrote {len(written)} files into {printable(str(folder))}")
    where = printable(shlex.quote(args.folder))
    print(f"next: cd {where} && dossier build; add articles with `dossier new PATH.txt --id ID`")
    print("before pushing, pin the publisher in requirements.txt: the workflows in .github/ install it from there")
    return 0


def run_bench(root: Path, args: argparse.Namespace) -> int:
    """Build synthetic dossiers in a temporary folder and report times, sizes and memory."""
    from generator.bench import bench  # imported here: only this command needs it

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        if args.hostile:
            report = bench.bench_hostile(root, args.hostile_bytes or bench.HOSTILE_BYTES, say)
            print(bench.to_json(report) if args.json else bench.hostile_to_text(report))
            return 0 if report["met"] else 1
        if args.variants and args.generator_only:
            raise UsageError("--variants builds the site: it cannot be combined with --generator-only")
        report = bench.bench(root, args.articles, args.generator_only, say, args.variants)
    except bench.BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(bench.to_json(report) if args.json else bench.to_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
