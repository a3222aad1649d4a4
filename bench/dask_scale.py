#!/usr/bin/env python3
"""Measures parley.dask against the single-process CLI (docs/scale.md).

    PYTHONPATH=build-py/python:python /usr/bin/python3 bench/dask_scale.py \
        --corpus ../shared/corpora/allsides.jsonl.gz --records 1000 --shards 8 \
        --binary build-py/parley

Splits the first N records into K JSONL shards, then times: the CLI with 1 and
2 threads (output to /dev/null, and piped through `gzip -1` to a file: the
output the Dask run writes), and parley.dask on a LocalCluster of 1 and 2 worker processes
(cluster start and model loading excluded, reported apart). Prints JSON.
"""

import argparse
import gzip
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def split(corpus, n, k, out_dir):
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as f:
        lines = list(itertools.islice(f, n))
    paths = []
    per = (len(lines) + k - 1) // k
    for i in range(k):
        p = os.path.join(out_dir, f"shard-{i:03d}.jsonl")
        with open(p, "w", encoding="utf-8") as out:
            out.writelines(lines[i * per:(i + 1) * per])
        paths.append(p)
    return paths, len(lines)


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli(binary, paths, threads, extra=()):
    """(wall s, user+sys CPU s) of one `parley extract` run."""
    t, c = time.perf_counter(), children_cpu()
    subprocess.run([binary, "extract", "--quiet", "--threads", str(threads), *extra, *paths],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t, children_cpu() - c


def cli_gzip(binary, paths, threads, out_path):
    """(wall s, user+sys CPU s) of `parley extract | gzip -1 > out`: the same
    output the Dask run writes (gzip level 1 JSONL on disk)."""
    t, c = time.perf_counter(), children_cpu()
    with open(out_path, "wb") as out:
        extract = subprocess.Popen([binary, "extract", "--quiet", "--threads", str(threads), *paths],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        gz = subprocess.Popen(["gzip", "-1"], stdin=extract.stdout, stdout=out)
        extract.stdout.close()
        gz.wait()
        extract.wait()
        out.flush()
        os.fsync(out.fileno())
    return time.perf_counter() - t, children_cpu() - c


def _cpu():
    return time.process_time()


def dask_run(paths, out, workers):
    import parley.dask as pd
    from distributed import Client, LocalCluster
    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, host="127.0.0.1")
    client = Client(cluster)
    client.register_worker_plugin(pd.PipelinePlugin(), name=pd.PipelinePlugin.name)
    ready = time.perf_counter() - t0
    # CPU of everything Dask runs: worker processes, plus this process (the
    # scheduler and client of a LocalCluster live here).
    w0, d0 = client.run(_cpu), time.process_time()
    m = pd.run(paths, out, client)
    w1, d1 = client.run(_cpu), time.process_time()
    timing = dict(m["timing"])
    timing["workers_cpu_s"] = sum(w1[k] - w0[k] for k in w1)
    timing["driver_cpu_s"] = d1 - d0
    client.close()
    cluster.close()
    return ready, timing


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--binary", default="build-py/parley")
    args = ap.parse_args()
    res = {"load": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        paths, n = split(args.corpus, args.records, args.shards, tmp)
        res["records"] = n
        empty = os.path.join(tmp, "empty.jsonl")
        open(empty, "w").close()
        res["cli_model_load_s"], res["cli_model_load_cpu_s"] = cli(args.binary, [empty], 1)
        for threads in (1, 2):
            res[f"cli_{threads}t_s"], res[f"cli_{threads}t_cpu_s"] = cli(args.binary, paths,
                                                                         threads)
            print(json.dumps(res), file=sys.stderr, flush=True)
        for threads in (1, 2):
            res[f"cli_gzip_{threads}t_s"], res[f"cli_gzip_{threads}t_cpu_s"] = cli_gzip(
                args.binary, paths, threads, os.path.join(tmp, f"cli{threads}.jsonl.gz"))
        for workers in (1, 2):
            ready, timing = dask_run(paths, os.path.join(tmp, f"out{workers}"), workers)
            res[f"dask_{workers}w_start_s"] = ready
            for k, v in timing.items():
                res[f"dask_{workers}w_{k}"] = v
            print(json.dumps(res), file=sys.stderr, flush=True)
    res["load_after"] = os.getloadavg()
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
