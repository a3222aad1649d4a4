#!/usr/bin/env python3
"""Derives the NER gazetteers in data/ner/gazetteers/ from ../shared/data.

Each output file is one list: one entry a line, lower-cased, tokens separated
by single spaces, sorted and de-duplicated, so a rebuild from the same inputs
gives byte-identical files. Lists (the NER features name them by file):

  loc_country  ISO 3166-1 names and official names, plus data/ner/hand/loc.txt
  loc_region   GeoNames admin1 names
  loc_city     GeoNames cities500 with population >= --min-pop (name, ASCII
               name; ASCII alternate names of cities >= --alt-pop)
  per_name     Phoenix person entries (entries with dated roles)
  per_first    given names: data/ner/hand/first_names.txt plus first words
               of Phoenix persons seen >= 2 times
  per_last     last words of Phoenix persons seen >= 2 times
  org_name     Phoenix organisations (undated entries of the international,
               non-state and national-institution dictionaries) plus
               data/ner/hand/org.txt
  misc_name    data/ner/hand/misc.txt (demonyms, religions, events)
  role         Phoenix agent nouns (minister, rebel, farmer ...)

Run from the repository root:
  python3 tools/ner_gazetteers.py --shared ../shared --out data/ner/gazetteers
"""
import argparse
import collections
import json
import os
import re

TITLES = {
    "president", "prime", "minister", "king", "queen", "prince", "general", "gen", "gen.",
    "mr", "mr.", "mrs", "mrs.", "dr", "dr.", "sheikh", "sheik", "mullah", "ayatollah",
    "secretary", "chancellor", "foreign", "defense", "defence", "senator", "sen.",
    "former", "the", "of", "and", "al", "el", "de", "la", "bin", "ibn", "abu", "von", "van",
    "sultan", "emir", "colonel", "col.", "lt.", "judge", "leader", "chief", "saint",
    "pope", "cardinal", "bishop", "archbishop", "rev.", "father", "haji", "imam",
}


def tokens(entry):
    """Lower-cased tokens: commas and brackets off, hyphenated forms both ways."""
    entry = re.sub(r"\([^)]*\)", " ", entry)
    entry = entry.replace(",", " , ").replace("_", " ")
    words = entry.lower().split()
    if not words:
        return []
    out = [" ".join(words)]
    if any("-" in w and len(w) > 1 for w in words):
        out.append(" ".join(" - ".join(w.split("-")) if len(w) > 1 else w for w in words))
    return out


def read_hand(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def phoenix_blocks(path):
    """(names, codes) per entry of a TABARI .actors file."""
    name_re = re.compile(r"^([^\s\[#]+)")
    blocks, cur = [], None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#") or line.startswith("!"):
                continue
            codes = re.findall(r"\[([^\]]*)\]", line)
            if line[0] in " \t":
                if cur:
                    cur[1].extend(codes)
                continue
            m = name_re.match(line[1:] if line[0] == "+" else line)
            if not m:
                continue
            name = m.group(1).strip("_+").replace("_", " ").strip()
            if line[0] == "+" and cur:
                cur[0].append(name)
            else:
                cur = ([name], list(codes))
                blocks.append(cur)
            if line[0] == "+":
                cur[1].extend(codes)
    return blocks


def is_person(codes):
    return any(re.search(r"\d{6}", c) for c in codes)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="data/ner/gazetteers")
    ap.add_argument("--hand", default="data/ner/hand")
    ap.add_argument("--min-pop", type=int, default=15000)
    ap.add_argument("--alt-pop", type=int, default=500000)
    a = ap.parse_args()
    geo, actors = os.path.join(a.shared, "data/geo"), os.path.join(a.shared, "data/actors")
    lists = collections.defaultdict(set)

    def add(name, entry):
        if any(ch.isalpha() for ch in entry):
            lists[name].update(tokens(entry))

    with open(os.path.join(geo, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for k in ("name", "official_name", "common_name"):
                if k in c:
                    add("loc_country", c[k])
    for e in read_hand(os.path.join(a.hand, "loc.txt")):
        add("loc_country", e)
    with open(os.path.join(geo, "geonames-admin1.json"), encoding="utf-8") as f:
        for r in json.load(f):
            add("loc_region", r["name"])
            # "Madriz Department" is mostly written "Madriz".
            short = re.sub(r"\s+(province|region|department|oblast|governorate|county|"
                           r"district|prefecture|state|municipality)$", "", r["name"], flags=re.I)
            add("loc_region", short)
    ascii_word = re.compile(r"^[A-Za-z][A-Za-z .'-]*$")
    with open(os.path.join(geo, "geonames-cities500.txt"), encoding="utf-8") as f:
        for line in f:
            col = line.rstrip("\n").split("\t")
            if len(col) < 15 or not col[14].isdigit() or int(col[14]) < a.min_pop:
                continue
            add("loc_city", col[1])
            add("loc_city", col[2])
            if int(col[14]) >= a.alt_pop:
                for alt in col[3].split(","):
                    if ascii_word.match(alt) and len(alt) > 2:
                        add("loc_city", alt)

    firsts, lasts = collections.Counter(), collections.Counter()
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):
        for names, codes in phoenix_blocks(os.path.join(actors, fname)):
            if is_person(codes):
                for n in names:
                    words = [w for w in n.lower().split() if w not in TITLES]
                    if len(words) >= 2:
                        add("per_name", " ".join(words))
                        firsts[words[0]] += 1
                        lasts[words[-1]] += 1
            elif fname != "Phoenix.Countries.actors.txt" or not all(
                    re.fullmatch(r"[A-Z]{3}", c.strip()) for c in codes):
                for n in names:
                    if len(n) > 2:
                        add("org_name", n)
    for e in read_hand(os.path.join(a.hand, "first_names.txt")):
        add("per_first", e)
    for w, c in firsts.items():
        if c >= 2 and w.isalpha() and len(w) > 1:
            add("per_first", w)
    for w, c in lasts.items():
        if c >= 2 and w.replace("-", "").isalpha() and len(w) > 1:
            add("per_last", w)
    for e in read_hand(os.path.join(a.hand, "org.txt")):
        add("org_name", e)
    for e in read_hand(os.path.join(a.hand, "misc.txt")):
        add("misc_name", e)
    for names, _ in phoenix_blocks(os.path.join(actors, "Phoenix.agents.txt")):
        for n in names:
            if "!" not in n and n.replace(" ", "").isalpha():
                add("role", n)

    os.makedirs(a.out, exist_ok=True)
    for name in sorted(lists):
        with open(os.path.join(a.out, name + ".txt"), "w", encoding="utf-8") as f:
            for e in sorted(lists[name]):
                f.write(e + "\n")
        print(f"{name}: {len(lists[name])} entries")


if __name__ == "__main__":
    main()
