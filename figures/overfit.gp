# Over-fitting, from a real run: the smoothed training loss per character (column 5) and the
# held-out loss per character (column 7, only on evaluated rows; the others say '-') of a network
# of H = 200 trained with Adam on 11 000 characters of the short Quixote (chapter "Honest
# evaluation"). Run from build/: gnuplot ../figures/overfit.gp -> fig/overfit.tex + .pdf.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/overfit.tex'
set datafile separator '\t'
set datafile missing '-'
set datafile columnheaders
# V from the run's own report: "held out: ...; a uniform guess scores ln V = ..."
V = int(system("sed -n 's/.*a uniform guess scores ln \\([0-9]*\\) = .*/\\1/p' fig/overfit.err"))
# Where the held-out loss is lowest: the model --save keeps in FILE.best.
stats 'fig/overfit.tsv' using 1:7 nooutput
best_iter = STATS_pos_min_y
best = STATS_min_y
set key at graph 0.97, 0.86 right top spacing 1.2     # below the ln V line
set grid lc rgb '#dddddd'
set xlabel '\bi{iteración (ventanas de 25 caracteres)}{iteration (windows of 25 characters)}'
set ylabel '\bi{nats por carácter}{nats per character}'
set xtics 5000
set format x '%.0f'
set yrange [0.5:4.5]
set arrow from best_iter, graph 0 to best_iter, best nohead dt 2 lw 2 lc rgb '#c0392b'
set label '\bi{mínimo}{minimum}' at best_iter, graph 0.06 left offset 0.5, 0
plot 'fig/overfit.tsv' using 1:5 with lines lw 3 lc rgb '#1f4e9a' \
       title '\bi{entrenamiento (suavizada)}{training (smoothed)}', \
     '' using 1:7 with linespoints lw 2 pt 7 ps 0.35 lc rgb '#c0392b' \
       title '\bi{texto de validación}{held-out text}', \
     log(V) with lines dt 3 lw 2 lc rgb '#555555' title sprintf('$\ln %d$', V)
