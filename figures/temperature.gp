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
load '../figures/style.gp'
# The bars differ in colour, lightness and fill: dark solid, hatched, light solid.
set style fill solid 1.0 border lc rgb '#000000'
set key top right width 2
set grid noxtics ytics
set xtics scale 0
# A logarithmic axis, so that the tail and the uniform line 1/V (some 0.01) are as visible as
# the favourite (some 0.5).
set logscale y
set yrange [0.001:1.9]
set ytics (0.001, 0.01, 0.1, 1)
set xlabel '\bi{carácter siguiente, en el orden de $\tau = 1$}{next character, in the order at $\tau = 1$}'
set ylabel '\bi{probabilidad (escala logarítmica)}{probability (log scale)}'
plot 'fig/temperature.tsv' using 3:xticlabels(sprintf('\texttt{%s}', strcol(2))) \
       lc rgb '#0072B2' lw 1 dt solid fs solid 1.0 title '$\tau = \dec{0}{5}$', \
     '' using 4 lc rgb '#D55E00' lw 1 dt solid fs pattern 2 title '$\tau = 1$', \
     '' using 5 lc rgb '#E69F00' lw 1 dt solid fs solid 1.0 title '$\tau = 2$', \
     1.0 / V with lines @REF title sprintf('$1/V = 1/%d$', V)
