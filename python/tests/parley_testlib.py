"""Shared pieces of the Python tests: the CLI binary, a synthetic corpus, and
what the single-process CLI prints for it."""

import gzip
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import unittest

SOURCE_DIR = os.environ.get("PARLEY_SOURCE_DIR",
                            os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BINARY = os.environ.get("PARLEY_BINARY", os.path.join(SOURCE_DIR, "build", "parley"))
PYTHON_PATH = os.environ.get("PYTHONPATH", "")

try:
    import parley  # noqa: F401
    HAVE_BINDINGS = True
except ImportError:  # the module was not built (no pybind11)
    if os.environ.get("PARLEY_BINDINGS_BUILT"):  # ctest: it was built, so this is a failure
        raise
    HAVE_BINDINGS = False

try:
    import dask  # noqa: F401
    import distributed  # noqa: F401
    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False

needs_bindings = unittest.skipUnless(HAVE_BINDINGS, "parley._parley not built (pybind11 absent)")
needs_dask = unittest.skipUnless(HAVE_BINDINGS and HAVE_DASK,
                                 "python3-dask / python3-distributed absent")

SPEAKERS = ["Senator Maria Lopez", "Prime Minister John Carter", "Governor Anne Blake",
            "Mayor Peter Quinn", "Minister Olga Ivanova", "Chancellor Hans Weber"]
PLACES = ["Brussels", "Ottawa", "Denver", "Boston", "Kyiv", "Berlin"]
QUOTES = ["We will not back down on this issue",
          "The talks were productive and we expect a deal soon",
          "This budget protects working families across the country",
          "Nobody should be above the law",
          "We need more investment in public transport"]


def synthetic_records(n, seed=8):
    """n small news articles; quotes repeat across articles, one is empty."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        who, where = rnd.choice(SPEAKERS), rnd.choice(PLACES)
        q1, q2 = rnd.sample(QUOTES, 2)
        text = (f"{who} spoke to reporters in {where} on Tuesday.\n\n"
                f"\u201c{q1},\u201d {who.split()[-1]} said. The remarks came after a week of "
                f"negotiations with officials from {rnd.choice(PLACES)}.\n\n"
                f"According to a spokesman, the government expects to announce its plans "
                f"next month. \"{q2},\" he added.")
        out.append({"id": f"syn-{i:03d}", "date": f"2025-0{1 + i % 9}-1{i % 10}",
                    "title": f"Article {i}", "source": "synthetic", "text": text})
    return out


def write_corpus(directory, n_files=6, per_file=6):
    """JSONL(.gz) shards, a dated text file and one bad line; returns the folder."""
    os.makedirs(directory, exist_ok=True)
    recs = synthetic_records(n_files * per_file)
    for f in range(n_files):
        chunk = recs[f * per_file:(f + 1) * per_file]
        lines = [json.dumps(r, ensure_ascii=False) for r in chunk]
        if f == 1:
            lines.insert(2, '{"id": "bad", "text": 42}')  # a rejected record
        data = ("\n".join(lines) + "\n").encode()
        name = os.path.join(directory, f"part-{f:02d}.jsonl" + (".gz" if f % 2 else ""))
        with open(name, "wb") as out:
            out.write(gzip.compress(data, mtime=0) if f % 2 else data)
    shutil.copy(os.path.join(SOURCE_DIR, "examples", "anchorage.txt"),
                os.path.join(directory, "zz-anchorage.txt"))
    return directory


def cli_extract(paths, *flags):
    """stdout lines of `parley extract` over paths (one process, one thread)."""
    r = subprocess.run([BINARY, "extract", "--quiet", "--threads", "1", *flags, *paths],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"parley extract failed ({r.returncode}): {r.stderr.decode()}")
    return r.stdout.decode().splitlines()


def read_shards(out_dir):
    """Records of every shard named in the manifest, in manifest order."""
    with open(os.path.join(out_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    lines = []
    for s in manifest["shards"]:
        with gzip.open(os.path.join(out_dir, "shards", s["shard"]), "rt", encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return manifest, lines


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env():
    env = dict(os.environ)
    env["PYTHONPATH"] = PYTHON_PATH
    return env


def python():
    return sys.executable
