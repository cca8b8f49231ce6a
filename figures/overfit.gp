# Over-fitting, from a real run: the smoothed training loss per character (column 5) and the
# held-out loss per character (column 7, only on evaluated rows; the others say '-') of a network
# of H = 200 trained with Adam on 11 000 characters of the short Quixote (chapter "Honest
# evaluation"). Run from build/: gnuplot ../figures/overfit.gp -> fig/overfit.tex + .pdf.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/overfit.tex'
set datafile separator '\t'
set datafile missing '-'
set datafile columnheaders
load '../figures/style.gp'
# V from the run's own report: "held out: ...; a uniform guess scores ln V = ..."
V = int(system("sed -n 's/.*a uniform guess scores ln \\([0-9]*\\) = .*/\\1/p' fig/overfit.err"))
# Where the held-out loss is lowest: the model --save keeps in FILE.best.
stats 'fig/overfit.tsv' using 1:7 nooutput
best_iter = STATS_pos_min_y
best = STATS_min_y
set key at graph 0.97, 0.895 right top width -12 spacing 1.1   # below the ln V line
set xlabel '\bi{iteración (ventanas de 25 caracteres)}{iteration (windows of 25 characters)}'
set ylabel '\bi{nats por carácter}{nats per character}'
set xtics 5000
set yrange [0.5:4.5]
set arrow from best_iter, graph 0 to best_iter, best nohead lw 2 dt (6,4) lc rgb '#333333'
set label '\bi{mínimo}{minimum}' at best_iter, graph 0.06 left offset 0.5, 0
# Points on every 25th row of the training loss and on every 6th evaluation, the two sets
# out of step, rather than on every one.
evals = 0
held(v) = (evals = evals + 1, evals % 6 == 3 ? v : NaN)
plot 'fig/overfit.tsv' using 1:5 with linespoints lt 1 pi 25 \
       title '\bi{entrenamiento (suavizada)}{training (smoothed)}', \
     '' using 1:7 with lines lt 2 notitle, \
     '' using 1:(valid(7) ? held($7) : NaN) with points lt 2 notitle, \
     NaN with linespoints lt 2 title '\bi{datos de validación}{held-out text}', \
     log(V) with lines @REF title sprintf('$\ln V = \ln %d$', V)
