"""parley from Python: news articles to structured records.

    import parley
    nlp = parley.Pipeline()                       # loads the models once
    rec = nlp.extract(text, date="2025-08-16", id="a1")
    recs = nlp.extract_many([{"text": t, "id": i} for i, t in ...], threads=4)

A record is exactly what `parley extract --format json` prints (docs/schema.md);
a bad record in extract_many() comes back as an error record
({"schema": ..., "error": {...}}), while extract() raises ValueError, OSError or
RuntimeError with the library's message. Distributed runs: `python3 -m
parley.dask --help`.
"""

import pkgutil

# The compiled module may live in another folder named parley on sys.path
# (the build tree's python/parley/), beside this pure-Python package.
__path__ = pkgutil.extend_path(__path__, __name__)

from parley._parley import DEFAULT_STAGES, SCHEMA_VERSION, Pipeline

__all__ = ["Pipeline", "DEFAULT_STAGES", "SCHEMA_VERSION", "is_error"]


def is_error(record):
    """True for an error record from extract_many() or a shard."""
    return "error" in record
