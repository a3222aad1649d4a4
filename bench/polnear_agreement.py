#!/usr/bin/env python3
"""How well PolNeAR's annotators agree with each other, scored like parley.

Some PolNeAR articles were annotated by more than one annotator (one .ann
file each, named ARTICLE_ANNOTATOR.ann). For every ordered pair of
annotations of one article, this scores the second against the first the way
`parley eval quotes --polnear` scores parley (src/eval/quote_scoring.cpp): an
attribution matches when the word sets of the two contents overlap with
Jaccard >= 0.5, one to one, greedily in file order; a matched pair's source is
right when the two Source spans share a word. The result is the human ceiling
that parley's content and source F1 can be read against.

Words here are runs of letters and digits (\\w+); parley's scorer uses its
tokens, so figures can differ slightly from what the same matching on parley's
tokens would give.

Usage: bench/polnear_agreement.py ../shared/data/polnear/train [--json]
"""
import collections
import glob
import itertools
import json
import os
import re
import sys


def words(text, spans):
    out = set()
    for begin, end in spans:
        out |= {m.start() + begin for m in re.finditer(r"\w+", text[begin:end])}
    return out


def attributions(ann_path, text):
    """(content words, source words) of each attribution with a content."""
    spans, events = {}, []
    with open(ann_path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0].startswith("T") and len(fields) > 1:
                _, offsets = fields[1].split(" ", 1)
                spans[fields[0]] = [tuple(map(int, s.split())) for s in offsets.split(";")]
            elif fields[0].startswith("E") and len(fields) > 1:
                events.append(dict(a.split(":", 1) for a in fields[1].split()[1:]))
    out = []
    for args in events:
        if args.get("Content") not in spans:
            continue
        content = words(text, spans[args["Content"]])
        source = words(text, spans[args["Source"]]) if args.get("Source") in spans else set()
        if content:
            out.append((content, source))
    return out


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(sys.argv) >= 2 else 2
    split = sys.argv[1]
    if not os.path.isdir(os.path.join(split, "attributions")):
        print(f"polnear_agreement: {split}: no attributions/ folder", file=sys.stderr)
        return 2
    by_article = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
        by_article[os.path.basename(path)[:-4].rsplit("_", 1)[0]].append(path)
    matched = gold_n = pred_n = source_ok = gold_src = pred_src = pairs = articles = 0
    for article, anns in sorted(by_article.items()):
        if len(anns) < 2:
            continue
        articles += 1
        with open(os.path.join(split, "text", article + ".txt"), encoding="utf-8") as f:
            text = f.read()
        annotations = [attributions(a, text) for a in anns]
        for gi, pi in itertools.permutations(range(len(annotations)), 2):
            gold, pred = annotations[gi], annotations[pi]
            pairs += 1
            gold_n += len(gold)
            pred_n += len(pred)
            gold_src += sum(1 for _, s in gold if s)
            pred_src += sum(1 for _, s in pred if s)
            used = set()
            for g_content, g_source in gold:
                best, best_j = None, 0.5
                for k, (p_content, _) in enumerate(pred):
                    if k in used:
                        continue
                    j = len(g_content & p_content) / len(g_content | p_content)
                    if j >= best_j:
                        best, best_j = k, j
                if best is None:
                    continue
                used.add(best)
                matched += 1
                if g_source & pred[best][1]:
                    source_ok += 1
    if pairs == 0:
        print(f"polnear_agreement: {split}: no article has two annotations", file=sys.stderr)
        return 1
    cp, cr = matched / pred_n, matched / gold_n
    sp, sr = source_ok / pred_src, source_ok / gold_src
    result = {
        "split": split,
        "articles": articles,
        "annotation_pairs": pairs,
        "content_precision": cp,
        "content_recall": cr,
        "content_f1": f1(cp, cr),
        "source_precision": sp,
        "source_recall": sr,
        "source_f1": f1(sp, sr),
    }
    print(f"{split}: {articles} articles with two annotations or more, {pairs} ordered pairs")
    print(f"content P {100 * cp:.2f} R {100 * cr:.2f} F1 {100 * f1(cp, cr):.2f}")
    print(f"source  P {100 * sp:.2f} R {100 * sr:.2f} F1 {100 * f1(sp, sr):.2f}")
    if "--json" in sys.argv[2:]:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
