"""parley.dask on a LocalCluster of 2 worker processes: the shards hold what
the single-process CLI prints, the manifest counts, quotes are grouped, and
the shards are the same bytes with 1 worker as with 2."""

import gzip
import json
import os
import sqlite3
import subprocess
import tempfile
import unittest

from parley_testlib import (BINARY, QUOTES, child_env, cli_extract, needs_dask, python,
                            read_shards, write_corpus)


@needs_dask
class DaskLocalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import parley.dask as pd
        from distributed import Client, LocalCluster
        cls.pd = pd
        cls.tmp = tempfile.TemporaryDirectory()
        cls.corpus = write_corpus(os.path.join(cls.tmp.name, "corpus"))
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1")
        cls.client = Client(cls.cluster)
        cls.out = os.path.join(cls.tmp.name, "out2")
        cls.manifest = pd.run([cls.corpus], cls.out, cls.client)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        cls.tmp.cleanup()

    def test_output_equals_single_process_cli(self):
        files = self.pd.partitions([self.corpus])
        self.assertEqual(len(files), 7)
        manifest, lines = read_shards(self.out)
        self.assertEqual(lines, cli_extract(files))
        # The directory walk is the CLI's too.
        self.assertEqual(lines, cli_extract([self.corpus]))
        ids = [json.loads(x)["meta"]["id"] for x in lines]
        self.assertEqual(len(ids), len(set(ids)))

    def test_manifest_counts(self):
        with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as f:
            m = json.load(f)
        self.assertEqual(m["totals"], {"read": 38, "extracted": 37, "rejected": 1,
                                       "io_errors": 0})
        bad = [s for s in m["shards"] if s["rejected"]]
        self.assertEqual(len(bad), 1)
        self.assertEqual(bad[0]["errors"][0]["code"], "invalid_argument")
        self.assertTrue(bad[0]["errors"][0]["where"].endswith("part-01.jsonl.gz:3"))
        for s in m["shards"]:
            self.assertEqual(s["read"], s["extracted"] + s["rejected"])
        self.assertEqual(sorted(os.listdir(os.path.join(self.out, "shards"))),
                         [s["shard"] for s in m["shards"]])

    def test_quotes_grouped_across_articles(self):
        with gzip.open(os.path.join(self.out, "quotes.jsonl.gz"), "rt", encoding="utf-8") as f:
            groups = [json.loads(x) for x in f]
        self.assertTrue(groups)
        self.assertEqual(groups, sorted(groups, key=lambda g: (-g["count"], g["key"])))
        key = self.pd.normalize_quote(QUOTES[0])
        top = next(g for g in groups if g["key"] == key)
        self.assertGreaterEqual(top["count"], 2)
        self.assertEqual(top["count"], len(top["articles"]))
        # Reference: the articles with that quote, found in the CLI's output.
        want, dates = set(), []
        for line in cli_extract([self.corpus]):
            rec = json.loads(line)
            if any(self.pd.normalize_quote(q["content"]["text"]) == key for q in rec["quotes"]):
                want.add(rec["meta"]["id"])
                dates.append(rec["meta"]["date"])
        self.assertEqual(set(top["articles"]), want)
        self.assertEqual(top["first_date"], min(dates))
        self.assertEqual(self.pd.normalize_quote(top["text"]), key)

    def test_normalize_quote(self):
        n = self.pd.normalize_quote
        self.assertEqual(n("\u201cWe  will NOT back down,\u201d"), n('we will not back down'))
        self.assertEqual(n("It\u2019s over."), "it's over")

    def test_same_bytes_with_one_worker_from_the_command_line(self):
        out1 = os.path.join(self.tmp.name, "out1")
        r = subprocess.run([python(), "-m", "parley.dask", self.corpus, "--out", out1,
                            "--workers", "1"], env=child_env(), stderr=subprocess.PIPE,
                           check=False)
        self.assertEqual(r.returncode, 1, r.stderr.decode())  # one record rejected
        for name in os.listdir(os.path.join(self.out, "shards")):
            with open(os.path.join(self.out, "shards", name), "rb") as a, \
                    open(os.path.join(out1, "shards", name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)
        for name in ("manifest.json", "quotes.jsonl.gz"):
            with open(os.path.join(self.out, name), "rb") as a, \
                    open(os.path.join(out1, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_shards_ingest_into_the_store(self):
        db = os.path.join(self.tmp.name, "store.db")
        shards = os.path.join(self.out, "shards")
        r = subprocess.run([BINARY, "ingest", "--quiet", "--db", db, shards],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        r = subprocess.run([BINARY, "query", "stats", "--db", db], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, check=False)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn("37", r.stdout.decode())
        # Ids and dates come from the records' meta, not lost on the way.
        with sqlite3.connect(db) as con:
            rows = con.execute("SELECT id, date FROM articles ORDER BY id").fetchall()
        want = sorted((json.loads(x)["meta"]["id"], json.loads(x)["meta"]["date"])
                      for x in cli_extract([self.corpus]))
        self.assertEqual(rows, want)


if __name__ == "__main__":
    unittest.main()
