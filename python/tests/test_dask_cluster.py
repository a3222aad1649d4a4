"""parley.dask against a scheduler and 2 workers started as separate processes
on loopback (dask-scheduler / dask-worker): output identical to the CLI."""

import os
import subprocess
import sys
import tempfile
import time
import unittest

from parley_testlib import (child_env, cli_extract, free_port, needs_dask, python, read_shards,
                            write_corpus)


def start_cluster(workers, nanny=True, log_dir=None):
    """(scheduler address, scheduler process, worker processes)."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = child_env()
    logs = []

    def spawn(args, name):
        log = open(os.path.join(log_dir, name + ".log"), "wb")
        logs.append(log)
        return subprocess.Popen([python(), "-m", *args], env=env, stdout=log,
                                stderr=subprocess.STDOUT)

    sched = spawn(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                   "--dashboard-address", ":0", "--no-dashboard"], "scheduler")
    procs = []
    for i in range(workers):
        args = ["distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1",
                "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{i}"]
        if not nanny:
            args.append("--no-nanny")
        procs.append(spawn(args, f"worker{i}"))
    return address, sched, procs, logs


def wait_for_workers(address, n, timeout=60):
    from distributed import Client
    client = Client(address, timeout=timeout)
    client.wait_for_workers(n, timeout=timeout)
    return client


def stop(procs, logs):
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    for log in logs:
        log.close()


@needs_dask
class DaskClusterTest(unittest.TestCase):
    def test_separate_processes_match_cli(self):
        import parley.dask as pd
        with tempfile.TemporaryDirectory() as tmp:
            corpus = write_corpus(os.path.join(tmp, "corpus"))
            address, sched, workers, logs = start_cluster(2, log_dir=tmp)
            try:
                client = wait_for_workers(address, 2)
                client.close()
                out = os.path.join(tmp, "out")
                r = subprocess.run([python(), "-m", "parley.dask", os.path.join(corpus, "*"),
                                    "--out", out, "--scheduler", address], env=child_env(),
                                   stderr=subprocess.PIPE, check=False, timeout=120)
                self.assertEqual(r.returncode, 1, r.stderr.decode())  # one rejected record
                manifest, lines = read_shards(out)
                self.assertEqual(lines, cli_extract(pd.partitions([os.path.join(corpus, "*")])))
                self.assertEqual(lines, cli_extract([corpus]))
                self.assertEqual(manifest["totals"]["extracted"], len(lines))
            finally:
                stop(workers + [sched], logs)


if __name__ == "__main__":
    unittest.main()
