# One real next-character distribution at three temperatures: the default Quixote run's final
# checkpoint after the prompt "le dijo" (chapter "Writing: sampling and priming"). Each row of
# fig/temperature.tsv is a character, the most likely at T = 1 first, with its probability at
# T = 0.5, 1 and 2; the labels are TeX already. Run from build/:
# gnuplot ../figures/temperature.gp -> fig/temperature.tex + fig/temperature.pdf.
set terminal cairolatex pdf size 13cm,7cm
set output 'fig/temperature.tex'
set datafile separator '\t'
# V from the T = 1 table: a header and one row per character of the vocabulary.
V = int(system("tail -n +2 fig/temperature-1.tsv | wc -l"))
set style data histograms
set style histogram clustered gap 1
set style fill solid 1.0 noborder
set key top right spacing 1.3
set grid ytics lc rgb '#dddddd'
set xtics scale 0
set yrange [0:0.85]
# Tick labels as \dec{0}{2}: a decimal comma in Spanish, a point in English.
set ytics ('0' 0)
do for [i = 1:4] { set ytics add (sprintf('\dec{0}{%d}', 2 * i) 0.2 * i) }
set xlabel '\bi{carácter siguiente, en el orden de $\tau = 1$}{next character, in the order at $\tau = 1$}'
set ylabel '\bi{probabilidad}{probability}'
plot 'fig/temperature.tsv' using 3:xticlabels(sprintf('\texttt{%s}', strcol(2))) \
       lc rgb '#1f4e9a' title '$\tau = \dec{0}{5}$', \
     '' using 4 lc rgb '#7f7f7f' title '$\tau = 1$', \
     '' using 5 lc rgb '#c0392b' title '$\tau = 2$', \
     1.0 / V with lines dt 3 lw 2 lc rgb '#555555' title sprintf('$1/V = 1/%d$', V)
