#!/usr/bin/env python3
"""The performance targets of prfaq as ratios measured in one run (issue 12).

Every figure is a whole process timed by hyperfine against its reference in the same run:
the floor program of ../shared/bench (cmark-gfm parse + walk, and + tokenise + each distinct
word spelled once), markdownlint-cli2 when it is installed, prfaq itself (--jobs 2 against
--jobs 1, twice the input against once), /usr/bin/time for peak memory, and a language-server
session for the per-change latency. Prints one table: what, prfaq, reference, ratio, target.

Usage: scripts/bench.sh [--quick]   (run from anywhere; needs ../shared/bench for the corpora
and the floor program, hyperfine, python3; --quick uses the 1.3 MB corpus for everything)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
BIN = os.environ.get("PRFAQ_BIN", os.path.join(ROOT, "build", "prfaq"))
QUICK = "--quick" in sys.argv


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, text=True, capture_output=True, **kw).stdout


def hyperfine(work, name, commands, runs, warmup=1):
    """Mean wall seconds of each command, measured in one hyperfine run."""
    out = os.path.join(work, name + ".json")
    args = ["hyperfine", "-N", "-w", str(warmup), "-r", str(runs), "--export-json", out]
    for c in commands:
        args.append(c)
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [r["mean"] for r in json.load(open(out))["results"]]


def peak_kib(cmd):
    """Peak resident memory of a command, from GNU time (KiB)."""
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", cmd + " >/dev/null"],
                       text=True, capture_output=True)
    return int(r.stderr.strip().splitlines()[-1])


rows = []


def row(what, value, reference, ratio, target, met):
    rows.append((what, value, reference, ratio, target, "yes" if met else "NO"))


def lsp_session(path, changes, out, empty):
    text = open(path, encoding="utf-8").read()
    uri = "file:///bench/doc.md"

    def frame(m):
        b = json.dumps(m).encode()
        return b"Content-Length: %d\r\n\r\n" % len(b) + b

    head = frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    head += frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    tail = frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    tail += frame({"jsonrpc": "2.0", "method": "exit"})
    line = text.count("\n")
    body = b""
    for i in range(changes):
        body += frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": i + 2},
            "contentChanges": [{"range": {"start": {"line": line, "character": 0},
                                          "end": {"line": line, "character": 0}}, "text": "x"}]}})
    open(out, "wb").write(head + body + tail)
    open(empty, "wb").write(head + tail)


def main():
    if not os.path.isdir(os.path.join(SHARED, "bench")):
        sys.exit("bench: ../shared/bench is not there (the corpus generator and the floor program)")
    for tool in ("hyperfine", "make", "g++"):
        if not shutil.which(tool):
            sys.exit(f"bench: {tool} is needed")
    work = tempfile.mkdtemp(prefix="prfaq-bench-")
    env_cache = os.path.join(work, "cache")
    os.environ["PRFAQ_CACHE_DIR"] = env_cache
    try:
        floor = os.path.join(work, "floor-build", "floor")
        sh(f"make -s -C {SHARED}/bench/floor BUILD={work}/floor-build")
        gen = os.path.join(SHARED, "bench", "gen-corpus.py")
        small = os.path.join(work, "c1")
        sh(f"python3 {gen} --out {small} --count 100 --seed 1")
        if QUICK:
            big = small
        else:
            big = os.path.join(work, "c25")
            sh(f"python3 {gen} --out {big} --count 2000 --seed 2")
        double = os.path.join(work, "double")
        os.makedirs(double)
        shutil.copytree(big, os.path.join(double, "a"))
        shutil.copytree(big, os.path.join(double, "b"))
        mb = sum(os.path.getsize(os.path.join(big, f)) for f in os.listdir(big)) / 1e6

        lint = f"{BIN} lint --no-config --fail-on never --quiet --format concise"
        off = "--ignore PF601,PF602,PF603"
        sh(f"{lint} {small} > /dev/null")  # the compiled dictionary, built once

        # 1. One thread against the floor: spelling on against memo, off against parse.
        runs = 3
        on1, memo, off1, parse = hyperfine(work, "floor", [
            f"{lint} --jobs 1 {big}", f"{floor} memo {big}",
            f"{lint} --jobs 1 {off} {big}", f"{floor} parse {big}"], runs)
        row(f"{mb:.1f} MB, --jobs 1, spelling on (MB/s)", f"{mb / on1:.1f}",
            f"floor memo {mb / memo:.1f}", f"{memo / on1:.2f}x", ">= 0.85x", memo / on1 >= 0.85)
        row(f"{mb:.1f} MB, --jobs 1, spelling off (MB/s)", f"{mb / off1:.1f}",
            f"floor parse {mb / parse:.1f}", f"{parse / off1:.2f}x", ">= 0.8x", parse / off1 >= 0.8)

        # 2. Two threads against one; twice the input against once.
        on2, double2 = hyperfine(work, "scale", [f"{lint} --jobs 2 {big}",
                                                  f"{lint} --jobs 2 {double}"], runs)
        row("--jobs 2 against --jobs 1 (spelling on)", f"{on2:.2f} s", f"{on1:.2f} s",
            f"{on1 / on2:.2f}x", ">= 1.8x", on1 / on2 >= 1.8)
        row("twice the input (--jobs 2)", f"{double2:.2f} s", f"{on2:.2f} s",
            f"{double2 / on2:.2f}x", "<= 2.1x", double2 / on2 <= 2.1)

        # 3. Peak memory, and how it grows with the input.
        m1 = peak_kib(f"{lint} --jobs 2 {big}") / 1024
        m2 = peak_kib(f"{lint} --jobs 2 {double}") / 1024
        row(f"peak memory, {mb:.0f} MB corpus", f"{m1:.1f} MiB", "", "", "<= 40 MiB", m1 <= 40)
        row(f"peak memory, {2 * mb:.0f} MB corpus", f"{m2:.1f} MiB", f"{m1:.1f} MiB",
            f"{m2 / m1:.2f}x", "flat (<= 1.1x)", m2 / m1 <= 1.1)

        # 4. One 5 KB file, the whole process, spelling on.
        five = os.path.join(small, "prfaq-00054.md")
        t5, cm = hyperfine(work, "five", [f"{lint} {five}",
                                          f"cmark-gfm --sourcepos {five}" if shutil.which("cmark-gfm")
                                          else f"cat {five}"], 20, warmup=3)
        row("one 5 KB file, spelling on", f"{t5 * 1e3:.1f} ms", f"cmark-gfm {cm * 1e3:.1f} ms",
            f"{t5 / cm:.1f}x", "<= 5 ms", t5 <= 0.005)

        # 5. Real documents: spelling on against off.
        docs = os.path.join(SHARED, "corpus", "docs")
        if os.path.isdir(docs):
            son, soff = hyperfine(work, "docs", [f"{lint} {docs}", f"{lint} {off} {docs}"], 10)
            n = len([f for f in os.listdir(docs) if f.endswith(".md")])
            row(f"{n} real PR/FAQs, spelling on against off", f"{son * 1e3:.0f} ms",
                f"{soff * 1e3:.0f} ms", f"{son / soff:.2f}x", "<= 2x", son / soff <= 2)

        # 6. markdownlint-cli2 on the 1.3 MB corpus, when installed.
        mdl = shutil.which("markdownlint-cli2")
        if not mdl and shutil.which("npm"):
            subprocess.run(["npm", "install", "--silent", "--prefix", os.path.join(work, "npm"),
                            "markdownlint-cli2"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            local = os.path.join(work, "npm", "node_modules", ".bin", "markdownlint-cli2")
            mdl = local if os.path.exists(local) else None
        if mdl:
            ps, ml = hyperfine(work, "mdl", [f"{lint} {small}",
                                             f"sh -c 'cd {small} && {mdl} \"*.md\" >/dev/null 2>&1; true'"], 3)
            row("1.3 MB against markdownlint-cli2", f"{ps:.2f} s", f"{ml:.2f} s", f"{ml / ps:.1f}x",
                ">= 50x", ml / ps >= 50)
        else:
            row("1.3 MB against markdownlint-cli2", "-", "not installed", "-", ">= 50x", False)

        # 7. The language server: one change of a 20 KB document, all rules and spelling.
        doc20 = os.path.join(work, "doc20.md")
        # The generated files in name order until 20 KB, cut at the paragraph that passes it.
        text = ""
        for f in sorted(os.listdir(small)):
            text += open(os.path.join(small, f), encoding="utf-8").read() + "\n"
            if len(text.encode()) >= 20000:
                break
        cut = text.find("\n\n", 20000)
        text = text[: cut + 1] if cut > 0 else text
        open(doc20, "w", encoding="utf-8").write(text)
        changes = 200
        lsp_session(doc20, changes, os.path.join(work, "session.bin"), os.path.join(work, "empty.bin"))
        t_empty, t_session = hyperfine(work, "lsp", [
            f"sh -c '{BIN} lsp --no-config < {work}/empty.bin > /dev/null'",
            f"sh -c '{BIN} lsp --no-config < {work}/session.bin > /dev/null'"], 5)
        per = (t_session - t_empty) / changes
        row(f"language server, one change, {len(text.encode()) // 1000} KB document",
            f"{per * 1e3:.2f} ms", "", "", "<= 2 ms", per <= 0.002)

        width = [max(len(str(r[i])) for r in rows + [("what", "prfaq", "reference", "ratio",
                                                       "target", "met")]) for i in range(6)]
        header = ("what", "prfaq", "reference", "ratio", "target", "met")
        print("| " + " | ".join(h.ljust(width[i]) for i, h in enumerate(header)) + " |")
        print("|" + "|".join("-" * (w + 2) for w in width) + "|")
        for r in rows:
            print("| " + " | ".join(str(c).ljust(width[i]) for i, c in enumerate(r)) + " |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
