#!/usr/bin/env bash
# tests/checkpoint.sh -- whole-program tests of checkpoints, resuming, --init-from, inspect,
# the sample subcommand, held-out evaluation, early stopping and divergence.
#
# Usage: tests/checkpoint.sh PATH_TO_CHARRNN   (run from the repository root)
#
# Prints one line per test on stdout: "PASS: name" or "FAIL: name: reason".  Always exits 0
# (tests/run.sh counts the lines).  Needs python3 to build damaged checkpoints and to count
# characters; without it those tests fail and say so.
#
# An error test passes only if the program exits with a status that is non-zero and < 128
# (no crash, no timeout), writes exactly one line to stderr, which starts with "charrnn: " and
# contains every expected keyword (case-insensitive, fixed strings).
set -u
BIN=${1:?usage: tests/checkpoint.sh PATH_TO_CHARRNN}
[ -x "$BIN" ] || echo "checkpoint.sh: warning: '$BIN' is not an executable file" >&2
DATA=${CHARRNN_DATA:-data}
SMALL=$DATA/quijote-small.txt
HOLA=$DATA/hola.txt
[ -r "$SMALL" ] || echo "checkpoint.sh: warning: '$SMALL' not found (run from the repository root)" >&2

T=$(mktemp -d) || exit 0
BGPID=
cleanup() {
    [ -n "$BGPID" ] && kill -9 "$BGPID" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
OUT=$T/stdout
ERR=$T/stderr

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }
flat() { head -c 300 "$1" 2>/dev/null | tr '\n' '|'; }

# run ARGS... : the program under a timeout (a hang is a failure, not a stuck suite).
run() { timeout 120 "$BIN" "$@" </dev/null; }

# inspect_line CKPT PREFIX : the line of `charrnn inspect CKPT` that starts with PREFIX.
inspect_line() { "$BIN" inspect "$1" 2>/dev/null | grep -m 1 "^$2"; }
# iteration_of CKPT : the iteration inspect reports ("" if it cannot read the file).
iteration_of() { inspect_line "$1" 'iteration: ' | sed -n 's/^iteration: \([0-9]*\),.*/\1/p'; }

# stderr_line_count FILE : lines in FILE, counting an unterminated last line.
stderr_line_count() {
    local n
    n=$(wc -l <"$1")
    [ -n "$(tail -c 1 "$1")" ] && n=$((n + 1))
    echo "$n"
}

# one_line_error STATUS KEYWORD... : "" if $ERR is a good one-line error, else the reason.
one_line_error() {
    local st=$1; shift
    if [ "$st" -eq 0 ]; then echo "expected failure, got success"; return; fi
    if [ "$st" -eq 124 ]; then echo "timed out"; return; fi
    if [ "$st" -ge 128 ]; then echo "killed by a signal / crashed (status $st)"; return; fi
    local lines line k
    lines=$(stderr_line_count "$ERR")
    if [ "$lines" -ne 1 ]; then echo "expected 1 line on stderr, got $lines: '$(flat "$ERR")'"; return; fi
    line=$(head -n 1 "$ERR")
    case $line in
        "charrnn: "?*) ;;
        *) echo "stderr line does not start with 'charrnn: ': '$line'"; return ;;
    esac
    for k in "$@"; do
        if ! printf '%s\n' "$line" | grep -qiF -e "$k"; then
            echo "stderr does not mention '$k': '$line'"; return
        fi
    done
}

# expect_error NAME KEYWORD... -- ARGS...
expect_error() {
    local name=$1; shift
    local -a keys=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do keys+=("$1"); shift; done
    shift
    run "$@" >"$OUT" 2>"$ERR"
    local st=$? why
    why=$(one_line_error "$st" "${keys[@]}")
    if [ -z "$why" ]; then pass "$name"; else fail "$name" "$why"; fi
}

# Python helpers: damaged and crafted checkpoints, corpus CRCs, character counts.
HAVE_PY=1
command -v python3 >/dev/null 2>&1 || HAVE_PY=0
PY=$T/ck.py
cat >"$PY" <<'EOF'
import sys, struct, zlib

def load(p):
    return bytearray(open(p, 'rb').read())

def fix_crc(d):
    struct.pack_into('<I', d, len(d) - 4, zlib.crc32(bytes(d[:-4])))

def layout(d):
    """Offsets of a version-1 checkpoint's fields, walked in the order of the format table."""
    at = 28                                   # signature, version, byte order, real size, length
    L = struct.unpack_from('<I', d, at)[0]; at += 4
    kinds = list(struct.unpack_from('<%dI' % L, d, at)); at += 4 * L
    H, T, B, V = struct.unpack_from('<4I', d, at); at += 16
    nb = struct.unpack_from('<I', d, at)[0]; at += 4
    vocab = bytes(d[at:at + nb]).decode('utf-8'); at += nb
    at += 4 + 4                               # first character, optimiser
    at += 6 * 8 + 8 + 8 + 8                   # lr..decay, clip norm; steps, seed, held-out fraction
    at += 8 + 4 + 8 + 8 + 8 + 8 + 8 + 8       # corpus, iteration, losses, best iter, stale, rng
    at += 8 * B                               # positions
    n = struct.unpack_from('<Q', d, at)[0]; at += 8
    return dict(L=L, kinds=kinds, H=H, T=T, B=B, V=V, vocab=vocab, params=at, n=n)

cmd, args = sys.argv[1], sys.argv[2:]
if cmd == 'xor':                              # xor SRC DST OFFSET(-1: middle) MASK
    d = load(args[0]); off = int(args[2]); off = len(d) // 2 if off < 0 else off
    d[off] ^= int(args[3], 0); open(args[1], 'wb').write(d)
elif cmd == 'u32':                            # u32 SRC DST OFFSET VALUE FIXCRC
    d = load(args[0]); struct.pack_into('<I', d, int(args[2]), int(args[3]))
    if args[4] == '1': fix_crc(d)
    open(args[1], 'wb').write(d)
elif cmd == 'crc':                            # crc FILE: CRC-32 of all but the last 4 bytes
    d = load(args[0]); print('%08x' % zlib.crc32(bytes(d[:-4])))
elif cmd == 'filecrc':                        # filecrc FILE: CRC-32 of the whole file
    print('%08x' % zlib.crc32(bytes(load(args[0]))))
elif cmd == 'nchars':                         # nchars FILE: UTF-8 characters in FILE
    print(len(open(args[0], encoding='utf-8').read()))
elif cmd == 'codepoint':                      # codepoint FILE OFFSET: U+XXXX of character OFFSET
    print('U+%04X' % ord(open(args[0], encoding='utf-8').read()[int(args[1])]))
elif cmd == 'swap':                           # swap SRC DST: swap two neighbouring characters
    t = list(open(args[0], encoding='utf-8').read()); i = len(t) // 2
    while t[i] == t[i + 1]: i += 1
    t[i], t[i + 1] = t[i + 1], t[i]
    open(args[1], 'w', encoding='utf-8', newline='').write(''.join(t))
elif cmd == 'poison':
    # poison SRC CORPUS NEXT DST: an rnn checkpoint whose loss becomes infinite (NaN) at the first
    # window that reads a chosen character c, and stays finite (and the weights stable) before.
    # Hidden unit 0 is +1 on c and -1 on every other character, unit 1 is always +1 (both
    # saturated, so their gradients are exactly 0); one output row weighs both by 1e308, so its
    # score is 1e308 - 1e308 = 0 except on c, where it is 1e308 + 1e308 = inf.
    # Prints the iteration at which training must stop, and c.
    d = load(args[0]); f = layout(d); text = open(args[1], encoding='utf-8').read()
    nxt = int(args[2]); H, V, T, p = f['H'], f['V'], f['T'], f['params']
    assert f['L'] == 1 and f['kinds'] == [0] and f['B'] == 1
    best = None
    for ci, ch in enumerate(f['vocab']):      # the character met first, 50 windows on or more
        pos = text.find(ch, nxt)
        if pos < 0: continue
        w = (pos - nxt) // T                  # windows read whole before the one with c
        if 50 <= w <= 1500 and (best is None or w < best[0]): best = (w, ci, ch)
    w, c, ch = best
    put = lambda i, v: struct.pack_into('<d', d, p + 8 * i, v)
    for x in range(V):
        put(0 * V + x, 1e300 if x == c else -1e300)      # Wxh row 0
        put(1 * V + x, 1e300)                            # Wxh row 1
    why = H * V + H * H                                  # Why (V x H) follows Wxh and Whh
    k = (c + 1) % V
    put(why + k * H + 0, 1e308); put(why + k * H + 1, 1e308)
    fix_crc(d); open(args[3], 'wb').write(d)
    print(w + 1, 'U+%04X' % ord(ch))
EOF
py() { if [ $HAVE_PY -eq 1 ]; then python3 "$PY" "$@"; else return 1; fi; }

# ============================================================================ 1. resume, rnn
# 300 iterations in one go versus 200, then --resume to 300: the same checkpoint, byte for byte,
# and the same samples from iteration 300 on (the sampling generator is saved too).
o1=(--hidden 32 --sample-every 100 --sample-length 40)
run "${o1[@]}" --iters 300 --save "$T/a.ck" >"$T/a.out" 2>"$T/a.err"; sa=$?
run "${o1[@]}" --iters 200 --save "$T/b.ck" >"$T/b1.out" 2>"$T/b1.err"; sb1=$?
cp "$T/b.ck" "$T/b200.ck" 2>/dev/null
run "${o1[@]}" --resume "$T/b.ck" --iters 300 --save "$T/b.ck" >"$T/b2.out" 2>"$T/b2.err"; sb2=$?
name="resume (rnn): 200 + --resume to 300 gives a checkpoint byte-identical to 300 straight"
if [ $sa -ne 0 ] || [ $sb1 -ne 0 ] || [ $sb2 -ne 0 ]; then
    fail "$name" "exit statuses $sa, $sb1, $sb2 ($(flat "$T/b2.err"))"
elif [ ! -s "$T/a.ck" ] || ! cmp -s "$T/a.ck" "$T/b.ck"; then fail "$name" "checkpoints differ"
else pass "$name"; fi
# The straight run's output from the sample at iteration 300 on is all the resumed run writes.
sed -n '/^---- sample at iteration 300 /,$p' "$T/a.out" >"$T/a.tail"
name="resume (rnn): the samples at and after iteration 300 are identical"
if [ "$(grep -c '^---- sample' "$T/a.tail")" -ne 2 ]; then
    fail "$name" "the straight run did not write the samples at and after 300: '$(flat "$T/a.out")'"
elif cmp -s "$T/a.tail" "$T/b2.out" && [ "$(tail -n 2 "$T/a.out")" = "$(tail -n 2 "$T/b2.out")" ]
then pass "$name"
else fail "$name" "straight '$(flat "$T/a.tail")' vs resumed '$(flat "$T/b2.out")'"; fi
name="resume (rnn): stderr says it resumes at iteration 200"
if grep -q "resum.* 200" "$T/b2.err"; then pass "$name"; else fail "$name" "'$(flat "$T/b2.err")'"; fi

# ============================================================================ 2. resume, lstm
# Two LSTM layers, Adam, 3 streams, held-out evaluation (so the best loss is in the state);
# the first half runs on two threads.  The log is appended to on --resume.
o2=(--hidden 32 --model lstm --layers 2 --optim adam --batch 3 --val-frac 0.1 --eval-every 50
    --sample-every 100 --sample-length 40 --log-every 50)
run "${o2[@]}" --iters 300 --save "$T/la.ck" --log "$T/la.tsv" >"$T/la.out" 2>"$T/la.err"; sa=$?
run "${o2[@]}" --iters 200 --save "$T/lb.ck" --log "$T/lb.tsv" --threads 2 >"$T/lb1.out" 2>"$T/lb1.err"; sb1=$?
run "${o2[@]}" --resume "$T/lb.ck" --iters 300 --save "$T/lb.ck" --log "$T/lb.tsv" >"$T/lb2.out" 2>"$T/lb2.err"; sb2=$?
name="resume (2-layer lstm, adam, batch 3, held-out, threads 2 then 1): byte-identical checkpoint"
if [ $sa -ne 0 ] || [ $sb1 -ne 0 ] || [ $sb2 -ne 0 ]; then
    fail "$name" "exit statuses $sa, $sb1, $sb2 ($(flat "$T/lb2.err"))"
elif [ ! -s "$T/la.ck" ] || ! cmp -s "$T/la.ck" "$T/lb.ck"; then fail "$name" "checkpoints differ"
else pass "$name"; fi
name="resume (lstm): the best checkpoints (FILE.best) are byte-identical"
if [ -s "$T/la.ck.best" ] && cmp -s "$T/la.ck.best" "$T/lb.ck.best"; then pass "$name"
else fail "$name" "missing or different"; fi
sed -n '/^---- sample at iteration 300 /,$p' "$T/la.out" >"$T/la.tail"
name="resume (lstm): the samples at and after iteration 300 are identical"
if [ -s "$T/la.tail" ] && cmp -s "$T/la.tail" "$T/lb2.out"; then pass "$name"
else fail "$name" "straight '$(flat "$T/la.tail")' vs resumed '$(flat "$T/lb2.out")'"; fi
name="resume (lstm): the held-out evaluations at 250 and 300 are identical"
grep '^eval' "$T/la.err" | tail -n 2 >"$T/la.ev"
grep '^eval' "$T/lb2.err" >"$T/lb.ev"
if [ "$(wc -l <"$T/la.ev")" -eq 2 ] && cmp -s "$T/la.ev" "$T/lb.ev"; then pass "$name"
else fail "$name" "'$(flat "$T/la.ev")' vs '$(flat "$T/lb.ev")'"; fi
name="resume (lstm): --log is appended to, and equals the straight run's log"
if [ "$(grep -c '^iter' "$T/lb.tsv")" -eq 1 ] && [ "$(wc -l <"$T/la.tsv")" -eq 7 ] &&
   cmp -s "$T/la.tsv" "$T/lb.tsv"; then pass "$name"
else fail "$name" "$(wc -l <"$T/la.tsv") vs $(wc -l <"$T/lb.tsv") lines, $(grep -c '^iter' "$T/lb.tsv") headers"; fi

# ============================================================================ 3. --init-from
# From the checkpoint at iteration 200, a new run of 100: iteration 100, 100 optimiser steps,
# the corpus from its start, a fresh sampling generator -- but the trained weights.
fresh=(--quiet --sample-length 0 --iters 100 --log-every 1)
run --init-from "$T/b200.ck" "${fresh[@]}" --save "$T/c.ck" --log "$T/c.tsv" >"$T/c.out" 2>"$T/c.err"; sc=$?
run --hidden 32 "${fresh[@]}" --save "$T/f.ck" --log "$T/f.tsv" >/dev/null 2>"$T/f.err"; sf=$?
name="--init-from: a new run: inspect says 'iteration: 100,' and '100 steps'"
if [ $sc -ne 0 ] || [ $sf -ne 0 ]; then fail "$name" "exit statuses $sc, $sf ($(flat "$T/c.err"))"
elif inspect_line "$T/c.ck" 'iteration: 100,' >/dev/null &&
     inspect_line "$T/c.ck" 'optimizer: ' | grep -q ' 100 steps'; then pass "$name"
else fail "$name" "$(inspect_line "$T/c.ck" 'iteration'); $(inspect_line "$T/c.ck" 'optimizer')"; fi
name="--init-from: reads the corpus from its start and reseeds the generator, as a fresh run does"
w1=$(inspect_line "$T/c.ck" 'windows: '); w2=$(inspect_line "$T/f.ck" 'windows: ')
s1=$(inspect_line "$T/c.ck" 'state: '); s2=$(inspect_line "$T/f.ck" 'state: ')
if [ -n "$w1" ] && [ "$w1" = "$w2" ] && [ -n "$s1" ] && [ "$s1" = "$s2" ]; then pass "$name"
else fail "$name" "'$w1' / '$s1' vs fresh '$w2' / '$s2'"; fi
name="--init-from: differs from --resume (another checkpoint than 200 + 100 resumed)"
run --resume "$T/b200.ck" --iters 300 --quiet --sample-length 0 --save "$T/r.ck" >/dev/null 2>&1
if [ -s "$T/c.ck" ] && [ -s "$T/r.ck" ] && ! cmp -s "$T/c.ck" "$T/r.ck" &&
   [ "$(iteration_of "$T/r.ck")" = 300 ] && [ "$(iteration_of "$T/c.ck")" = 100 ]; then pass "$name"
else fail "$name" "iterations '$(iteration_of "$T/c.ck")' and '$(iteration_of "$T/r.ck")'"; fi
name="--init-from: the weights are taken (first window's loss well below a fresh run's)"
l1=$(awk -F'\t' 'NR == 2 { print $3 }' "$T/c.tsv" 2>/dev/null)
l0=$(awk -F'\t' 'NR == 2 { print $3 }' "$T/f.tsv" 2>/dev/null)
if [ -n "$l1" ] && [ -n "$l0" ] && awk -v a="$l1" -v b="$l0" 'BEGIN { exit !(a < 0.8 * b) }'
then pass "$name ($l1 vs $l0)"
else fail "$name" "init-from '$l1', fresh '$l0'"; fi

# ============================================================================ 4. inspect
# inspect reads back what training announced on stderr.  Training's first stderr line is
# "corpus 'F': N characters, V distinct; model CELLS, L layer(s), H=.. T=.. B=.., P parameters, OPT"
check_inspect() {  # NAME CKPT TRAINING_STDERR ITERATION CELLS
    local name=$1 ck=$2 err=$3 it=$4 cells=$5 first V N P L H opt why=
    first=$(head -n 1 "$err")
    N=$(sed -n "s/^corpus '[^']*': \([0-9]*\) characters, .*/\1/p" <<<"$first")
    V=$(sed -n 's/.* \([0-9]*\) distinct;.*/\1/p' <<<"$first")
    P=$(sed -n 's/.* \([0-9]*\) parameters, .*/\1/p' <<<"$first")
    L=$(sed -n 's/.*; model [^ ]* \([0-9]*\) layers\{0,1\},.*/\1/p' <<<"$first")
    H=$(sed -n 's/.* H=\([0-9]*\) .*/\1/p' <<<"$first")
    opt=$(sed -n 's/.* parameters, \([a-z]*\).*/\1/p' <<<"$first")
    if [ -z "$V" ] || [ -z "$P" ] || [ -z "$L" ] || [ -z "$H" ] || [ -z "$opt" ] || [ -z "$N" ]; then
        fail "$name" "cannot parse training's stderr: '$first'"; return
    fi
    local layer=layers; [ "$L" -eq 1 ] && layer=layer
    local want_model="model: $cells, $L $layer, hidden size $H, $P parameters"
    local got_model; got_model=$(inspect_line "$ck" 'model: ')
    [ "$got_model" = "$want_model" ] || why="model line '$got_model', expected '$want_model'"
    inspect_line "$ck" "vocabulary: $V characters: " >/dev/null || why="$why; vocabulary is not $V characters"
    inspect_line "$ck" "optimizer: $opt, " >/dev/null || why="$why; optimizer is not $opt"
    inspect_line "$ck" "iteration: $it, " >/dev/null || why="$why; iteration is not $it"
    inspect_line "$ck" "corpus: $N characters, " >/dev/null || why="$why; corpus is not $N characters"
    if [ -z "$why" ]; then pass "$name"; else fail "$name" "${why#; }"; fi
}
check_inspect "inspect (rnn): model, vocabulary size, parameters, optimizer, iteration, corpus as trained" \
    "$T/a.ck" "$T/a.err" 300 rnn
check_inspect "inspect (lstm): model, vocabulary size, parameters, optimizer, iteration, corpus as trained" \
    "$T/la.ck" "$T/la.err" 300 lstm,lstm
name="inspect: file size and CRC-32 are those of the file, marked correct"
sz=$(stat -c %s "$T/a.ck" 2>/dev/null)
crc=$(py crc "$T/a.ck")
if [ -z "$crc" ]; then fail "$name" "python3 not available"
elif inspect_line "$T/a.ck" 'file: ' | grep -qF ", $sz bytes, CRC-32 $crc (correct)"; then pass "$name"
else fail "$name" "'$(inspect_line "$T/a.ck" 'file: ')', expected $sz bytes, CRC-32 $crc"; fi
name="inspect: the corpus CRC-32 is that of the corpus file"
ccrc=$(py filecrc "$SMALL")
if [ -z "$ccrc" ]; then fail "$name" "python3 not available"
elif inspect_line "$T/a.ck" 'corpus: ' | grep -qF "CRC-32 $ccrc"; then pass "$name"
else fail "$name" "'$(inspect_line "$T/a.ck" 'corpus: ')', expected CRC-32 $ccrc"; fi
name="inspect: the window line counts the characters read (iteration x T)"
# 300 iterations of T-character windows (T from training's stderr): the next starts at 300 T.
Tw=$(head -n 1 "$T/a.err" | sed -n 's/.* T=\([0-9]*\) .*/\1/p')
if [ -n "$Tw" ] &&
   inspect_line "$T/a.ck" 'windows: ' | grep -qF "$Tw characters, 1 stream, next at character $((300 * Tw))"
then pass "$name"; else fail "$name" "T='$Tw', '$(inspect_line "$T/a.ck" 'windows: ')'"; fi

# ============================================================================ 5. Ctrl-C saves
# --save-every 0: the only save is the one at the signal.
timeout --foreground --preserve-status -s INT -k 30 2 "$BIN" --hidden 32 --iters 1000000000 \
    --save "$T/int.ck" --save-every 0 --quiet --sample-length 20 >"$T/int.out" 2>"$T/int.err" </dev/null
st=$?
n=$(sed -n 's/.*stopped by signal after \([0-9]*\) of.*/\1/p' "$T/int.err")
name="SIGINT (Ctrl-C): exit 0, checkpoint saved at the iteration it stopped"
if [ $st -ne 0 ]; then fail "$name" "exit status $st ($(flat "$T/int.err"))"
elif [ -z "$n" ]; then fail "$name" "no 'stopped by signal after N of' on stderr: '$(flat "$T/int.err")'"
elif [ "$(iteration_of "$T/int.ck")" != "$n" ] || [ "$n" -le 0 ]; then
    fail "$name" "stopped after $n, checkpoint at '$(iteration_of "$T/int.ck")'"
else pass "$name ($n iterations)"; fi
# The checkpoint saved at the signal continues exactly: resumed for 50 more, it is the
# checkpoint (and the final sample) of a straight run of N + 50.
name="SIGINT (Ctrl-C): its checkpoint resumes to exactly what a straight run gives"
if [ -n "$n" ] && [ "$n" -gt 0 ] 2>/dev/null; then
    run --resume "$T/int.ck" --iters $((n + 50)) --save "$T/int2.ck" --quiet --sample-length 20 \
        >"$T/int2.out" 2>/dev/null; s1=$?
    run --hidden 32 --iters $((n + 50)) --save "$T/int3.ck" --quiet --sample-length 20 \
        >"$T/int3.out" 2>/dev/null; s2=$?
    if [ $s1 -eq 0 ] && [ $s2 -eq 0 ] && [ -s "$T/int2.ck" ] && cmp -s "$T/int2.ck" "$T/int3.ck" &&
       [ -s "$T/int2.out" ] && cmp -s "$T/int2.out" "$T/int3.out"; then pass "$name"
    else fail "$name" "exit statuses $s1, $s2; checkpoints or samples differ"; fi
else fail "$name" "no checkpoint from the interrupted run"; fi

# ============================================================================ 6. damaged files
# Every damaged file is refused cleanly by inspect, --resume and sample --from alike.
SZ=$(stat -c %s "$T/a.ck")
for n in 0 7 27 100 $((SZ - 1)); do head -c "$n" "$T/a.ck" >"$T/trunc$n.ck"; done
cp "$T/a.ck" "$T/long.ck"; printf 'junk' >>"$T/long.ck"
mkdir "$T/dir"
if [ $HAVE_PY -eq 1 ]; then
    py xor "$T/a.ck" "$T/flip.ck" -1 0x10                 # one bit in the middle
    py u32 "$T/a.ck" "$T/v2.ck" 8 2 0                     # format version 2
    py u32 "$T/a.ck" "$T/v2crc.ck" 8 2 1                  # version 2, checksum recomputed
    py u32 "$T/a.ck" "$T/layers9.ck" 28 9 1               # 9 layers, checksum recomputed
fi
check_damaged() {  # CASE FILE KEYWORD...
    local case=$1 file=$2; shift 2
    if [ ! -e "$file" ] && [ "$case" != "missing file" ]; then
        fail "damaged file ($case)" "could not make '$file' (python3 missing?)"; return
    fi
    local what st why
    for what in inspect resume sample; do
        case $what in
            inspect) run inspect "$file" >"$OUT" 2>"$ERR" ;;
            resume)  run --resume "$file" --iters 1000 --quiet --sample-length 0 >"$OUT" 2>"$ERR" ;;
            sample)  run sample --from "$file" --length 10 >"$OUT" 2>"$ERR" ;;
        esac
        st=$?
        why=$(one_line_error "$st" "$@")
        [ -z "$why" ] && [ -s "$OUT" ] && why="wrote to stdout: '$(flat "$OUT")'"
        if [ -z "$why" ]; then pass "damaged file ($case): $what fails cleanly"
        else fail "damaged file ($case): $what fails cleanly" "$why"; fi
    done
}
check_damaged "empty"                  "$T/trunc0.ck"     "$T/trunc0.ck" "not a charrnn checkpoint"
check_damaged "first 7 bytes"          "$T/trunc7.ck"     "$T/trunc7.ck" "checkpoint"
check_damaged "first 27 bytes"         "$T/trunc27.ck"    "$T/trunc27.ck" "is truncated"
check_damaged "first 100 bytes"        "$T/trunc100.ck"   "$T/trunc100.ck" "is truncated"
check_damaged "all but the last byte"  "$T/trunc$((SZ - 1)).ck" "is truncated"
check_damaged "4 bytes appended"       "$T/long.ck"       "$T/long.ck" "more than"
check_damaged "one bit flipped"        "$T/flip.ck"       "$T/flip.ck" "is corrupted" "checksum"
check_damaged "version 2"              "$T/v2.ck"         "$T/v2.ck" "version 2"
check_damaged "version 2, valid CRC"   "$T/v2crc.ck"      "$T/v2crc.ck" "version 2"
check_damaged "9 layers, valid CRC"    "$T/layers9.ck"    "$T/layers9.ck" "is damaged" "layers"
check_damaged "a text file"            "$HOLA"            "$HOLA" "not a charrnn checkpoint"
check_damaged "a directory"            "$T/dir"           "$T/dir" "directory"
check_damaged "missing file"           "$T/nope.ck"       "cannot open" "$T/nope.ck" "No such file"

# The corpus must be the one the checkpoint was trained on.
R=(--resume "$T/b200.ck" --iters 300 --quiet --sample-length 0)
expect_error "--resume on a corpus with another vocabulary (hola.txt) is refused" \
    vocabulary -- "${R[@]}" "$HOLA"
if [ $HAVE_PY -eq 1 ] && py swap "$SMALL" "$T/swap.txt" && ! cmp -s "$SMALL" "$T/swap.txt"; then
    expect_error "--resume on the same vocabulary but other text (two characters swapped) is refused" \
        "CRC-32" -- "${R[@]}" "$T/swap.txt"
    name="--init-from works on that same-vocabulary corpus"
    run --init-from "$T/b200.ck" --iters 20 --quiet --sample-length 0 --save "$T/sw.ck" \
        "$T/swap.txt" >"$OUT" 2>"$ERR"; st=$?
    if [ $st -eq 0 ] && [ "$(iteration_of "$T/sw.ck")" = 20 ]; then pass "$name"
    else fail "$name" "exit status $st, '$(flat "$ERR")'"; fi
else
    fail "--resume on other text with the same vocabulary" "could not make the swapped corpus (python3?)"
fi
# Same vocabulary, one character more: the length differs.
{ cat "$SMALL"; printf 'a'; } >"$T/longer.txt"
expect_error "--resume on the same text with one character more is refused" \
    "$T/longer.txt" -- "${R[@]}" "$T/longer.txt"
expect_error "--init-from on a corpus with another vocabulary (hola.txt) is refused" \
    vocabulary -- --init-from "$T/b200.ck" --iters 20 --quiet "$HOLA"

# ============================================================================ 7. kill -9 while saving
# Saves are atomic: whenever the process dies, the checkpoint is a whole, good checkpoint.
name="kill -9 during --save-every 1: the checkpoint is always loadable"
run --hidden 100 --iters 5 --quiet --sample-length 0 --save "$T/k.ck" >/dev/null 2>&1
it0=$(iteration_of "$T/k.ck")
rounds=0 bad= midsave=0 prev=$it0
start=$SECONDS
while [ $rounds -lt 20 ] && [ $((SECONDS - start)) -lt 25 ]; do
    rm -f "$T/k.ck.tmp"
    "$BIN" --resume "$T/k.ck" --save "$T/k.ck" --save-every 1 --iters 1000000000 --quiet \
        --sample-length 0 </dev/null >/dev/null 2>"$T/k.err" &
    BGPID=$!
    sleep "0.$(printf '%02d' $((5 + RANDOM % 46)))"
    kill -9 "$BGPID" 2>/dev/null
    wait "$BGPID" 2>/dev/null
    BGPID=
    rounds=$((rounds + 1))
    [ -e "$T/k.ck.tmp" ] && midsave=$((midsave + 1))     # killed while writing FILE.tmp
    "$BIN" inspect "$T/k.ck" >"$OUT" 2>"$ERR"
    st=$?
    if [ $st -ne 0 ] || ! grep -q '(correct)' "$OUT"; then
        bad="round $rounds: inspect exit status $st, '$(flat "$ERR")'"; break
    fi
    cur=$(sed -n 's/^iteration: \([0-9]*\),.*/\1/p' "$OUT")
    if [ -z "$cur" ] || [ -z "$prev" ] || [ "$cur" -lt "$prev" ]; then
        bad="round $rounds: iteration went from '$prev' to '$cur'"; break
    fi
    prev=$cur
done
it1=$(iteration_of "$T/k.ck")
if [ -n "$bad" ]; then fail "$name" "$bad"
elif [ -z "$it0" ] || [ -z "$it1" ] || [ "$it1" -le "$it0" ]; then
    fail "$name" "no save happened (iteration $it0 -> $it1): '$(flat "$T/k.err")'"
else pass "$name ($rounds rounds, $midsave killed mid-save, iteration $it0 -> $it1)"; fi

# ============================================================================ 8. options with --resume
R=(--resume "$T/b200.ck" --quiet --sample-length 0)
expect_error "--resume with a different --hidden is refused" "--hidden" 50 -- "${R[@]}" --iters 300 --hidden 50
expect_error "--resume with a different --model is refused" "--model" -- "${R[@]}" --iters 300 --model lstm
expect_error "--resume with a different --optim is refused" "--optim" -- "${R[@]}" --iters 300 --optim adam
expect_error "--resume with a different --seq-length is refused" "--seq-length" -- "${R[@]}" --iters 300 --seq-length 30
expect_error "--resume with a different --seed is refused" "--seed" -- "${R[@]}" --iters 300 --seed 7
expect_error "--resume with --iters equal to the checkpoint's iteration is refused" \
    "200" -- "${R[@]}" --iters 200
expect_error "--resume with --iters below the checkpoint's iteration is refused" \
    "200" -- "${R[@]}" --iters 100
expect_error "--resume together with --init-from is refused" "--resume" "--init-from" \
    -- "${R[@]}" --iters 300 --init-from "$T/b200.ck"
name="--resume with options that agree with the checkpoint is accepted"
run "${R[@]}" --iters 210 --hidden 32 --seq-length 25 --optim adagrad --lr 0.1 --seed 42 \
    --save "$T/agree.ck" >"$OUT" 2>"$ERR"; st=$?
if [ $st -eq 0 ] && [ "$(iteration_of "$T/agree.ck")" = 210 ]; then pass "$name"
else fail "$name" "exit status $st, '$(flat "$ERR")'"; fi
expect_error "--patience without --val-frac is refused" "--patience" "--val-frac" \
    -- --iters 100 --quiet --patience 3
cp "$HOLA" "$T/notack.txt"
expect_error "--save onto an existing file that is not a checkpoint is refused" \
    "--save" "not a charrnn checkpoint" -- --hidden 8 --iters 10 --quiet --save "$T/notack.txt"
name="--save onto a non-checkpoint leaves that file unchanged"
if cmp -s "$HOLA" "$T/notack.txt"; then pass "$name"; else fail "$name" "the file changed"; fi
# And the other way round: --log never writes over a checkpoint.
cp "$T/b200.ck" "$T/logck.ck"
expect_error "--log onto a checkpoint is refused" "--log" "checkpoint" \
    -- --hidden 8 --iters 10 --quiet --log "$T/logck.ck"
expect_error "--log onto the checkpoint being resumed is refused" "--log" "checkpoint" \
    -- "${R[@]}" --iters 210 --log "$T/logck.ck"
name="--log onto a checkpoint leaves it unchanged"
if cmp -s "$T/b200.ck" "$T/logck.ck"; then pass "$name"; else fail "$name" "the checkpoint changed"; fi
# No destination is destroyed, and each is checked before training starts.
: > "$T/empty.ck"
expect_error "--save onto an existing empty file is refused" "not a charrnn checkpoint" \
    -- --hidden 8 --iters 10 --quiet --save "$T/empty.ck"
mkdir -p "$T/adir"
expect_error "--save onto a directory is refused before training" "directory" \
    -- --hidden 8 --iters 100000 --quiet --save "$T/adir"
expect_error "--save into a directory that does not exist is refused before training" \
    "cannot write" -- --hidden 8 --iters 100000 --quiet --save "$T/no/such/dir/x.ck"
cp "$HOLA" "$T/mine.ck.tmp"
expect_error "--save refuses when FILE.tmp is somebody's file" "mine.ck.tmp" \
    -- --hidden 8 --iters 10 --quiet --save "$T/mine.ck"
name="--save leaves somebody's FILE.tmp unchanged"
if cmp -s "$HOLA" "$T/mine.ck.tmp"; then pass "$name"; else fail "$name" "the file changed"; fi
for lg in x.ck x.ck.best x.ck.tmp; do
  expect_error "--log $lg next to --save x.ck is refused" "--log" \
      -- --hidden 8 --iters 10 --quiet --save "$T/x.ck" --log "$T/$lg" --val-frac 0.1 --eval-every 5
done
name="the checks leave no file behind"
if [ ! -e "$T/x.ck" ] && [ ! -e "$T/x.ck.tmp" ] && [ ! -e "$T/adir.tmp" ]; then pass "$name"
else fail "$name" "$(ls "$T" | grep -E '^(x\.ck|adir\.tmp)' | tr '\n' ' ')"; fi
# After kill -9 the log can run ahead of the checkpoint and end in a torn row: resuming trims it,
# so the resumed run's log is the log of the run in one go.
LR=(--hidden 16 --quiet --sample-length 0 --log-every 10)
run "${LR[@]}" --iters 300 --log "$T/lr-straight.tsv" >/dev/null 2>&1
run "${LR[@]}" --iters 200 --save "$T/lr.ck" >/dev/null 2>&1
{ cat "$T/lr-straight.tsv"; printf '310\t77'; } > "$T/lr.tsv"     # ahead, and torn
run "${LR[@]}" --iters 300 --resume "$T/lr.ck" --log "$T/lr.tsv" >/dev/null 2>"$ERR"; st=$?
name="--resume trims a log that ran ahead of the checkpoint (kill -9) and its torn last row"
if [ $st -eq 0 ] && cmp -s "$T/lr-straight.tsv" "$T/lr.tsv"; then pass "$name"
else fail "$name" "exit status $st; logs differ: $(diff "$T/lr-straight.tsv" "$T/lr.tsv" | head -c 200 | tr '\n' '|')"; fi
# The best checkpoint goes to FILE.best, which is guarded the same way.
cp "$HOLA" "$T/nb.ck.best"
expect_error "--save with held-out data refuses when FILE.best exists and is not a checkpoint" \
    "$T/nb.ck.best" "not a charrnn checkpoint" \
    -- --hidden 8 --iters 100 --val-frac 0.1 --eval-every 50 --quiet --save "$T/nb.ck"
name="--save leaves that FILE.best unchanged"
if cmp -s "$HOLA" "$T/nb.ck.best"; then pass "$name"; else fail "$name" "the file changed"; fi

# ============================================================================ 9. sample subcommand
CK=$T/a.ck
S=(sample --from "$CK")
PROMPT='El caballero '
run "${S[@]}" --prompt "$PROMPT" --length 120 --seed 5 >"$T/s5a.out" 2>/dev/null; st1=$?
run "${S[@]}" --prompt "$PROMPT" --length 120 --seed 5 >"$T/s5b.out" 2>/dev/null; st2=$?
run "${S[@]}" --prompt "$PROMPT" --length 120 --seed 6 >"$T/s6.out" 2>/dev/null; st3=$?
name="sample: the same --seed writes the same text"
if [ $st1 -eq 0 ] && [ $st2 -eq 0 ] && [ -s "$T/s5a.out" ] && cmp -s "$T/s5a.out" "$T/s5b.out"
then pass "$name"; else fail "$name" "exit statuses $st1 $st2 or different texts"; fi
name="sample: another --seed writes another text"
if [ $st3 -eq 0 ] && [ -s "$T/s6.out" ] && ! cmp -s "$T/s5a.out" "$T/s6.out"; then pass "$name"
else fail "$name" "exit status $st3 or identical texts"; fi
name="sample: writes the prompt, then --length characters, then a newline"
if [ $HAVE_PY -eq 1 ]; then
    nc=$(py nchars "$T/s5a.out"); np=$(printf '%s' "$PROMPT" | wc -m)
    if [ "$(head -c ${#PROMPT} "$T/s5a.out")" = "$PROMPT" ] && [ "$nc" = $((np + 120 + 1)) ] &&
       [ "$(tail -c 1 "$T/s5a.out" | od -An -c | tr -d ' ')" = '\n' ]; then pass "$name"
    else fail "$name" "$nc characters, expected $np + 120 + 1: '$(flat "$T/s5a.out")'"; fi
else fail "$name" "python3 not available"; fi
run "${S[@]}" --prompt "$PROMPT" --length 200 --greedy --seed 1 >"$T/g.out" 2>/dev/null
run "${S[@]}" --prompt "$PROMPT" --length 200 --top-k 1 --seed 2 >"$T/k1.out" 2>/dev/null
name="sample: --greedy writes what --top-k 1 writes"
if [ -s "$T/g.out" ] && cmp -s "$T/g.out" "$T/k1.out"; then pass "$name"
else fail "$name" "'$(flat "$T/g.out")' vs '$(flat "$T/k1.out")'"; fi
name="sample: --length 0 writes the prompt and a newline only"
run "${S[@]}" --prompt "$PROMPT" --length 0 >"$OUT" 2>"$ERR"; st=$?
if [ $st -eq 0 ] && [ "$(od -An -c "$OUT")" = "$(printf '%s\n' "$PROMPT" | od -An -c)" ]; then pass "$name"
else fail "$name" "exit status $st, '$(flat "$OUT")'"; fi
# '~' and the euro sign are not in quijote-small's vocabulary (checked against inspect).
vocab=$(inspect_line "$CK" 'vocabulary: ')
name="sample: prompt characters outside the vocabulary are refused, named by code point"
case $vocab in
    *'~'*|*'€'*) fail "$name" "'~' or '€' is in the vocabulary after all: '$vocab'" ;;
    '') fail "$name" "inspect gave no vocabulary line" ;;
    *) expect_error "$name" "U+007E" "U+20AC" -- "${S[@]}" --prompt 'El ~caballero€' --length 10 ;;
esac
name="sample: --skip-unknown drops them with a warning and goes on"
run "${S[@]}" --prompt 'El ~caballero€' --length 30 --skip-unknown >"$OUT" 2>"$ERR"; st=$?
if [ $st -eq 0 ] && [ "$(head -c 12 "$OUT")" = 'El caballero' ] && grep -q 'U+007E' "$ERR" &&
   grep -q 'U+20AC' "$ERR"; then pass "$name"
else fail "$name" "exit status $st, stdout '$(flat "$OUT")', stderr '$(flat "$ERR")'"; fi
# --probs: "rank code_point probability character", most likely first.
run "${S[@]}" --prompt "$PROMPT" --probs >"$T/p.tsv" 2>"$ERR"; st=$?
V=$(inspect_line "$CK" 'vocabulary: ' | sed -n 's/^vocabulary: \([0-9]*\) characters.*/\1/p')
name="sample --probs: one row per vocabulary character, ranked, sorted, summing to 1 (1e-6)"
res=$(awk -F'\t' -v V="$V" '
    NR == 1 { if ($0 != "rank\tcode_point\tprobability\tcharacter") { print "bad header: " $0; exit } next }
    { n++; s += $3
      if ($1 != n) { print "row " n " has rank " $1; exit }
      if ($2 !~ /^U\+[0-9A-F][0-9A-F][0-9A-F][0-9A-F]+$/) { print "bad code point " $2; exit }
      if (n > 1 && $3 > prev) { print "not sorted at rank " n; exit }
      prev = $3 }
    END { if (n != V) print n " rows, expected " V; else if (s < 1 - 1e-6 || s > 1 + 1e-6) print "sum " s }' \
    "$T/p.tsv")
if [ $st -ne 0 ] || [ -z "$V" ]; then fail "$name" "exit status $st, vocabulary '$V'"
elif [ -z "$res" ]; then pass "$name"; else fail "$name" "$res"; fi
name="sample --probs: the most likely character is the one --greedy writes after the prompt"
top=$(awk -F'\t' 'NR == 2 { print $2 }' "$T/p.tsv")
gcp=$(py codepoint "$T/g.out" "$(printf '%s' "$PROMPT" | wc -m)")
if [ -n "$top" ] && [ "$top" = "$gcp" ]; then pass "$name ($top)"
else fail "$name" "rank 1 is '$top', greedy wrote '$gcp'"; fi
name="sample --probs --top-k 3: exactly the 3 most likely, renormalised"
run "${S[@]}" --prompt "$PROMPT" --probs --top-k 3 >"$T/p3.tsv" 2>/dev/null
res=$(awk -F'\t' 'FNR == 1 { f++; next }
    f == 1 && FNR <= 4 { p[FNR - 1] = $3; c[FNR - 1] = $2; s += $3 }
    f == 2 { n++; if ($2 != c[n]) { print "rank " n " is " $2 ", expected " c[n]; exit }
             d = $3 - p[n] / s; if (d < -1e-6 || d > 1e-6) { print "rank " n ": " $3 ", expected " p[n] / s; exit } }
    END { if (n != 3) print n " rows" }' "$T/p.tsv" "$T/p3.tsv")
if [ -z "$res" ]; then pass "$name"; else fail "$name" "$res"; fi
name="sample --probs --top-p 0.5: the fewest most likely characters that reach 0.5"
run "${S[@]}" --prompt "$PROMPT" --probs --top-p 0.5 >"$T/pp.tsv" 2>/dev/null
want=$(awk -F'\t' 'NR > 1 { s += $3; if (s >= 0.5) { print NR - 1; exit } }' "$T/p.tsv")
got=$(($(wc -l <"$T/pp.tsv") - 1))
if [ -n "$want" ] && [ "$got" -eq "$want" ]; then pass "$name ($got rows)"
else fail "$name" "$got rows, expected $want"; fi
name="sample --probs --temperature 0.5: probabilities proportional to p^2"
run "${S[@]}" --prompt "$PROMPT" --probs --temperature 0.5 >"$T/pt.tsv" 2>/dev/null
res=$(awk -F'\t' 'FNR == 1 { f++; next }
    f == 1 { p[$2] = $3; s += $3 * $3 }
    f == 2 { n++; d = $3 - p[$2] * p[$2] / s; if (d < -1e-6 || d > 1e-6) { print $2 ": " $3 ", expected " p[$2] * p[$2] / s; exit } }
    END { if (n != length(p)) print n " rows" }' "$T/p.tsv" "$T/pt.tsv")
if [ -z "$res" ] && [ -s "$T/pt.tsv" ]; then pass "$name"; else fail "$name" "${res:-no output}"; fi

# ============================================================================ 10. evaluation
run --hidden 32 --iters 300 --val-frac 0.1 --eval-every 50 --log "$T/v.tsv" --log-every 20 \
    --sample-length 0 --sample-every 0 >/dev/null 2>"$T/v.err"; st=$?
first=$(head -n 1 "$T/v.err")
Vd=$(sed -n 's/.* \([0-9]*\) distinct;.*/\1/p' <<<"$first")
Nc=$(sed -n "s/^corpus '[^']*': \([0-9]*\) characters, .*/\1/p" <<<"$first")
name="evaluation: log header has the three held-out columns"
if [ $st -eq 0 ] && [ "$(head -n 1 "$T/v.tsv")" = "$(printf 'iter\tchars\tloss\tsmooth_loss\tloss_per_char\tbits_per_char\tval_loss_per_char\tval_bits_per_char\tval_perplexity')" ]
then pass "$name"; else fail "$name" "exit status $st, '$(head -n 1 "$T/v.tsv" 2>/dev/null)'"; fi
name="evaluation: log rows at every multiple of 20 and of 50, held-out values exactly on multiples of 50"
res=$(awk -F'\t' 'BEGIN { for (i = 1; i <= 300; i++) if (i % 20 == 0 || i % 50 == 0) want[++n] = i }
    NR == 1 { next }
    { r = NR - 1
      if ($1 != want[r]) { print "row " r " is iteration " $1 ", expected " want[r]; exit }
      if (NF != 9) { print "iteration " $1 " has " NF " columns"; exit }
      ev = ($1 % 50 == 0)
      if (ev && ($7 == "-" || $8 == "-" || $9 == "-")) { print "no held-out loss at " $1; exit }
      if (!ev && ($7 != "-" || $8 != "-" || $9 != "-")) { print "held-out loss at " $1; exit } }
    END { if (NR - 1 != n) print NR - 1 " rows, expected " n }' "$T/v.tsv")
if [ -z "$res" ]; then pass "$name"; else fail "$name" "$res"; fi
name="evaluation: bits = nats / ln 2 and perplexity = exp(nats) (1e-3 relative)"
res=$(awk -F'\t' 'NR > 1 && $7 != "-" { n++
        b = $7 / log(2); p = exp($7)
        if ($8 < b * (1 - 1e-3) || $8 > b * (1 + 1e-3)) { print "bits at " $1 ": " $8 " vs " b; exit }
        if ($9 < p * (1 - 1e-3) || $9 > p * (1 + 1e-3)) { print "perplexity at " $1 ": " $9 " vs " p; exit } }
    END { if (n != 6) print n " evaluations, expected 6" }' "$T/v.tsv")
if [ -z "$res" ]; then pass "$name"; else fail "$name" "$res"; fi
name="evaluation: the first held-out loss is below ln V (a uniform guess)"
v1=$(awk -F'\t' 'NR > 1 && $7 != "-" { print $7; exit }' "$T/v.tsv")
if [ -n "$v1" ] && [ -n "$Vd" ] && awk -v a="$v1" -v V="$Vd" 'BEGIN { exit !(a < log(V)) }'
then pass "$name ($v1 < ln $Vd)"; else fail "$name" "first held-out loss '$v1', V '$Vd'"; fi
name="evaluation: holds out floor(0.1 N) characters"
ho=$(awk -v N="$Nc" 'BEGIN { printf "%d", int(0.1 * N) }')
if [ -n "$Nc" ] && grep -q "the last $ho characters" "$T/v.err"; then pass "$name ($ho of $Nc)"
else fail "$name" "expected $ho of '$Nc': '$(flat "$T/v.err")'"; fi
name="evaluation: stderr eval lines match the log, '(best so far)' exactly on improvements"
res=$(awk -F'\t' -v ERRF="$T/v.err" '
    NR > 1 && $7 != "-" { it[++n] = $1; v[n] = $7 }
    END {
      m = 0; best = 1e300
      while ((getline line < ERRF) > 0) {
        if (line !~ /^eval /) continue
        m++; split(line, f, " +")
        if (f[2] != it[m]) { print "eval line " m " is for " f[2] ", log says " it[m]; exit }
        if (f[4] != sprintf("%.3f", v[m])) { print "eval " f[2] ": " f[4] " vs log " v[m]; exit }
        improved = v[m] < best; if (improved) best = v[m]
        if (improved != (line ~ /\(best so far\)/)) { print "eval " f[2] ": best-so-far mark wrong"; exit }
      }
      if (m != n || n == 0) print m " eval lines, " n " log evaluations"
    }' "$T/v.tsv")
if [ -z "$res" ]; then pass "$name"; else fail "$name" "$res"; fi

# ============================================================================ 11. early stopping
# A 4000-byte corpus, a big network, a quarter held out: over-fits in a few hundred iterations.
head -c 4000 "$SMALL" | iconv -c -f UTF-8 -t UTF-8 >"$T/tiny.txt" 2>/dev/null
run "$T/tiny.txt" --hidden 128 --val-frac 0.25 --eval-every 20 --patience 3 --iters 20000 \
    --lr 0.02 --log "$T/es.tsv" --log-every 1000 --quiet --sample-length 0 --save "$T/es.ck" \
    >/dev/null 2>"$T/es.err"; st=$?
# From the log alone: the first evaluation that makes 3 in a row without a new minimum.
read -r stop bestv besti <<<"$(awk -F'\t' 'NR > 1 && $7 != "-" {
        if (n == 0 || $7 < best) { best = $7; bi = $1; stale = 0 } else stale++
        n++; if (stale == 3) { print $1, best, bi; exit } }' "$T/es.tsv")"
last=$(tail -n 1 "$T/es.tsv" | cut -f1)
said=$(sed -n 's/.*stopped early at iteration \([0-9]*\).*/\1/p' "$T/es.err")
name="--patience 3: stops at the first iteration with 3 evaluations in a row without a new best"
if [ $st -ne 0 ]; then fail "$name" "exit status $st, '$(flat "$T/es.err")'"
elif [ -z "${stop:-}" ]; then fail "$name" "the log never has 3 evaluations without a new best, yet it stopped at '$last'"
elif [ "$last" = "$stop" ] && [ "$said" = "$stop" ] && [ "$(iteration_of "$T/es.ck")" = "$stop" ]
then pass "$name ($stop)"
else fail "$name" "expected $stop; log ends at $last, stderr says '$said', checkpoint at '$(iteration_of "$T/es.ck")'"; fi
name="--patience: FILE.best holds the best held-out loss and its iteration"
bl=$(inspect_line "$T/es.ck.best" 'validation: ')
bx=$(sed -n 's/^validation: best \([0-9.]*\) nats per character at iteration \([0-9]*\),.*/\1 \2/p' <<<"$bl")
if [ -z "${besti:-}" ]; then fail "$name" "no best in the log"
elif [ -z "$bx" ]; then fail "$name" "inspect of FILE.best says '$bl'"
elif awk -v x="${bx% *}" -v m="$bestv" 'BEGIN { d = x - m; exit !(d > -6e-5 && d < 6e-5) }' &&
     [ "${bx#* }" = "$besti" ] && [ "$(iteration_of "$T/es.ck.best")" = "$besti" ]
then pass "$name ($bestv at $besti)"
else fail "$name" "'$bl', log's best $bestv at $besti, FILE.best at iteration '$(iteration_of "$T/es.ck.best")'"; fi
name="resuming a run that stopped early, with the same patience, stops at once"
run "$T/tiny.txt" --resume "$T/es.ck" --patience 3 --iters 20000 --quiet --sample-length 0 \
    --save "$T/es2.ck" >/dev/null 2>"$T/es2.err"; st=$?
if [ $st -eq 0 ] && [ -n "${stop:-}" ] && [ "$(iteration_of "$T/es2.ck")" = "$stop" ] &&
   grep -q "stopped early at iteration $stop:" "$T/es2.err"; then pass "$name ($stop)"
else fail "$name" "exit status $st, checkpoint at '$(iteration_of "$T/es2.ck")', '$(flat "$T/es2.err")'"; fi

# ============================================================================ 12. divergence
# Command-line settings alone do not make the loss overflow in reasonable time (the updates are
# bounded and the softmax is stable), so the checkpoint at iteration 200 is doctored: its loss
# becomes NaN at the first window that reads a chosen character, and not before.  Resumed with
# --save-every 1 onto itself, training must stop with status 1, save nothing more, and leave
# the checkpoint of the iteration before.
name="divergence: a non-finite loss stops with status 1 and one line naming the learning rate"
name2="divergence: the checkpoint saved just before is kept, whole"
next=$(inspect_line "$T/b200.ck" 'windows: ' | sed -n 's/.*next at character \([0-9]*\).*/\1/p')
if [ $HAVE_PY -eq 1 ] && [ -n "$next" ] &&
   read -r dw dc <<<"$(py poison "$T/b200.ck" "$SMALL" "$next" "$T/p.ck")" && [ -n "${dw:-}" ]; then
    div=$(($(iteration_of "$T/b200.ck") + dw))
    run --resume "$T/p.ck" --iters 100000 --save "$T/p.ck" --save-every 1 --quiet \
        --sample-length 0 >"$OUT" 2>"$ERR"; st=$?
    why=$(one_line_error "$st" "learning rate" "iteration $div")
    [ -z "$why" ] && [ "$st" -ne 1 ] && why="exit status $st, expected 1"
    if [ -z "$why" ]; then pass "$name (at iteration $div, on $dc)"; else fail "$name" "$why"; fi
    "$BIN" inspect "$T/p.ck" >"$T/pi.out" 2>"$ERR"; st=$?
    if [ $st -eq 0 ] && grep -q '(correct)' "$T/pi.out" &&
       grep -q "^iteration: $((div - 1))," "$T/pi.out"; then pass "$name2 (iteration $((div - 1)))"
    else fail "$name2" "inspect exit status $st, '$(grep '^iteration' "$T/pi.out")', expected $((div - 1))"; fi
else
    fail "$name" "could not make the doctored checkpoint (python3?)"
    fail "$name2" "could not make the doctored checkpoint (python3?)"
fi
exit 0
