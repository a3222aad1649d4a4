"""A worker killed mid-run: Dask reschedules its tasks on the other worker and
the output is complete, with every record once (shards are renamed into place
only when whole)."""

import json
import os
import signal
import subprocess
import tempfile
import time
import unittest

from parley_testlib import (child_env, cli_extract, needs_dask, python, read_shards,
                            synthetic_records)
from test_dask_cluster import start_cluster, stop, wait_for_workers

N_FILES, PER_FILE = 24, 16


@needs_dask
class DaskFaultTest(unittest.TestCase):
    def test_killed_worker_is_recovered(self):
        import parley.dask as pd
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus")
            os.makedirs(corpus)
            # Many partitions that each take a noticeable time, so the kill
            # lands while the worker has tasks running and queued.
            recs = synthetic_records(N_FILES * PER_FILE)
            for f in range(N_FILES):
                with open(os.path.join(corpus, f"p{f:02d}.jsonl"), "w", encoding="utf-8") as out:
                    for r in recs[f * PER_FILE:(f + 1) * PER_FILE]:
                        out.write(json.dumps(r) + "\n")
            address, sched, workers, logs = start_cluster(2, nanny=False, log_dir=tmp)
            try:
                client = wait_for_workers(address, 2)
                out = os.path.join(tmp, "out")
                driver = subprocess.Popen(
                    [python(), "-m", "parley.dask", corpus, "--out", out, "--scheduler", address,
                     "--retries", "1"],
                    env=child_env(), stderr=subprocess.PIPE)
                # Kill worker 0 (SIGKILL: no goodbye to the scheduler) once the
                # run is under way: the first shard is written.
                shard_dir = os.path.join(out, "shards")
                deadline = time.time() + 90
                while time.time() < deadline:
                    if os.path.isdir(shard_dir) and any(n.endswith(".jsonl.gz")
                                                        for n in os.listdir(shard_dir)):
                        break
                    time.sleep(0.05)
                done_before = len([n for n in os.listdir(shard_dir) if n.endswith(".jsonl.gz")])
                os.kill(workers[0].pid, signal.SIGKILL)
                workers[0].wait()
                _, err = driver.communicate(timeout=180)
                self.assertEqual(driver.returncode, 0, err.decode())
                print(f"\n{done_before} of {N_FILES} shards written before the kill; {err.decode().strip().splitlines()[-1]}")
                self.assertLess(done_before, N_FILES, "the kill came after the run")
                self.assertEqual(len(client.scheduler_info()["workers"]), 1)
                client.close()
                manifest, lines = read_shards(out)
                self.assertEqual(len(manifest["shards"]), N_FILES)
                self.assertEqual(manifest["totals"]["extracted"], len(recs))
                ids = [json.loads(x)["meta"]["id"] for x in lines]
                self.assertEqual(sorted(ids), sorted(r["id"] for r in recs))  # no duplicates
                self.assertEqual(lines, cli_extract(pd.partitions([corpus])))
                self.assertFalse([n for n in os.listdir(shard_dir) if ".tmp-" in n])
            finally:
                stop(workers + [sched], logs)


if __name__ == "__main__":
    unittest.main()
