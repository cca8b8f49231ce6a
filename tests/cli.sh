#!/usr/bin/env bash
# tests/cli.sh -- command-line and bad-input tests for charrnn.
#
# Usage: tests/cli.sh PATH_TO_CHARRNN_BINARY   (run from the repository root)
#
# Prints one line per test on stdout: "PASS: name" or "FAIL: name: reason".
# Diagnostics go to stderr.  Exits 0 (a runner counts the lines), or 2 if the
# binary argument is missing.
#
# A bad-input test passes only if the program
#   - exits with a status that is non-zero and < 128 (no crash, no timeout 124),
#   - writes exactly one non-empty line to stderr (one trailing newline allowed),
#   - that line starts with "charrnn: ",
#   - and it contains every expected keyword (case-insensitive, fixed string).

if [ $# -lt 1 ] || [ -z "$1" ]; then
    echo "usage: $0 PATH_TO_CHARRNN_BINARY" >&2
    exit 2
fi
BIN=$1
[ -x "$BIN" ] || echo "cli.sh: warning: '$BIN' is not an executable file" >&2

DATA=${CHARRNN_DATA:-data}       # corpus directory, relative to the repo root
HOLA=$DATA/hola.txt              # 43 ASCII characters
[ -r "$HOLA" ] || echo "cli.sh: warning: '$HOLA' not found (run from the repository root)" >&2

TMP=$(mktemp -d) || exit 0
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
OUT=$TMP/stdout
ERR=$TMP/stderr

# run ARGS... : run the program under a timeout; sets $status.
run() {
    timeout 20 "$BIN" "$@" </dev/null >"$OUT" 2>"$ERR"
    status=$?
}

pass() { echo "PASS: $1"; }

# fail NAME WHY : report with the exit status and (flattened) stderr.
fail() {
    local err
    err=$(head -c 300 "$ERR" | tr '\n' '|')
    echo "FAIL: $1: $2 (exit status $status, stderr: '$err')"
}

# stderr_line_count : number of lines in $ERR, counting an unterminated last line.
stderr_line_count() {
    local n
    n=$(wc -l <"$ERR")
    [ -n "$(tail -c 1 "$ERR")" ] && n=$((n + 1))
    echo "$n"
}

# expect_error NAME KEYWORD... -- ARGS...
expect_error() {
    local name=$1; shift
    local -a keys=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do keys+=("$1"); shift; done
    shift   # the "--"
    run "$@"
    if [ "$status" -eq 0 ]; then fail "$name" "expected failure, got success"; return; fi
    if [ "$status" -eq 124 ]; then fail "$name" "timed out"; return; fi
    if [ "$status" -ge 128 ]; then fail "$name" "killed by a signal / crashed"; return; fi
    local lines
    lines=$(stderr_line_count)
    if [ "$lines" -ne 1 ]; then fail "$name" "expected 1 line on stderr, got $lines"; return; fi
    local line
    line=$(head -n 1 "$ERR")
    if [ -z "$line" ]; then fail "$name" "empty stderr line"; return; fi
    case $line in
        "charrnn: "*) ;;
        *) fail "$name" "stderr line does not start with 'charrnn: '"; return ;;
    esac
    local k
    for k in "${keys[@]}"; do
        if ! printf '%s\n' "$line" | grep -qiF -e "$k"; then
            fail "$name" "stderr does not mention '$k'"; return
        fi
    done
    pass "$name"
}

# expect_success NAME ARGS...
expect_success() {
    local name=$1; shift
    run "$@"
    if [ "$status" -ne 0 ]; then fail "$name" "expected exit status 0"; return; fi
    pass "$name"
}

# expect_help NAME FLAG : exits 0 and stdout mentions every option.
HELP_OPTIONS=(--hidden --seq-length --lr --iters --seed --sample-every
              --sample-length --print-every --prompt --greedy --log --quiet
              --bench --model --layers --batch --optim --momentum --decay --beta1
              --beta2 --clip-norm --threads --temperature --top-k --top-p --help)
expect_help() {
    local name=$1 flag=$2
    run "$flag"
    if [ "$status" -ne 0 ]; then fail "$name" "expected exit status 0"; return; fi
    local o
    for o in "${HELP_OPTIONS[@]}"; do
        if ! grep -qF -e "$o" "$OUT"; then fail "$name" "stdout does not mention $o"; return; fi
    done
    pass "$name"
}

# ---------------------------------------------------------------- test files
printf '' >"$TMP/empty.txt"
printf 'abc' >"$TMP/abc.txt"
PAD='abcdefghijklmnopqrstuvwxyz0123'                           # 30 ASCII chars
printf 'ab\xffcd%s\n' "$PAD"         >"$TMP/badbyte.txt"       # 0xFF at offset 2
printf '%s\xc3'       "$PAD"         >"$TMP/truncated.txt"     # lone lead byte at 30
printf '\xc0\xaf%s\n' "$PAD"         >"$TMP/overlong.txt"      # overlong '/' at 0
printf 'ab\xed\xa0\x80%s\n' "$PAD"   >"$TMP/surrogate.txt"     # U+D800 at offset 2
mkdir "$TMP/dir"
N_WITH_TILDE=$'\xc3\xb1'                                       # "ñ" (U+00F1) in UTF-8
QUICK=(--seq-length 10 --iters 1 --quiet)   # keeps a wrongly accepted run short

# ---------------------------------------------------------------- good input
expect_help    help                --help
expect_help    help-short          -h
run --help; cp "$OUT" "$TMP/help.out"; run -h
if cmp -s "$OUT" "$TMP/help.out"; then pass help-short-same-as-long
else fail help-short-same-as-long "-h output differs from --help output"; fi
expect_success tiny-run            "$HOLA" --seq-length 10 --iters 5 --quiet
expect_success seq-length-boundary "$HOLA" --seq-length 42 --iters 1 --quiet
expect_success mixed-stack         "$HOLA" --seq-length 10 --iters 3 --quiet --model gru,lstm,rnn
expect_success batch-boundary      "$HOLA" --seq-length 10 --iters 9 --quiet --batch 3 --model lstm
expect_success every-optimiser     "$HOLA" --seq-length 10 --iters 3 --quiet --optim sgd --momentum 0
expect_success sampling-controls   "$HOLA" --seq-length 10 --iters 3 --quiet --temperature 0.5 --top-k 5 --top-p 0.9
expect_success adam-clip-norm      "$HOLA" --seq-length 10 --iters 3 --quiet --optim adam --clip-norm 1

# ---------------------------------------------------------------- corpus errors
expect_error missing-file        "cannot open" "nope.txt"   -- "$TMP/nope.txt"
expect_error directory-data      "is a directory"           -- "$DATA/"
expect_error directory-tmp       "is a directory"           -- "$TMP/dir"
expect_error unreadable-proc-mem "cannot read"              -- /proc/self/mem
if [ "$(id -u)" -ne 0 ]; then
    printf 'unreadable corpus, long enough to train on\n' >"$TMP/noperm.txt"
    chmod 000 "$TMP/noperm.txt"
    expect_error unreadable-chmod "cannot open"             -- "$TMP/noperm.txt"
fi
expect_error empty-file          "is empty"                 -- "$TMP/empty.txt"
expect_error too-short-abc       "too short"                -- "$TMP/abc.txt"
expect_error too-short-hola      "too short"                -- "$HOLA" --seq-length 43 --iters 1 --quiet

# ---------------------------------------------------------------- invalid UTF-8
expect_error utf8-bad-byte       "invalid UTF-8" "byte offset 2"  -- "$TMP/badbyte.txt"
expect_error utf8-truncated      "invalid UTF-8" "byte offset 30" -- "$TMP/truncated.txt"
expect_error utf8-overlong       "invalid UTF-8" "byte offset 0"  -- "$TMP/overlong.txt"
expect_error utf8-surrogate      "invalid UTF-8"                  -- "$TMP/surrogate.txt"

# ---------------------------------------------------------------- bad numbers
expect_error hidden-zero         --hidden        -- "$HOLA" "${QUICK[@]}" --hidden 0
expect_error hidden-abc          --hidden        -- "$HOLA" "${QUICK[@]}" --hidden abc
expect_error hidden-trailing     --hidden        -- "$HOLA" "${QUICK[@]}" --hidden 12x
expect_error hidden-negative     --hidden        -- "$HOLA" "${QUICK[@]}" --hidden -5
expect_error hidden-too-big      --hidden        -- "$HOLA" "${QUICK[@]}" --hidden 99999
expect_error hidden-empty        --hidden        -- "$HOLA" "${QUICK[@]}" --hidden ''
expect_error lr-negative         --lr            -- "$HOLA" "${QUICK[@]}" --lr -1
expect_error lr-zero             --lr            -- "$HOLA" "${QUICK[@]}" --lr 0
expect_error lr-nan              --lr            -- "$HOLA" "${QUICK[@]}" --lr nan
expect_error lr-inf              --lr            -- "$HOLA" "${QUICK[@]}" --lr inf
expect_error lr-overflow         --lr            -- "$HOLA" "${QUICK[@]}" --lr 1e999
expect_error iters-abc           --iters         -- "$HOLA" "${QUICK[@]}" --iters abc
expect_error iters-zero          --iters         -- "$HOLA" "${QUICK[@]}" --iters 0
expect_error seq-length-zero     --seq-length    -- "$HOLA" "${QUICK[@]}" --seq-length 0
expect_error sample-length-neg   --sample-length -- "$HOLA" "${QUICK[@]}" --sample-length -1
expect_error print-every-zero    --print-every   -- "$HOLA" "${QUICK[@]}" --print-every 0
expect_error seed-negative       --seed          -- "$HOLA" "${QUICK[@]}" --seed -1
expect_error seed-2-pow-64       --seed          -- "$HOLA" "${QUICK[@]}" --seed 18446744073709551616

# ---------------------------------------------------------------- usage errors
expect_error missing-value       "needs a value" --hidden          -- "$HOLA" "${QUICK[@]}" --hidden
expect_error unknown-option      "unknown option" --frobnicate     -- "$HOLA" "${QUICK[@]}" --frobnicate
expect_error two-corpora         "unexpected argument"             -- "$HOLA" "$HOLA" "${QUICK[@]}"
expect_error prompt-ascii        "not in the vocabulary" Z         -- "$HOLA" "${QUICK[@]}" --prompt 'Hola Zorro'
expect_error prompt-non-ascii    "not in the vocabulary" U+00F1    -- "$HOLA" "${QUICK[@]}" --prompt "$N_WITH_TILDE"
expect_error log-unwritable      "cannot open"                     -- "$HOLA" "${QUICK[@]}" --log /nonexistent/dir/log.tsv

# ---------------------------------------------------------------- data that must not be lost
cp "$HOLA" "$TMP/corpus.txt"
expect_error log-over-corpus     "would overwrite"                 -- "$TMP/corpus.txt" "${QUICK[@]}" --log "$TMP/corpus.txt"
if cmp -s "$HOLA" "$TMP/corpus.txt"; then pass log-over-corpus-kept; else fail log-over-corpus-kept "corpus changed"; fi
# The same file under another name: ./corpus.txt, or a symbolic link to it.
ln -s corpus.txt "$TMP/link.txt"
expect_error log-over-corpus-dot  "corpus under another name"     -- "$TMP/corpus.txt" "${QUICK[@]}" --log "$TMP/./corpus.txt"
expect_error log-over-corpus-link "corpus under another name"     -- "$TMP/corpus.txt" "${QUICK[@]}" --log "$TMP/link.txt"
if cmp -s "$HOLA" "$TMP/corpus.txt"; then pass log-over-corpus-other-name-kept; else fail log-over-corpus-other-name-kept "corpus changed"; fi
# An existing log that is not the corpus is overwritten as before.
printf 'old log\n' > "$TMP/old.tsv"
expect_success log-overwrites-old-log "$TMP/corpus.txt" "${QUICK[@]}" --log "$TMP/old.tsv"
if head -n 1 "$TMP/old.tsv" | grep -q '^iter'; then pass log-old-replaced; else fail log-old-replaced "old log kept"; fi
expect_error endless-input       "too large"                       -- /dev/zero
# A value that looks like an option is still a value: --prompt -h is a prompt, not --help.
expect_error prompt-dash-h       "not in the vocabulary" "U+002D"  -- "$HOLA" "${QUICK[@]}" --prompt -h

# ---------------------------------------------------------------- cells, layers, streams, optimisers
expect_error model-unknown       "--model" "rnn, lstm or gru" transformer -- "$HOLA" "${QUICK[@]}" --model transformer
expect_error model-empty         "--model" "rnn, lstm or gru"     -- "$HOLA" "${QUICK[@]}" --model ''
expect_error model-empty-layer   "--model" "rnn, lstm or gru"     -- "$HOLA" "${QUICK[@]}" --model 'lstm,,gru'
expect_error model-trailing-comma "--model" "rnn, lstm or gru"    -- "$HOLA" "${QUICK[@]}" --model 'gru,'
expect_error model-too-many      "more than 8"                    -- "$HOLA" "${QUICK[@]}" --model rnn,rnn,rnn,rnn,rnn,rnn,rnn,rnn,rnn
expect_error model-vs-layers     "lists 2 layers" "--layers says 3" -- "$HOLA" "${QUICK[@]}" --model gru,lstm --layers 3
expect_error layers-zero         --layers "1 to 8"                -- "$HOLA" "${QUICK[@]}" --layers 0
expect_error layers-nine         --layers "1 to 8"                -- "$HOLA" "${QUICK[@]}" --layers 9
expect_error temperature-zero    --temperature "above 0"          -- "$HOLA" "${QUICK[@]}" --temperature 0
expect_error top-k-negative      --top-k                          -- "$HOLA" "${QUICK[@]}" --top-k -1
expect_error top-p-zero          --top-p "above 0"                -- "$HOLA" "${QUICK[@]}" --top-p 0
expect_error top-p-above-one     --top-p "at most 1"              -- "$HOLA" "${QUICK[@]}" --top-p 1.5
expect_error threads-zero        --threads "1 to 64"              -- "$HOLA" "${QUICK[@]}" --threads 0
expect_error threads-too-many    --threads "1 to 64"              -- "$HOLA" "${QUICK[@]}" --threads 65
expect_error batch-zero          --batch                          -- "$HOLA" "${QUICK[@]}" --batch 0
expect_error batch-too-big       "too short" "--batch 4"          -- "$HOLA" "${QUICK[@]}" --batch 4
expect_error optim-unknown       --optim "sgd, adagrad, rmsprop or adam" lbfgs -- "$HOLA" "${QUICK[@]}" --optim lbfgs
expect_error momentum-one        --momentum "not including"       -- "$HOLA" "${QUICK[@]}" --momentum 1
expect_error beta2-negative      --beta2 "from 0"                 -- "$HOLA" "${QUICK[@]}" --beta2 -0.1
expect_error decay-nan           --decay                          -- "$HOLA" "${QUICK[@]}" --decay nan
expect_error model-too-big       "GiB" --hidden                   -- "$DATA/tinyshakespeare.txt" --quiet --iters 1 --model lstm --hidden 4096 --seq-length 100000
expect_error clip-norm-zero      --clip-norm                      -- "$HOLA" "${QUICK[@]}" --clip-norm 0

# Standard output that cannot be written (a full disk) is an error, not a silent success.
stdout_full() {
    local name=$1; shift
    timeout 20 "$BIN" "$@" > /dev/full 2> "$ERR"; status=$?
    if [ "$status" -ne 0 ] && [ "$status" -lt 128 ] && [ "$(stderr_line_count)" -eq 1 ] &&
       grep -q '^charrnn: cannot write to standard output' "$ERR"; then pass "$name"
    else fail "$name" "exit status $status, stderr: $(head -c 200 "$ERR")"; fi
}
stdout_full stdout-full-sample   "$HOLA" "${QUICK[@]}" --sample-length 50
stdout_full stdout-full-help     --help

exit 0
