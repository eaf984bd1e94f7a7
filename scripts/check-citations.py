#!/usr/bin/env python3
"""Checks that the citation exports of a built site are read by a real citation
processor: the BibTeX and CSL-JSON of a sample of pages (one of each kind) go through
`pandoc --citeproc`, which must render them without error or warning.

Usage: scripts/check-citations.py PUBLIC_DIR
"""

import html
import pathlib
import re
import subprocess
import sys
import tempfile

# Each export is a <pre> whose text the theme's script offers as a download.
EXPORT = re.compile(r'<pre class="code cite-export" data-filename="([^"]+)"[^>]*><code>(.*?)</code></pre>', re.S)


def sample(public):
    """The index, and the first page of each kind."""
    pages = [public / "index.html"]
    for folder in ["days", "events", "actors", "places", "sources", "compare"]:
        found = sorted(p for p in (public / folder).glob("*.html") if p.name != "index.html")
        pages += found[:1]
    return pages


def check(page, workdir):
    problems = []
    exports = EXPORT.findall(page.read_text(encoding="utf-8"))
    if len(exports) != 3:
        return [f"{page}: expected 3 citation exports, found {len(exports)}"]
    for name, escaped in exports:
        if not name.endswith((".bib", ".json")):
            continue
        text = html.unescape(escaped)
        bibliography = workdir / name
        bibliography.write_text(text, encoding="utf-8")
        key = name.rsplit(".", 1)[0]
        run = subprocess.run(
            ["pandoc", "--citeproc", f"--bibliography={bibliography}", "-f", "markdown", "-t", "plain"],
            input=f"See [@{key}].\n",
            capture_output=True,
            text=True,
        )
        if run.returncode != 0 or "WARNING" in run.stderr or "???" in run.stdout:
            problems.append(f"{page} {name}: pandoc says: {run.stderr.strip() or run.stdout.strip()}")
    return problems


def main():
    public = pathlib.Path(sys.argv[1])
    problems = []
    pages = sample(public)
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            problems += check(page, pathlib.Path(tmp))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"citations: {len(pages)} pages, {2 * len(pages)} exports through pandoc --citeproc, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
