#!/usr/bin/env bash
# Peer comparison: Apache OpenNLP 2.1.0 (Debian package, default maxent
# settings) against parley's shipped models, on the dev sets:
#   NER  CoNLL-2003 eng.testa      exact-span P/R/F1 (conlleval's definition)
#   POS  UD EWT en_ewt-ud-dev      UPOS and XPOS accuracy on gold tokens
# OpenNLP is trained here on eng.train / en_ewt-ud-train; training data is
# converted by convert.py into a temp dir, never into the repository.
#
# Usage: bench/opennlp/compare.sh
# Environment:
#   PARLEY=path      parley binary (default: the first of build/parley,
#                    build-<task>/parley, build-*/parley whose `eval` offers
#                    the task: pos, ner)
#   MODELS=dir       parley models (default: models/ at the repository root)
#   SHARED=dir       shared data (default: ../shared next to the repository)
#   STEPS="opennlp parley"   run only some of the two halves
#   WORK=dir         keep OpenNLP data, models and logs there (default: a
#                    temp dir, removed at exit)
#   REPS=3 COPIES=5  speed: best of REPS runs over 1 and over COPIES copies
# Exits 0 with a message when the shared data is absent.
set -euo pipefail
shopt -s inherit_errexit

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${SHARED:-$(dirname "$ROOT")/shared}
MODELS=${MODELS:-$ROOT/models}
STEPS=${STEPS:-opennlp parley}
REPS=${REPS:-3}
COPIES=${COPIES:-5}

NER_TRAIN=$SHARED/data/conll2003/eng.train
NER_DEV=$SHARED/data/conll2003/eng.testa
POS_TRAIN=$SHARED/data/ud-en-ewt/en_ewt-ud-train.conllu
POS_DEV=$SHARED/data/ud-en-ewt/en_ewt-ud-dev.conllu
for f in "$NER_TRAIN" "$NER_DEV" "$POS_TRAIN" "$POS_DEV"; do
  if [ ! -r "$f" ]; then
    echo "compare.sh: $f not found (shared data absent); skipping the comparison."
    exit 0
  fi
done

if [ -n "${WORK:-}" ]; then mkdir -p "$WORK"; KEPT="data, models and logs kept in $WORK"
else WORK=$(mktemp -d "${TMPDIR:-/tmp}/parley-opennlp.XXXXXX"); trap 'rm -rf "$WORK"' EXIT
     KEPT="set WORK=dir to keep data, models and logs"
fi
ROWS=$WORK/rows.tsv
: > "$ROWS"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$ROWS"; }

# "wall cpu" seconds (cpu = user + sys) of `cmd < file`, each the best of $REPS.
best_time() {
  local input=$1; shift
  local t all=""
  for _ in $(seq "$REPS"); do
    t=$( { TIMEFORMAT='%R %U %S'; time "$@" < "$input" > /dev/null 2> /dev/null; } 2>&1 )
    all+="$t"$'\n'
  done
  awk 'NF == 3 { w = $1; c = $2 + $3
                 if (NR == 1 || w < bw) bw = w; if (NR == 1 || c < bc) bc = c }
       END { print bw, bc }' <<< "$all"
}

# Tagging speed of an OpenNLP CLI tool over the dev tokens. "warm" is the
# marginal rate: (COPIES-1) extra copies of the input divided by the extra
# time, which cancels JVM start-up, model loading and most JIT warm-up.
# Prints "warm_wall_tok_s warm_cpu_tok_s cold_wall_tok_s" (cpu: per CPU
# second of the JVM, all its threads; steadier than wall on a busy machine).
speed() {
  local tool=$1 model=$2 tokfile=$3 ntok=$4 many=$WORK/speed-input.txt
  : > "$many"; for _ in $(seq "$COPIES"); do cat "$tokfile" >> "$many"; done
  local one all
  one=$(best_time "$tokfile" opennlp "$tool" "$model")
  all=$(best_time "$many" opennlp "$tool" "$model")
  awk -v n="$ntok" -v k="$COPIES" -v one="$one" -v all="$all" 'BEGIN {
    split(one, a, " "); split(all, b, " "); e = (k - 1) * n
    printf "%.0f %.0f %.0f\n", (b[1] > a[1] ? e / (b[1] - a[1]) : 0),
                              (b[2] > a[2] ? e / (b[2] - a[2]) : 0), n / a[1] }'
}
speed_cell() { local w c k; read -r w c k <<< "$1"; echo "$w ($c per CPU-s; cold $k)"; }

train() {  # train NAME TOOL DATA: nice'd, timed, log kept in $WORK
  local name=$1 tool=$2 data=$3 t0
  log "training OpenNLP $name ($tool; log $WORK/$name-train.log)"
  t0=$(now)
  nice -n 10 opennlp "$tool" -lang en -model "$WORK/$name.bin" -data "$data" \
    -encoding UTF-8 -params "$WORK/params.txt" > "$WORK/$name-train.log" 2>&1
  secs "$t0" "$(now)"
}

run_opennlp() {
  if ! command -v opennlp > /dev/null; then
    log "installing Debian package opennlp"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y opennlp > "$WORK/apt.log" 2>&1 ||
      { $sudo apt-get update > /dev/null && $sudo apt-get install -y opennlp > "$WORK/apt.log" 2>&1; }
  fi
  local version; version=$(opennlp 2>&1 | head -1 | sed 's/\. Usage.*//')
  log "$version, $(java -version 2>&1 | head -1)"

  # OpenNLP's defaults, written out so the record does not depend on them.
  printf 'Algorithm=MAXENT\nIterations=100\nCutoff=5\nThreads=1\n' > "$WORK/params.txt"

  local ner_counts pos_counts
  python3 "$HERE/convert.py" ner "$NER_TRAIN" "$WORK/ner-train.txt" "$WORK/ner-train.tok" > /dev/null
  ner_counts=$(python3 "$HERE/convert.py" ner "$NER_DEV" "$WORK/ner-dev.txt" "$WORK/ner-dev.tok")
  python3 "$HERE/convert.py" pos "$POS_TRAIN" "$WORK/upos-train.txt" "$WORK/xpos-train.txt" "$WORK/pos-train.tok" > /dev/null
  pos_counts=$(python3 "$HERE/convert.py" pos "$POS_DEV" "$WORK/upos-dev.txt" "$WORK/xpos-dev.txt" "$WORK/pos-dev.tok")
  log "dev NER: $ner_counts; dev POS: $pos_counts"
  local ner_tok pos_tok
  ner_tok=${ner_counts#tokens=}; ner_tok=${ner_tok%% *}
  pos_tok=${pos_counts#tokens=}; pos_tok=${pos_tok%% *}

  # NER
  local tt p r f sp
  tt=$(train ner TokenNameFinderTrainer "$WORK/ner-train.txt")
  opennlp TokenNameFinderEvaluator -model "$WORK/ner.bin" -data "$WORK/ner-dev.txt" \
    -encoding UTF-8 > "$WORK/ner-eval.log" 2>&1
  grep -E 'TOTAL|^ *(per|loc|org|misc):' "$WORK/ner-eval.log" | sed 's/^/  OpenNLP NER dev /' >&2
  read -r p r f < <(awk '/TOTAL:/ { for (i = 3; i <= 7; i += 2) { gsub(/[%;]|\.$/, "", $i) }
                                   print $3, $5, $7 }' "$WORK/ner-eval.log")
  sp=$(speed TokenNameFinder "$WORK/ner.bin" "$WORK/ner-dev.tok" "$ner_tok")
  row "$version" "NER (P $p / R $r)" "F1 $f" "$(speed_cell "$sp")" "${tt}s"

  # POS: one model per tag set
  local ts acc
  for ts in upos xpos; do
    tt=$(train "$ts" POSTaggerTrainer "$WORK/$ts-train.txt")
    opennlp POSTaggerEvaluator -model "$WORK/$ts.bin" -data "$WORK/$ts-dev.txt" \
      -encoding UTF-8 > "$WORK/$ts-eval.log" 2>&1
    acc=$(awk '/^Accuracy:/ { printf "%.2f", 100 * $2 }' "$WORK/$ts-eval.log")
    sp=$(speed POSTagger "$WORK/$ts.bin" "$WORK/pos-dev.tok" "$pos_tok")
    row "$version" "POS ${ts^^}" "$acc" "$(speed_cell "$sp")" "${tt}s"
  done
  log "OpenNLP training: $(grep -h -m1 'cutoff' "$WORK/ner-train.log"), $(grep -h -m1 'iterations' "$WORK/ner-train.log")"
}

# parley binary for a task: $PARLEY, or the first build offering `eval TASK`.
parley_for() {
  if [ -n "${PARLEY:-}" ]; then echo "$PARLEY"; return; fi
  local b
  for b in "$ROOT/build/parley" "$ROOT/build-$1/parley" "$ROOT"/build-*/parley; do
    [ -x "$b" ] && "$b" eval --help 2>/dev/null | grep -q "^ *$1 " && { echo "$b"; return; }
  done
  echo "$ROOT/build/parley"
}

# Field(s) of the JSON object on the last line of a parley --json run.
json() { tail -n 1 "$1" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(" ".join(json.dumps(d[k]) if isinstance(d[k], (dict, list)) else str(d[k])
               for k in sys.argv[1:]))' "${@:2}"; }

run_parley() {
  local task gold bin out ver tps u x n p r f
  for task in pos ner; do
    if [ "$task" = pos ]; then gold=$POS_DEV; else gold=$NER_DEV; fi
    bin=$(parley_for "$task"); out=$WORK/parley-$task.log
    if ! [ -x "$bin" ] || ! "$bin" eval --help 2>/dev/null | grep -q "^ *$task "; then
      log "parley $task: '$bin eval $task' not available yet; skipping its rows"; continue
    fi
    log "parley $task: $bin eval $task --gold $gold --models $MODELS --json"
    "$bin" eval "$task" --gold "$gold" --models "$MODELS" --json > "$out" 2>&1 || true
    if ! json "$out" tokens_per_s > /dev/null 2>&1; then
      log "parley $task: eval failed (models missing?); skipping its rows:"; tail -n 3 "$out" >&2; continue
    fi
    ver=$("$bin" --version 2>/dev/null | head -1 || true)
    tps=$(json "$out" tokens_per_s | awk '{ printf "%.0f", $1 }')
    if [ "$task" = pos ]; then
      read -r u x n < <(json "$out" upos xpos tokens)
      log "parley pos: $n tokens"
      row "${ver:-parley}" "POS UPOS" "$(awk -v v="$u" 'BEGIN { printf "%.2f", v <= 1 ? 100 * v : v }')" "$tps (parley's own)" "shipped"
      row "${ver:-parley}" "POS XPOS" "$(awk -v v="$x" 'BEGIN { printf "%.2f", v <= 1 ? 100 * v : v }')" "$tps (parley's own)" "shipped"
    else
      read -r p r f < <(json "$out" precision recall f1 |
        awk '{ s = ($3 <= 1) ? 100 : 1; printf "%.2f %.2f %.2f\n", s * $1, s * $2, s * $3 }')
      json "$out" per_type | sed 's/^/  parley NER dev per type: /' >&2
      row "${ver:-parley}" "NER (P $p / R $r)" "F1 $f" "$tps (parley's own)" "shipped"
    fi
  done
}

log "host: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
case " $STEPS " in *" opennlp "*) run_opennlp ;; esac
case " $STEPS " in *" parley "*) run_parley ;; esac

echo
echo "Dev scores (NER: CoNLL-2003 eng.testa, exact-span F1; POS: EWT dev accuracy, gold tokens)"
{ printf 'system\ttask\tdev score\ttokens/s, warm wall\ttrain time (wall)\n'; cat "$ROWS"; } |
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5
               if (NR == 1) print "|---|---|---|---|---|" }'
echo "(load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $KEPT)"
