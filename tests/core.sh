#!/usr/bin/env bash
# tests/core.sh -- the default run is the book's first part (the simple network's own code);
# on the default configuration the general engine of the second part must give, byte for byte,
# the same samples, log, checkpoints and held-out evaluation (--engine general forces it).
# Usage: tests/core.sh PATH_TO_CHARRNN   (run from the repository root)
set -u
BIN=${1:?usage: tests/core.sh PATH_TO_CHARRNN}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# compare NAME ARGS... : train twice, the default road and the engine, and compare everything
compare() {
  local name=$1; shift
  timeout 120 "$BIN" "$@" --log "$T/a.tsv" --save "$T/a.ck" > "$T/a.out" 2> "$T/a.err"
  timeout 120 "$BIN" "$@" --engine general --log "$T/b.tsv" --save "$T/b.ck" \
    > "$T/b.out" 2> "$T/b.err"
  if [ -s "$T/a.out" ] && [ -s "$T/a.tsv" ] && [ -s "$T/a.ck" ] && cmp -s "$T/a.out" "$T/b.out" &&
     cmp -s "$T/a.tsv" "$T/b.tsv" && cmp -s "$T/a.ck" "$T/b.ck"; then
    echo "PASS: $name: the first part and the engine give the same samples, log and checkpoint"
  else echo "FAIL: $name: the first part and the general engine differ"; fi
}
compare "quijote, seed 7, samples every 1000" data/quijote-small.txt --seed 7 --iters 3000 \
  --sample-every 1000 --log-every 10
compare "shakespeare, H=64, T=40, lr 0.05, prompt" data/tinyshakespeare.txt --seed 3 \
  --hidden 64 --seq-length 40 --lr 0.05 --iters 2000 --prompt 'ROMEO:' --sample-every 500
compare "hola toy, greedy" data/hola.txt --seq-length 42 --iters 300 --greedy \
  --prompt 'Hola mundo, aprendien' --sample-length 21
compare "held-out evaluation and patience" data/quijote-small.txt --iters 2000 --val-frac 0.1 \
  --eval-every 250 --patience 50 --sample-every 0
if cmp -s <(grep '^eval' "$T/a.err") <(grep '^eval' "$T/b.err") && grep -q '^eval' "$T/a.err"; then
  echo "PASS: held-out evaluation: the same losses on both roads"
else echo "FAIL: held-out evaluation differs between the first part and the engine"; fi

# sample from the last checkpoint, down each road
"$BIN" sample --from "$T/a.ck" --prompt 'Dijo' --length 300 --seed 5 > "$T/sa.out" 2>&1
"$BIN" sample --from "$T/a.ck" --prompt 'Dijo' --length 300 --seed 5 --engine general \
  > "$T/sb.out" 2>&1
if [ -s "$T/sa.out" ] && cmp -s "$T/sa.out" "$T/sb.out"; then
  echo "PASS: sample --from a checkpoint: the same text on both roads"
else echo "FAIL: sample --from a checkpoint differs between the first part and the engine"; fi

# resume down the other road: 1000 iterations, then 1000 more with the engine, equal 2000 in one go
"$BIN" data/quijote-small.txt --iters 1000 --sample-every 0 --sample-length 0 --quiet \
  --save "$T/r.ck" > /dev/null 2>&1
"$BIN" data/quijote-small.txt --iters 2000 --sample-every 0 --sample-length 0 --quiet \
  --resume "$T/r.ck" --save "$T/r.ck" --engine general > /dev/null 2>&1
"$BIN" data/quijote-small.txt --iters 2000 --sample-every 0 --sample-length 0 --quiet \
  --save "$T/one.ck" > /dev/null 2>&1
if [ -s "$T/one.ck" ] && cmp -s "$T/r.ck" "$T/one.ck"; then
  echo "PASS: a run resumed on the engine continues the first part's run exactly"
else echo "FAIL: resuming on the engine does not continue the first part's run exactly"; fi

# --engine simple refuses what the first part's code cannot run, with one line
out=$("$BIN" data/hola.txt --model lstm --engine simple --iters 1 2>&1); status=$?
if [ $status -eq 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] &&
   grep -q -- '--engine simple' <<< "$out"; then
  echo "PASS: --engine simple with an lstm is refused in one line"
else echo "FAIL: --engine simple with an lstm: status $status, '$out'"; fi
exit 0
