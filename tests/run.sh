#!/usr/bin/env bash
# Runs every test and ends with one line "N passed, M failed" (exit 1 if M > 0).
# Usage: tests/run.sh CHARRNN TEST_CHARRNN MUTANT_TEST_CHARRNN
set -u
BIN=$1 TESTBIN=$2 MUTANT=$3
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

echo "== the gradient check must catch seed 002's dWhh slip ($MUTANT)"
out=$("$MUTANT" --gradcheck 2>&1); status=$?
if [ $status -eq 1 ] && grep -q '^FAIL: gradient check dWhh' <<< "$out" &&
   [ "$(grep -c '^PASS: gradient check' <<< "$out")" -eq 4 ]; then
  echo "PASS: gradient check catches h_t used for h_{t-1} in dWhh, and only there" | tee -a "$log"
else
  echo "FAIL: gradient check did not single out the dWhh mutant (status $status)" | tee -a "$log"
fi

echo "== command line and bad input ($BIN)"
bash "$here/cli.sh" "$BIN" | tee -a "$log"
echo "== training and sampling ($BIN)"
bash "$here/train.sh" "$BIN" | tee -a "$log"

passed=$(grep -c '^PASS' "$log")
failed=$(grep -c '^FAIL' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
