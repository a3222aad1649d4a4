"""parley._parley: extract() equals `parley extract --format json`, batches
keep bad records as error records, failures raise with the library's message."""

import json
import os
import tempfile
import threading
import unittest

from parley_testlib import BINARY, SOURCE_DIR, cli_extract, needs_bindings, synthetic_records

ANCHORAGE = os.path.join(SOURCE_DIR, "examples", "anchorage.txt")


@needs_bindings
class BindingsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import parley
        cls.parley = parley
        cls.nlp = parley.Pipeline()

    def test_extract_equals_cli_json(self):
        cli = json.loads("\n".join(cli_extract([ANCHORAGE], "--format", "json")))
        meta = cli["meta"]
        rec = self.nlp.extract(cli["text"], date=meta["date"], id=meta["id"],
                               origin=meta["origin"])
        self.assertEqual(rec, cli)
        self.assertEqual(rec["schema"], self.parley.SCHEMA_VERSION)
        self.assertTrue(rec["quotes"], "the example has quotes")
        # Offsets are UTF-8 byte offsets into the original text.
        raw = rec["text"].encode()
        for q in rec["quotes"]:
            c = q["content"]
            self.assertEqual(raw[c["begin"]:c["end"]].decode(), c["text"])

    def test_extract_json_is_the_cli_line(self):
        line = cli_extract([ANCHORAGE])[0]
        cli = json.loads(line)
        meta = cli["meta"]
        self.assertEqual(self.nlp.extract_json(cli["text"], date=meta["date"], id=meta["id"],
                                               origin=meta["origin"]), line)

    def test_extract_many_keeps_order_and_bad_records(self):
        recs = synthetic_records(12)
        batch = [dict(r) for r in recs]
        batch.insert(3, {"id": "no-text"})
        batch.insert(5, {"id": "number", "text": 7, "origin": "mine:5"})
        batch.insert(7, {"id": "blank", "text": "   "})
        batch.insert(9, "A bare string is an article too. \u201cIt works,\u201d he said.")
        out = self.nlp.extract_many(batch, threads=2)
        self.assertEqual(len(out), len(batch))
        errors = [i for i, r in enumerate(out) if self.parley.is_error(r)]
        self.assertEqual(errors, [3, 5, 7])
        e = out[5]
        self.assertEqual(e["schema"], self.parley.SCHEMA_VERSION)
        self.assertEqual(set(e["error"]), {"where", "file", "line", "code", "message"})
        self.assertEqual(e["error"]["where"], "mine:5")
        self.assertEqual(e["error"]["code"], "invalid_argument")
        self.assertIn("text", e["error"]["message"])
        self.assertIn("empty document", out[7]["error"]["message"])
        # Same records as one at a time, whatever the threads.
        one = self.nlp.extract_many(batch, threads=1)
        self.assertEqual(out, one)
        r = recs[0]
        self.assertEqual(out[0], self.nlp.extract(r["text"], date=r["date"], id=r["id"],
                                                  title=r["title"], source=r["source"]))

    def test_extract_files_matches_cli_jsonl(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "in.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for r in synthetic_records(5):
                    f.write(json.dumps(r) + "\n")
                f.write("{not json\n")
            lines, counts = self.nlp.extract_files([path], errors=False)
            self.assertEqual([x.decode() for x in lines], cli_extract([path]))
            self.assertEqual((counts["read"], counts["extracted"], counts["rejected"]), (6, 5, 1))

    def test_errors_raise_with_the_library_message(self):
        with self.assertRaisesRegex(ValueError, "empty document"):
            self.nlp.extract("  \n ")
        with self.assertRaises(TypeError):
            self.nlp.extract("Some text.", colour="red")
        with self.assertRaisesRegex(Exception, "stage|unknown|nosuch"):
            self.parley.Pipeline(stages=["repair", "nosuch"])
        with self.assertRaisesRegex(Exception, "tag"):
            self.parley.Pipeline(stages=["repair", "segment", "parse"])  # needs tags
        with tempfile.TemporaryDirectory() as empty:
            with self.assertRaises(OSError):
                self.parley.Pipeline(models=empty)

    def test_threads_share_one_pipeline(self):
        text = synthetic_records(1)[0]["text"]
        want = self.nlp.extract(text)
        got = []
        threads = [threading.Thread(target=lambda: got.append(self.nlp.extract(text)))
                   for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(got, [want] * 4)


if __name__ == "__main__":
    unittest.main()
