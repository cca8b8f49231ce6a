#!/usr/bin/env bash
# Whole-program tests of training and sampling: determinism, sampling leaves training alone,
# priming, the hola.txt toy, Ctrl-C.  Usage: tests/train.sh PATH_TO_CHARRNN
# Prints one "PASS: name" or "FAIL: name: reason" line per test.
set -u
BIN=${1:?usage: tests/train.sh PATH_TO_CHARRNN}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }
run() { timeout 120 "$BIN" "$@"; }      # a hang is a failure, not a stuck suite

# Same seed, same output and log, byte for byte; another seed, another output.
small=(data/quijote-small.txt --iters 1500 --sample-every 500 --sample-length 80 --log-every 10)
run "${small[@]}" --seed 7 --log "$T/a.tsv" > "$T/a.out" 2> /dev/null
run "${small[@]}" --seed 7 --log "$T/b.tsv" > "$T/b.out" 2> /dev/null
run "${small[@]}" --seed 8 --log "$T/c.tsv" > "$T/c.out" 2> /dev/null
if [ -s "$T/a.out" ] && cmp -s "$T/a.out" "$T/b.out" && cmp -s "$T/a.tsv" "$T/b.tsv"; then
  pass "same --seed gives byte-identical samples and log"
else fail "same --seed gives byte-identical samples and log" "outputs differ or are empty"; fi
if ! cmp -s "$T/a.out" "$T/c.out" && ! cmp -s "$T/a.tsv" "$T/c.tsv"; then
  pass "a different --seed gives different samples and log"
else fail "a different --seed gives different samples and log" "identical"; fi

# The log: a header and one line per --log-every iterations, tab-separated, six columns.
lines=$(wc -l < "$T/a.tsv")
if [ "$(head -n 1 "$T/a.tsv")" = "$(printf 'iter\tchars\tloss\tsmooth_loss\tloss_per_char\tbits_per_char')" ] &&
   [ "$lines" -eq 151 ] && awk -F'\t' 'NF != 6 { exit 1 }' "$T/a.tsv"; then
  pass "log has a header and 150 rows of 6 tab-separated columns"
else fail "log has a header and 150 rows of 6 tab-separated columns" "$lines lines"; fi

# Sampling must not disturb training: the loss log is the same with and without samples.
run data/quijote-small.txt --iters 600 --sample-every 0 --log "$T/nos.tsv" --quiet > /dev/null
run data/quijote-small.txt --iters 600 --sample-every 1 --sample-length 30 --log "$T/s.tsv" \
  > /dev/null 2>&1
if [ -s "$T/s.tsv" ] && cmp -s "$T/nos.tsv" "$T/s.tsv"; then
  pass "sampling every iteration leaves the training loss log unchanged"
else fail "sampling every iteration leaves the training loss log unchanged" "logs differ"; fi

# Generated text is valid UTF-8 and starts with the prompt.
run data/quijote-small.txt --iters 300 --quiet --prompt '¿Qué dijo Sancho?' --sample-length 300 \
  > "$T/u.out"
if iconv -f UTF-8 -t UTF-8 "$T/u.out" > /dev/null 2>&1 && sed -n 2p "$T/u.out" | grep -q '^¿Qué dijo Sancho?'; then
  pass "samples are valid UTF-8 and begin with the prompt"
else fail "samples are valid UTF-8 and begin with the prompt" "$(head -c 200 "$T/u.out")"; fi

# The toy of seed 002: memorise one sentence, then continue it greedily from a prompt.
toy=(data/hola.txt --iters 300 --quiet --greedy --prompt 'Hola mundo, aprendien' --sample-length 21)
got=$(run "${toy[@]}" --seq-length 42 | sed -n 2p)
if [ "$got" = "Hola mundo, aprendiendo redes recurrentes!" ]; then
  pass "hola.txt toy (seq-length 42): greedy continuation is 'do redes recurrentes!'"
else fail "hola.txt toy (seq-length 42)" "got '$got'"; fi
# With seq-length 25 the characters after position 25 are never a target (see the book).
got=$(run "${toy[@]}" --seq-length 25 | sed -n 2p)
if [ -n "$got" ] && [ "$got" != "Hola mundo, aprendiendo redes recurrentes!" ]; then
  pass "hola.txt toy (seq-length 25): the unreachable tail is not learnt"
else fail "hola.txt toy (seq-length 25)" "got '$got'"; fi

# The gated cells learn the toy too, each in its own way.
for cell in lstm gru; do
  got=$(run "${toy[@]}" --seq-length 42 --model "$cell" | sed -n 2p)
  if [ "$got" = "Hola mundo, aprendiendo redes recurrentes!" ]; then
    pass "hola.txt toy with --model $cell: greedy continuation is 'do redes recurrentes!'"
  else fail "hola.txt toy with --model $cell" "got '$got'"; fi
done

# Spelling out the defaults changes nothing: --model rnn --layers 1 --batch 1 --optim adagrad.
run "${small[@]}" --seed 7 --model rnn --layers 1 --batch 1 --optim adagrad --log "$T/d.tsv" \
  > "$T/d.out" 2> /dev/null
if cmp -s "$T/a.out" "$T/d.out" && cmp -s "$T/a.tsv" "$T/d.tsv"; then
  pass "--model rnn --layers 1 --batch 1 --optim adagrad is the default, byte for byte"
else fail "--model rnn --layers 1 --batch 1 is the default" "outputs differ"; fi

# Streams: reproducible, and the log counts T*B characters per iteration.
bat=(data/quijote-small.txt --iters 200 --quiet --batch 4 --model gru,lstm --optim adam
     --sample-length 60 --log-every 10)
run "${bat[@]}" --log "$T/b1.tsv" > "$T/b1.out" 2> /dev/null
run "${bat[@]}" --log "$T/b2.tsv" > "$T/b2.out" 2> /dev/null
if [ -s "$T/b1.out" ] && cmp -s "$T/b1.out" "$T/b2.out" && cmp -s "$T/b1.tsv" "$T/b2.tsv" &&
   [ "$(tail -n 1 "$T/b1.tsv" | cut -f1,2)" = "$(printf '200\t20000')" ]; then
  pass "--batch 4 with a gru,lstm stack and Adam is reproducible; 200 iterations = 20000 chars"
else fail "--batch 4 with a gru,lstm stack" "$(tail -n 1 "$T/b1.tsv" | cut -f1,2)"; fi

# Top-k 1 is greedy picking: the same text, character for character.
run data/quijote-small.txt --iters 500 --quiet --greedy --sample-length 300 > "$T/g.out"
run data/quijote-small.txt --iters 500 --quiet --top-k 1 --sample-length 300 > "$T/k1.out"
run data/quijote-small.txt --iters 500 --quiet --temperature 0.8 --sample-length 300 > "$T/t8.out"
if [ -s "$T/g.out" ] && cmp -s "$T/g.out" "$T/k1.out" && ! cmp -s "$T/g.out" "$T/t8.out"; then
  pass "--top-k 1 writes exactly what --greedy writes (and --temperature 0.8 does not)"
else fail "--top-k 1 is greedy" "outputs differ"; fi

# Threads share out the work but not the results: byte-identical output and log.
thr=(data/quijote-small.txt --iters 150 --quiet --batch 5 --model lstm,gru --optim adam
     --sample-length 80 --log-every 5)
run "${thr[@]}" --threads 1 --log "$T/t1.tsv" > "$T/t1.out" 2> /dev/null
run "${thr[@]}" --threads 3 --log "$T/t3.tsv" > "$T/t3.out" 2> /dev/null
run "${small[@]}" --seed 7 --threads 2 --log "$T/t2.tsv" > "$T/t2.out" 2> /dev/null
if [ -s "$T/t1.out" ] && cmp -s "$T/t1.out" "$T/t3.out" && cmp -s "$T/t1.tsv" "$T/t3.tsv" &&
   cmp -s "$T/a.out" "$T/t2.out" && cmp -s "$T/a.tsv" "$T/t2.tsv"; then
  pass "--threads 3 and --threads 2 give byte-identical samples and logs to one thread"
else fail "--threads gives the same results" "outputs differ"; fi

# Ctrl-C: a clean stop, exit 0, the log complete up to the last iteration, a final sample.
# timeout sends SIGINT after one second, as Ctrl-C would, and SIGKILL 60 s later if ignored.
# --foreground: one signal to the program; without it timeout also signals its process group,
# so the program would get two in a row (a second Ctrl-C), which is a different test.
timeout --foreground --preserve-status -s INT -k 60 1 "$BIN" data/tinyshakespeare.txt --iters 100000000 \
  --log "$T/int.tsv" --log-every 1 > "$T/int.out" 2> "$T/int.err"
status=$?
last=$(tail -n 1 "$T/int.tsv" | cut -f1)
if [ $status -eq 0 ] && grep -q 'stopped by signal after' "$T/int.err" &&
   grep -q 'sample after' "$T/int.out" && [ "${last:-0}" -gt 0 ] 2>/dev/null &&
   grep -q "after $last of" "$T/int.err"; then
  pass "SIGINT stops training cleanly after iteration $last, log complete"
else fail "SIGINT stops training cleanly" "status $status, last log row '$last'"; fi

# SIGTERM (or a second Ctrl-C) also cuts short a sample that would take an hour to write.
start=$SECONDS
timeout --foreground --preserve-status -s TERM -k 30 1 "$BIN" data/hola.txt --seq-length 10 --iters 1 \
  --quiet --sample-length 1000000000 > "$T/long.out" 2> "$T/long.err"
status=$?
took=$((SECONDS - start))
if [ $status -eq 0 ] && [ $took -lt 10 ] && grep -q 'sample after 1 iterations' "$T/long.out"; then
  pass "SIGTERM cuts a 10^9-character sample short and exits cleanly (${took}s)"
else fail "SIGTERM cuts a long sample short" "status $status after ${took}s"; fi
