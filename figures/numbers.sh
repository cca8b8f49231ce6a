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

# figures/numbers.sh table: the rows of the speed table instead (build/bench-table.tex)
if [ "${1:-}" = table ]; then
  row() { printf '%s & %s \\\\\n' "$1" "$2"; }
  b() { sed -n "s/^$1=//p" build/bench.txt; }
  g() { printf '\\gnum{%s}' "$1"; }
  row '\bi{entrenar, primera parte (car./s)}{training, first part (chars/s)}' "$(g "$(b train_chars_per_sec)")"
  row '\bi{entrenar, motor general (car./s)}{training, general engine (chars/s)}' "$(g "$(b train_chars_per_sec_engine)")"
  row '\bi{entrenar sin \texttt{-fno-math-errno} (car./s)}{training without \texttt{-fno-math-errno} (chars/s)}' "$(g "$(b train_chars_per_sec_math_errno)")"
  row '\bi{muestrear (car./s)}{sampling (chars/s)}' "$(g "$(b sample_chars_per_sec)")"
  row '\bi{entrenar una LSTM (car./s)}{training an LSTM (chars/s)}' "$(g "$(b train_chars_per_sec_lstm)")"
  row '\bi{entrenar una GRU (car./s)}{training a GRU (chars/s)}' "$(g "$(b train_chars_per_sec_gru)")"
  for m in rnn lstm gru; do
    row "\\bi{16 flujos, 1 hilo / 1 flujo ($m)}{16 streams, 1 thread / 1 stream ($m)}" "$(g "$(b batch16_speedup_${m}_one_thread)")"
    row "\\bi{16 flujos, $(b threads_batch16) hilos / 1 flujo ($m)}{16 streams, $(b threads_batch16) threads / 1 stream ($m)}" "$(g "$(b batch16_speedup_$m)")"
  done
  row '\bi{$W_{hh}h$ por filas (ns)}{$W_{hh}h$ by rows (ns)}' "$(g "$(b matvec_rows_ns)")"
  row '\bi{$W_{hh}h$ por columnas (ns)}{$W_{hh}h$ by columns (ns)}' "$(g "$(b matvec_columns_ns)")"
  row '\bi{$W_{hh}h$ con \texttt{add\_rows} (ns)}{$W_{hh}h$ with \texttt{add\_rows} (ns)}' "$(g "$(b matvec_eight_rows_ns)")"
  row '\texttt{tanh} (ns)' "$(g "$(b tanh_ns)")"
  row '\texttt{tanh\_expm1} (ns)' "$(g "$(b tanh_expm1_ns)")"
  row '\texttt{exp} (ns)' "$(g "$(b exp_ns)")"
  row '\texttt{expm1} (ns)' "$(g "$(b expm1_ns)")"
  exit 0
fi

# sweep FILE-PREFIX RATE: the final loss per character, or "d ITER" if it diverged
sweep() { f=$F/$1-$2.tsv
  if [ "$(cat $F/$1-$2.status)" != 0 ]; then
    echo "d $(awk -F'\t' 'NR > 1 { i = $1 } END { print i + 0 }' "$f")"
  else awk -F'\t' 'NR > 1 { v = $5 } END { printf v < 100 ? "%.2f\n" : "%.0f\n", v }' "$f"; fi; }
# figures/numbers.sh sgd: the rows of the SGD table (build/sgd-table.tex)
if [ "${1:-}" = sgd ]; then
  for r in $SGD_RATES; do
    v=$(sweep sgd "$r")
    case $v in
      d*) printf '\\gnum{%s} & \\bi{diverge hacia la iteración \\gnum{%s}}{diverges near iteration \\gnum{%s}} \\\\\n' "$r" "${v#d }" "${v#d }" ;;
      *) printf '\\gnum{%s} & \\gnum{%s} \\\\\n' "$r" "$v" ;;
    esac
  done
  exit 0
fi

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
vs0=$(corpus V_shakespeare)
cost=$(calc "3 * 100 * 100 + 3 * $vs0 * 100" '%d')
def costPerChar "\\gnum{$cost}"
def madsPerSecond "\\gnum{$(calc "$tc * $cost / 1e6" '%.0f')}"
def transposePerChar "\\gnum{$(calc "(100 * 100 + $vs0 * 100) / 25" '%.0f')}"
def transposeShare "\\gnum{$(calc "100 * (100 * 100 + $vs0 * 100) / 25 / $cost" '%.1f')}"
def loopOrderGain "\\gnum{$(calc "$(bench matvec_rows_ns) / $(bench matvec_columns_ns)" '%.1f')}"
eight=$(calc "$(bench matvec_columns_ns) / $(bench matvec_eight_rows_ns)" '%.4f')
def eightRowGain "\\gnum{$(calc "$eight" '%.1f')}"
def tanhGain "\\gnum{$(calc "$(bench tanh_ns) / $(bench tanh_expm1_ns)" '%.1f')}"
def expmOverExp "\\gnum{$(calc "$(bench expm1_ns) / $(bench exp_ns)" '%.1f')}"
def mathErrnoSlowdown "\\gnum{$(calc "$tc / $(bench train_chars_per_sec_math_errno)" '%.2f')}"
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
def workingKB "$(calc "((25 + 1) * 100 + 25 * $vq) * 2 * 8 / 1000" '%.0f')"
def memoryExtraKB "$(calc "(2 * $vq * 100 + 100 * 100 + 100 + $vq) * 8 / 1000" '%.0f')"
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
names="SGD Adagrad RMSprop Adam"
early=$(for o in sgd adagrad rmsprop adam; do echo "$(at $F/optim-$o.tsv 2000 loss_per_char) $o"; done | sort -g)
def optimFastestEarly "$(echo "$early" | head -n 1 | awk '{ print $2 }' | sed 's/sgd/SGD/; s/adagrad/Adagrad/; s/rmsprop/RMSprop/; s/adam/Adam/')"
def optimSlowestEarly "$(echo "$early" | tail -n 1 | awk '{ print $2 }' | sed 's/sgd/SGD/; s/adagrad/Adagrad/; s/rmsprop/RMSprop/; s/adam/Adam/')"
place=$(for o in sgd adagrad rmsprop adam; do echo "$(at $F/optim-$o.tsv 100000 loss_per_char) $o"; done | sort -g | awk '$2 == "adagrad" { print NR }')
case $place in
  1) def optimAdagradPlace '\bi{el primero}{first}' ;;
  2) def optimAdagradPlace '\bi{el segundo}{second}' ;;
  3) def optimAdagradPlace '\bi{el tercero}{third}' ;;
  *) def optimAdagradPlace '\bi{el último}{last}' ;;
esac
def optimAdamPassesRmsprop "\\gnum{$(cross $F/optim-adam.tsv $F/optim-rmsprop.tsv first)}"
def optimSgdPassesAdagrad "\\gnum{$(cross $F/optim-sgd.tsv $F/optim-adagrad.tsv since)}"

# ---- SGD's learning rate ----
best=$(for r in $SGD_RATES; do v=$(sweep sgd "$r"); case $v in d*) ;; *) echo "$v $r" ;; esac
      done | sort -g | head -n 1)
def sgdBestLr "\\gnum{${best#* }}"; def sgdBestLoss "\\gnum{${best% *}}"
def sgdDefaultLoss "\\gnum{$(sweep sgd 0.0002)}"
def sgdRateCount "$(echo $SGD_RATES | wc -w)"
stall=$(for r in $SGD_RATES; do v=$(sweep sgd "$r"); case $v in d*) ;; *) echo "$v" ;; esac
      done | awk -v ln="$(calc "log($vq)" '%.4f')" '$1 > ln { n++ } END { print n + 0 }')
def sgdStalledCount "$stall"
lbest=$(for r in $LSTM_SGD_RATES; do v=$(sweep lstm-sgd "$r"); case $v in d*) ;; *) echo "$v $r" ;; esac
      done | sort -g | head -n 1)
def lstmSgdBestLr "\\gnum{${lbest#* }}"; def lstmSgdBestLoss "\\gnum{${lbest% *}}"
def lstmSgdDefaultLoss "\\gnum{$(sweep lstm-sgd 0.0002)}"
def lstmSgdBestOverDefault "$(calc "${lbest#* } / 0.0002" '%.0f')"

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
# the Shakespeare log's loss when it had seen rnn_chars characters (or at its end), and its end
read rnn_then shakespeare_end <<EOF2
$(awk -F'\t' -v n="$rnn_chars" 'NR > 1 && $2 <= n { v = $5 } NR > 1 { e = $2 }
  END { printf "%.4f %d\n", v, e }' $F/shakespeare.tsv)
EOF2
def rnnLossThen "\\gnum{$(calc "$rnn_then" '%.2f')}"

# ---- temperature (figure temperature) ----
def tempTopOne "\\gnum{$(awk -F'\t' 'NR == 1 { printf "%.2f", $4 }' $F/temperature.tsv)}"
def tempTopHalf "\\gnum{$(awk -F'\t' 'NR == 1 { printf "%.2f", $3 }' $F/temperature.tsv)}"

# ---- comparing the cells (chapter compare) ----
def paramsGruShakespeare "\\gnum{$(calc "3 * ($vs * 100 + 100 * 100 + 100) + 100 * $vs + $vs" '%d')}"
def paramsLstmShakespeare "\\gnum{$(calc "4 * ($vs * 100 + 100 * 100 + 100) + 100 * $vs + $vs" '%d')}"
er=$(at $F/cells-rnn.tsv 30000 loss_per_char); el=$(at $F/cells-lstm.tsv 30000 loss_per_char)
eg=$(at $F/cells-gru.tsv 30000 loss_per_char)
def cellsGatedOverRnn "$(awk -v r="$er" -v l="$el" -v g="$eg" 'BEGIN { m = l < g ? l : g
  if (m < r - 0.2) print "\\bi{mucho más deprisa}{much faster}"
  else if (m < r) print "\\bi{algo más deprisa}{a little faster}"
  else print "\\bi{más despacio}{more slowly}" }')"
def cellsGatedLeader "$(awk -v l="$el" -v g="$eg" 'BEGIN {
  print l <= g ? "\\bi{la LSTM}{the LSTM}" : "\\bi{la GRU}{the GRU}" }')"
def rnnThenVsLstm "$(awk -v v="$rnn_then" -v l="$el" 'BEGIN {
  print (v > l ? "\\bi{por encima de la de}{above that of}" : "\\bi{por debajo de la de}{below that of}") }')"
top=$(awk -F'\t' 'FNR == 2 { print $4 }' $F/temperature-1.tsv)
case $top in
  space) def tempTopChar '\bi{el espacio}{the space}' ;;
  '\n') def tempTopChar '\bi{el salto de línea}{the line break}' ;;
  [a-zA-Z0-9,.:\;!?]) def tempTopChar "\\texttt{$top}" ;;
  *) def tempTopChar '\bi{un signo}{a symbol}' ;;
esac

# ---- verdicts that must stay true whatever this machine measured ----
def eightRowVerdict "$(awk -v g="$eight" 'BEGIN {
  if (g >= 1.05) print "\\bi{En esta máquina, la versión de ocho filas gana.}{On this machine, the eight-row version wins.}"
  else if (g > 0.95) print "\\bi{En esta máquina las dos van casi igual: el compilador ya saca partido del bucle por columnas.}{On this machine the two run about the same: the compiler already makes the most of the loop by columns.}"
  else print "\\bi{En esta máquina la versión de ocho filas no gana: el compilador ya saca partido del bucle por columnas, y lo que se ahorra en lecturas y escrituras de $y_j$ no compensa aquí su bucle más largo.}{On this machine the eight-row version does not win: the compiler already makes the most of the loop by columns, and what is saved in reads and writes of $y_j$ does not make up here for its longer loop.}" }')"
def threadsVerdict "$(awk -v a="$(bench batch16_speedup_rnn)" -v b="$(bench batch16_speedup_rnn_one_thread)" \
  -v c="$(bench batch16_speedup_lstm)" -v d="$(bench batch16_speedup_lstm_one_thread)" \
  -v e="$(bench batch16_speedup_gru)" -v f="$(bench batch16_speedup_gru_one_thread)" 'BEGIN {
  if (a > 1.05 * b && c > 1.05 * d && e > 1.05 * f)
    print "\\bi{Repartir los flujos entre hilos suma, pues, a lo que ganan los flujos.}{Sharing the streams among threads thus adds to what the streams gain.}"
  else print "\\bi{En esta construcción, repartir los flujos entre hilos no sumó en todos los casos a lo que ganan los flujos: un hilo solo ayuda si encuentra un núcleo libre.}{In this build, sharing the streams among threads did not always add to what the streams gain: a thread only helps if it finds a free core.}" }')"
def rnnLossWhen "$(awk -v n="$rnn_chars" -v e="$shakespeare_end" 'BEGIN {
  print n <= e ? "\\bi{entonces}{then}" : "\\bi{al final de su entrenamiento, que no llega a tanto,}{at the end of its run, which is shorter than that,}" }')"
