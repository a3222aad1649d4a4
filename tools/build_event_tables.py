#!/usr/bin/env python3
"""Builds parley's event tables in models/events/ from the open event-data
sources in ../shared/data (see models/events/NOTICE):

  cameo.tsv   CAMEO code, name, Goldstein score, PLOVER type and mode
  verbs.tsv   verb triggers converted from the PETRARCH-2 verb dictionary
  agents.tsv  agent nouns ("minister" -> GOV) from the Phoenix agents file

The hand-written triggers.tsv (nouns, light verbs, corrections) is not
generated: it is the project's own and is edited by hand.

Usage: python3 tools/build_event_tables.py ../shared/data models/events
"""
import re
import sys
from pathlib import Path


def cameo_table(events: Path):
    names = {}
    for line in (events / "CAMEO_codefile.text_to_CAMEO.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"LABEL: (\d+)= (.+)", line)  # LABELi lines are ICEWS variants
        if m and m.group(1) not in names:
            names[m.group(1)] = m.group(2).strip()
    gold = {}
    # GDELT's lookup is used where it and Phoenix's table disagree (7 codes):
    # it is what GDELT's published data carries.
    for line in (events / "CAMEO.goldsteinscale.GDELT-lookup.txt").read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2:
            gold[parts[0]] = float(parts[1])
    plover = {}
    for line in (events / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{3,4}):\s*([A-Z]+)\s*,\s*([a-z_\-]*)\s*,", line)
        if m:
            plover[m.group(1)] = (m.group(2), m.group(3))
    rows = []
    for code in sorted(names):
        if len(code) < 3:
            continue
        g = gold.get(code, gold.get(code[:3], gold.get(code[:2], 0.0)))
        p = plover.get(code) or plover.get(code[:3]) or ("", "")
        rows.append(f"{code}\t{names[code]}\t{g:g}\t{p[0] or '-'}\t{p[1] or '-'}")
    return rows


def synsets(lines):
    sets, cur = {}, None
    for line in lines:
        if line.startswith("&"):
            cur = line.split()[0]
            sets[cur] = []
        elif cur and line.startswith("+"):
            sets[cur].append(line[1:].split()[0].rstrip("_").replace("_", " ").lower())
        elif line.startswith("####### VERB"):
            break
        elif not line.strip():
            cur = None
    return sets


WORD = r"[A-Z][A-Z\-']*_?|&[A-Z_]+"


def expand(word, sets):
    if word.startswith("&"):
        return sets.get(word, [])
    return [word.rstrip("_").replace("_", " ").lower()]


def phrase_constraint(words, sets, key):
    """{MOD HEAD} or MOD HEAD -> key=head+mod; HEAD -> key=head."""
    head, mods = words[-1], words[:-1]
    if any(w in "+$^" for w in words) or len(mods) > 1:
        return None
    out = []
    for h in expand(head, sets):
        if " " in h:
            continue
        if mods:
            for m in expand(mods[0], sets):
                if " " not in m:
                    out.append(f"{key}={h}+{m}")
        else:
            out.append(f"{key}={h}")
    return out


def parse_pattern(text, sets):
    """Returns a list of alternative constraint strings, or None when the
    pattern uses features parley's coder does not read (actor markers, skips)."""
    text = text.strip()
    if "*" not in text:
        return None
    pre, post = text.split("*", 1)
    pre, post = pre.strip(), post.strip()
    alts = [[]]
    if pre:
        words = pre.strip("{}").split()
        c = phrase_constraint(words, sets, "subj")
        if not c:
            return None
        alts = [a + [x] for a in alts for x in c]
    # post: an optional object phrase, then prepositional groups in ( ).
    groups = re.findall(r"\([^)]*\)", post)
    obj = re.sub(r"\([^)]*\)", " ", post).strip()
    if obj:
        words = obj.replace("{", " ").replace("}", " ").split()
        c = phrase_constraint(words, sets, "obj")
        if not c:
            return None
        alts = [a + [x] for a in alts for x in c]
    for g in groups:
        words = g.strip("()").replace("{", " ").replace("}", " ").split()
        if not words or "/" in g or any(w in "+$^" for w in words):
            return None
        prep = words[0].lower()
        if len(words) == 1:
            alts = [a + [f"prep={prep}"] for a in alts]
        else:
            c = phrase_constraint(words[1:], sets, f"prep={prep}:")
            if not c:
                return None
            c = [x.replace(":=", ":") for x in c]
            alts = [a + [x] for a in alts for x in c]
    if len(alts) > 64:
        return None
    return [" ".join(a) if a else "*" for a in alts]


def verb_table(events: Path):
    lines = (events / "CAMEO.2.0.verbs.txt").read_text(encoding="latin-1").splitlines()
    sets = synsets(lines)
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    rows, seen = [], set()
    block_code, verbs = None, []

    def emit(lemma, pattern, code):
        key = (lemma, pattern)
        if key in seen:
            return
        seen.add(key)
        rows.append(f"verb\t{lemma}\t{pattern}\t{code}")

    for line in lines[start + 1:]:
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block_code = m.group(2).split(":")[0] or "---"
            verbs = []
            continue
        if block_code is None:
            continue
        if line.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]", line)
            if not m:
                continue
            code = m.group(2).split(":")[0]
            if code == "---":
                code = "-"
            elif not re.fullmatch(r"\d{3,4}", code):
                continue  # empty (reverse-only) or flagged codes ("080!")
            alts = parse_pattern(m.group(1), sets)
            if not alts:
                continue
            for v in verbs:
                for a in alts:
                    emit(v, a, code)
            continue
        # A verb line: VERB [{FORMS}] [code]; +MULTI_WORD verbs keep the particle.
        m = re.match(r"\+?([A-Z][A-Z\-_']*)", line)
        if not m:
            continue
        word = m.group(1).rstrip("_").lower()
        if word.startswith("re_"):
            word = "re" + word[3:]
        lemma = word.replace("_", " ")
        if len(lemma.split()) > 2:
            continue
        own = re.search(r"\[([^\]]*)\]", line)
        code = block_code
        if own:
            code = own.group(1).split(":")[0] or "---"
        verbs.append(lemma)
        if code == "---" or re.fullmatch(r"\d{3,4}", code):
            emit(lemma, "*", "-" if code == "---" else code)
    return rows


def agent_table(actors: Path):
    rows, seen = [], set()
    for line in (actors / "Phoenix.agents.txt").read_text(encoding="latin-1").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"([A-Z][A-Z\-]*)\s*\[~([A-Z]{3})\]$", line)
        if not m:
            continue
        word = m.group(1).lower()
        if word not in seen:
            seen.add(word)
            rows.append(f"{word}\t{m.group(2)}")
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    head = "# Generated by tools/build_event_tables.py from ../shared/data; see NOTICE.\n"
    (out / "cameo.tsv").write_text(
        head + "# code\tname\tgoldstein\tplover\tplover_mode\n" + "\n".join(cameo_table(data / "events")) + "\n",
        encoding="utf-8")
    (out / "verbs.tsv").write_text(
        head + "# pos\tlemma\tpattern\tcode\n" + "\n".join(verb_table(data / "events")) + "\n", encoding="utf-8")
    (out / "agents.tsv").write_text(
        head + "# noun\tagent\n" + "\n".join(agent_table(data / "actors")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
