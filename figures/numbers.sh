#!/bin/sh
# figures/numbers.sh: every number the book quotes from this build's runs, as TeX macros
# (build/numbers.tex), so that no measured number is typed by hand.  Run by the Makefile from
# the repository's root, after the runs that make the figures, the tables and bench.txt.
# Numbers go through \gnum (figures/gnum.tex): grouped thousands, and the edition's decimal sign.
set -eu
F=build/fig
bench() { v=$(sed -n "s/^$1=//p" build/bench.txt); [ -n "$v" ] || { echo "numbers.sh: no $1" >&2; exit 1; }; echo "$v"; }
corpus() { awk -v k="$1" '{ for (i = 1; i <= NF; i++) if ($i == k) { v = $(i + 2)
                                  sub(/;/, "", v); print v } }' $F/corpora.gp; }
# def NAME VALUE: one macro
def() { printf '\\newcommand{\\%s}{%s}\n' "$1" "$2"; }
# calc EXPRESSION FORMAT: awk arithmetic, printf-formatted
calc() { awk "BEGIN { printf \"$2\", $1 }"; }
# round3 X: three significant figures, as an integer (126548 -> 127000)
round3() { awk -v x="$1" 'BEGIN { e = int(log(x) / log(10)) - 2; f = 10 ^ (e < 0 ? 0 : e)
                                  printf "%d", int(x / f + 0.5) * f }'; }
# sci X: scientific notation for TeX: 1.7e-07 -> \gnum{1.7}\cdot 10^{-7}
sci() { awk -v x="$1" 'BEGIN { s = sprintf("%.1e", x); split(s, p, "e")
        printf "\\ensuremath{\\gnum{%s}\\cdot 10^{%d}}", p[1], p[2] + 0 }'; }
# at FILE ITER COLUMN: a log's value at an iteration (the header names the columns)
at() { awk -F'\t' -v it="$2" -v col="$3" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $1 == it { print $(c[col]); f = 1 } END { exit !f }' "$1"; }
# times X: "2.7 times" or a word for small whole ratios, in the edition's language
ratio() { awk -v x="$1" 'BEGIN { r = sprintf("%.1f", x)
        printf "\\gnum{%s}", r }'; }

# ---- speed (make bench) ----
tc=$(bench train_chars_per_sec); sc=$(bench sample_chars_per_sec)
def benchTrainCps "\\gnum{$(round3 "$tc")}"
def benchSampleCps "\\gnum{$(round3 "$sc")}"
te=$(bench train_chars_per_sec_engine)
def benchEngineCps "\\gnum{$(round3 "$te")}"
def benchSimpleOverEngine "\\gnum{$(calc "$tc / $te" '%.2f')}"
tl=$(bench train_chars_per_sec_lstm); tg=$(bench train_chars_per_sec_gru)
def benchTrainCpsLstm "\\gnum{$(round3 "$tl")}"
def benchTrainCpsGru "\\gnum{$(round3 "$tg")}"
def benchRnnOverLstm "$(ratio "$(calc "$tc / $tl" '%.4f')")"
def benchRnnOverGru "$(ratio "$(calc "$tc / $tg" '%.4f')")"
def benchThreads "$(bench threads_batch16)"
for m in rnn lstm gru; do
  M=$(echo $m | sed 's/^./\U&/')
  def "benchSpeedup$M" "\\gnum{$(bench batch16_speedup_$m)}"
  def "benchSpeedupOne$M" "\\gnum{$(bench batch16_speedup_${m}_one_thread)}"
done

# ---- the corpora ----
vq=$(corpus V_quijote); nq=$(corpus N_quijote); vs=$(corpus V_shakespeare)
ns=$(corpus N_shakespeare); nh=$(corpus N_hola)
def Vquijote "$vq"; def Nquijote "\\gnum{$nq}"; def Vshakespeare "$vs"
def Nshakespeare "\\gnum{$ns}"; def Nhola "$nh"
def lnVquijote "\\gnum{$(calc "log($vq)" '%.2f')}"
def bitsVquijote "\\gnum{$(calc "log($vq) / log(2)" '%.2f')}"
def lnVshakespeare "\\gnum{$(calc "log($vs)" '%.2f')}"
def paramsQuijote "\\gnum{$(calc "2 * $vq * 100 + 100 * 100 + 100 + $vq" '%d')}"
def paramsShakespeare "\\gnum{$(calc "2 * $vs * 100 + 100 * 100 + 100 + $vs" '%d')}"
def quijoteFullMiB "\\gnum{$(calc "$(wc -c < data/quijote.txt) / 1048576" '%.1f')}"

# ---- the default run (figure loss, chapter results) ----
def defaultRunSeconds "$(calc "$(cat $F/quijote.time)" '%.0f')"
def defaultPasses "$(calc "100000 * 25 / $nq" '%.0f')"
def quijoteLossEnd "\\gnum{$(calc "$(at $F/quijote.tsv 100000 loss_per_char)" '%.2f')}"

# ---- the gradient checks ----
worst() { grep "$1" build/gradcheck.txt | sed 's/.*max rel\. error //' | sort -g | tail -n 1; }
def gradcheckWorstSimple "$(sci "$(worst ' check simple')")"
def gradcheckWorst "$(sci "$(worst 'gradient check')")"

# ---- the optimisers (figure optim) ----
for o in sgd adagrad rmsprop adam; do
  O=$(echo $o | sed 's/^./\U&/')
  def "optimEnd$O" "\\gnum{$(calc "$(at $F/optim-$o.tsv 100000 loss_per_char)" '%.2f')}"
done
# first: the first logged iteration where A's loss is below B's; for good: from then on
cross() { awk -F'\t' -v mode="$3" 'FNR == 1 { next } NR == FNR { b[$1] = $5; next }
          ($1 in b) { below = $5 < b[$1]; if (below && !first) first = $1
                      if (below && !since) since = $1; if (!below) since = 0 }
          END { print mode == "first" ? first : since }' "$2" "$1"; }
def optimAdamPassesRmsprop "\\gnum{$(cross $F/optim-adam.tsv $F/optim-rmsprop.tsv first)}"
def optimSgdPassesAdagrad "\\gnum{$(cross $F/optim-sgd.tsv $F/optim-adagrad.tsv since)}"

# ---- the three cells (figure cells) ----
for c in rnn lstm gru; do
  C=$(echo $c | sed 's/^./\U&/')
  def "cellsEnd$C" "\\gnum{$(calc "$(at $F/cells-$c.tsv 30000 loss_per_char)" '%.2f')}"
done
# in the time the LSTM takes for the 750 000 characters, the simple network sees more
lstm_s=$(calc "750000 / $tl" '%.4f')
rnn_chars=$(calc "$lstm_s * $tc" '%.0f')
def lstmCompareSeconds "$(calc "$lstm_s" '%.0f')"
def rnnCharsInLstmTime "\\gnum{$(calc "$rnn_chars / 1e6" '%.1f')}"
def rnnLossThen "\\gnum{$(awk -F'\t' -v n="$rnn_chars" 'NR > 1 && $2 <= n { v = $5 }
  END { printf "%.2f", v }' $F/shakespeare.tsv)}"

# ---- temperature (figure temperature) ----
def tempTopOne "\\gnum{$(awk -F'\t' 'NR == 1 { printf "%.2f", $4 }' $F/temperature.tsv)}"
def tempTopHalf "\\gnum{$(awk -F'\t' 'NR == 1 { printf "%.2f", $3 }' $F/temperature.tsv)}"
