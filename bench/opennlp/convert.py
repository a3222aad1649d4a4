#!/usr/bin/env python3
"""Convert parley's shared training data into Apache OpenNLP's native formats.

  convert.py ner CONLL03_FILE NAMES_OUT TOKENS_OUT
      CoNLL-2003 (IOB1 or IOB2, 4 columns) -> OpenNLP name-finder format: one
      sentence per line, entities as "<START:per> Peter Blackburn <END>", one
      blank line between documents (OpenNLP clears its adaptive features
      there). TOKENS_OUT gets the same sentences as bare tokens (for timing).
      Chunks are decoded as conlleval does: a chunk starts at B-X, or at I-X
      after O or after a different type. "-DOCSTART-" lines end a document
      wherever they sit (in /work/shared they follow the document).

  convert.py pos CONLLU_FILE UPOS_OUT XPOS_OUT TOKENS_OUT
      CoNLL-U -> OpenNLP POS format "word_TAG word_TAG ...", one sentence per
      line, syntactic words only (multiword ranges "1-2" and empty nodes
      "8.1" are skipped). Written once with UPOS and once with XPOS tags.

Prints "tokens=N sentences=N documents=N [entities=N]" on stdout.
Standard library only.
"""
import sys


def read_blocks(path, sep=None):
    """Yield ('sent', [columns...]) per sentence and ('doc', None) per
    -DOCSTART- line; '#' comment lines are dropped when sep is a tab (CoNLL-U)."""
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    yield "sent", sent
                    sent = []
                continue
            if sep == "\t" and line.startswith("#"):
                continue
            cols = line.split(sep)
            if cols[0] == "-DOCSTART-":
                if sent:
                    yield "sent", sent
                    sent = []
                yield "doc", None
                continue
            sent.append(cols)
    if sent:
        yield "sent", sent


def iob_chunks(tags):
    """conlleval chunk decoding of IOB1/IOB2 tags -> [(start, end_excl, type)]."""
    chunks, start, ctype = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, typ = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and (ctype is None or typ != ctype))
        if start is not None and (prefix == "O" or begins):
            chunks.append((start, i, ctype))
            start, ctype = None, None
        if begins:
            start, ctype = i, typ
    return chunks


def ner(src, names_out, tokens_out):
    n_tok = n_sent = n_doc = n_ent = 0
    pending_doc_break = False
    with open(names_out, "w", encoding="utf-8") as fn, \
         open(tokens_out, "w", encoding="utf-8") as ft:
        for kind, sent in read_blocks(src):
            if kind == "doc":
                pending_doc_break = n_sent > 0
                n_doc += 1
                continue
            if pending_doc_break:
                fn.write("\n")
                ft.write("\n")
                pending_doc_break = False
            words = [c[0] for c in sent]
            opens, closes = {}, set()
            for s, e, typ in iob_chunks([c[-1] for c in sent]):
                opens[s] = typ.lower()
                closes.add(e - 1)
                n_ent += 1
            out = []
            for i, w in enumerate(words):
                if i in opens:
                    out.append("<START:%s>" % opens[i])
                out.append(w)
                if i in closes:
                    out.append("<END>")
            fn.write(" ".join(out) + "\n")
            ft.write(" ".join(words) + "\n")
            n_tok += len(words)
            n_sent += 1
    print("tokens=%d sentences=%d documents=%d entities=%d" % (n_tok, n_sent, n_doc, n_ent))


def pos(src, upos_out, xpos_out, tokens_out):
    n_tok = n_sent = 0
    with open(upos_out, "w", encoding="utf-8") as fu, \
         open(xpos_out, "w", encoding="utf-8") as fx, \
         open(tokens_out, "w", encoding="utf-8") as ft:
        for _, sent in read_blocks(src, "\t"):
            rows = [c for c in sent if c[0].isdigit()]  # no "1-2", no "8.1"
            if not rows:
                continue
            for c in rows:
                # OpenNLP splits samples on whitespace: a form with a space
                # would shift every tag after it, so refuse rather than guess.
                if len(c) != 10 or any(ch.isspace() for ch in c[1] + c[3] + c[4]):
                    sys.exit("convert.py: %s: bad row or whitespace in form/tag: %r" % (src, c))
            fu.write(" ".join("%s_%s" % (c[1], c[3]) for c in rows) + "\n")
            fx.write(" ".join("%s_%s" % (c[1], c[4]) for c in rows) + "\n")
            ft.write(" ".join(c[1] for c in rows) + "\n")
            n_tok += len(rows)
            n_sent += 1
    print("tokens=%d sentences=%d documents=0" % (n_tok, n_sent))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "ner":
        ner(*sys.argv[2:])
    elif len(sys.argv) == 6 and sys.argv[1] == "pos":
        pos(*sys.argv[2:])
    else:
        sys.exit(__doc__)
