#!/usr/bin/env bash
# tests/core.sh -- the default network (--model rnn --layers 1 --batch 1) must give, byte for
# byte, the output and log of the program of the book's first part (commit 7bb95ea, the
# workbook core, before LSTM/GRU, layers and streams were added).
# Usage: tests/core.sh PATH_TO_CHARRNN   (run from the repository root)
# Prints PASS/FAIL lines, or one SKIP line when the git history is not available.
set -u
BIN=${1:?usage: tests/core.sh PATH_TO_CHARRNN}
CORE=7bb95ea4702978d5408a3cdac626d5ef669a8310
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if ! git cat-file -e "$CORE:charrnn.nw" 2>/dev/null; then
  echo "SKIP: byte-identity with the first part: commit ${CORE:0:7} is not in this clone"
  exit 0
fi
git show "$CORE:charrnn.nw" | notangle -R'[[charrnn.c]]' > "$T/core.c" &&
  ${CC:-cc} -std=c11 -O3 -march=native -ffp-contract=off -fno-math-errno -o "$T/core" \
    "$T/core.c" -lm || { echo "FAIL: cannot build the first part's program from ${CORE:0:7}"; exit 0; }

# compare NAME ARGS... : same stdout and same log from both programs
compare() {
  local name=$1; shift
  timeout 120 "$T/core" "$@" --log "$T/core.tsv" > "$T/core.out" 2> /dev/null
  timeout 120 "$BIN" "$@" --model rnn --layers 1 --batch 1 --log "$T/new.tsv" > "$T/new.out" \
    2> /dev/null
  if [ -s "$T/core.out" ] && [ -s "$T/core.tsv" ] && cmp -s "$T/core.out" "$T/new.out" &&
     cmp -s "$T/core.tsv" "$T/new.tsv"; then
    echo "PASS: $name: byte-identical to the first part's program"
  else echo "FAIL: $name: differs from the first part's program (${CORE:0:7})"; fi
}
compare "quijote, seed 7, samples every 1000" data/quijote-small.txt --seed 7 --iters 3000 \
  --sample-every 1000 --log-every 10
compare "shakespeare, H=64, T=40, lr 0.05, prompt" data/tinyshakespeare.txt --seed 3 \
  --hidden 64 --seq-length 40 --lr 0.05 --iters 2000 --prompt 'ROMEO:' --sample-every 500
compare "hola toy, greedy" data/hola.txt --seq-length 42 --iters 300 --greedy \
  --prompt 'Hola mundo, aprendien' --sample-length 21
exit 0
