#!/usr/bin/env bash
# Runs every test and ends with one line "N passed, M failed" (exit 1 if M > 0).
# Usage: tests/run.sh CHARRNN TEST_CHARRNN MUTANT_TEST_CHARRNN MUTANT_GRU_TEST_CHARRNN
set -u
BIN=$1 TESTBIN=$2 MUTANT=$3 MUTANT_GRU=$4
here=$(dirname "$0")
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# A test program that crashes, or fails without saying which test, is itself a failure.
unit() {
  local name=$1; shift
  local out status
  out=$("$@" 2>&1); status=$?
  printf '%s\n' "$out" | tee -a "$log"
  if [ $status -ne 0 ] && ! grep -q '^FAIL' <<< "$out"; then
    echo "FAIL: $name exited with status $status" | tee -a "$log"
  fi
}

echo "== unit tests ($TESTBIN)"
unit test_charrnn "$TESTBIN"

# mutant NAME PROGRAM FAILING: the check must fail (status 1), on lines matching the regular
# expression FAILING and only there, and pass the other lines.
mutant() {
  local name=$1 prog=$2 failing=$3 out status nfail nbad npass
  out=$("$prog" --gradcheck 2>&1); status=$?
  nfail=$(grep -c '^FAIL' <<< "$out")
  nbad=$(grep '^FAIL' <<< "$out" | grep -cvE "$failing")
  npass=$(grep -c '^PASS: gradient check' <<< "$out")
  if [ $status -eq 1 ] && [ "$nfail" -gt 0 ] && [ "$nbad" -eq 0 ] && [ "$npass" -gt 0 ] &&
     [ "$(grep -E "$failing" <<< "$out" | grep -c '^PASS')" -eq 0 ]; then
    echo "PASS: gradient check catches $name: $nfail tensors fail, only where they must" | tee -a "$log"
  else
    echo "FAIL: gradient check did not single out $name (status $status, $nfail failures, $nbad misplaced)" | tee -a "$log"
  fi
}
echo "== the gradient check must catch the seeds' mistakes ($MUTANT, $MUTANT_GRU)"
mutant "h_t used for h_{t-1} in dWhh" "$MUTANT" 'check simple( H=13)? dWhh'
# The GRU's own tensors fail, and those of every layer below a GRU; the rest must pass.
mutant "the GRU without its direct road" "$MUTANT_GRU" \
  'check (gru|gru,lstm,rnn B=[35]( H=13)?) d(Wxh|Whh|bh)\[0\]|check lstm,gru B=9 H=13 d(Wxh|Whh|bh)\['

echo "== the first part's listings speak of the simple network only"
if sh build/bookcheck.sh --parts build/charrnn-es.nw && sh build/bookcheck.sh --parts build/charrnn-en.nw; then
  echo "PASS: no listing of the first part mentions lstm, gru, gates, streams, threads or strides" | tee -a "$log"
else
  echo "FAIL: a listing of the first part speaks of the general engine (above)" | tee -a "$log"
fi

echo "== the prose types no measured number (build/numbers.tex has them)"
if sh build/bookcheck.sh --numbers build/charrnn-es.nw && sh build/bookcheck.sh --numbers build/charrnn-en.nw; then
  echo "PASS: no figure followed by a unit of measurement is typed in the prose" | tee -a "$log"
else
  echo "FAIL: the prose types a measured number (above); use a macro of build/numbers.tex" | tee -a "$log"
fi

echo "== the default network is the first part's program ($BIN)"
bash "$here/core.sh" "$BIN" | tee -a "$log"

echo "== command line and bad input ($BIN)"
bash "$here/cli.sh" "$BIN" | tee -a "$log"
echo "== training and sampling ($BIN)"
bash "$here/train.sh" "$BIN" | tee -a "$log"

echo "== fuzzing regression inputs ($TESTBIN --replay)"
unit fuzz-regress "$TESTBIN" --replay "$here"/fuzz-regress/*.bin "$here"/fuzz-regress/*.txt

echo "== checkpoints, resuming, sampling and evaluation ($BIN)"
bash "$here/checkpoint.sh" "$BIN" | tee -a "$log"

passed=$(grep -c '^PASS' "$log")
failed=$(grep -c '^FAIL' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
