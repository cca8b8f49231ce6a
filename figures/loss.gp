# Smoothed training loss per character of two real runs made by `make pdf`
# (chapter "Results").  Run from build/: gnuplot ../figures/loss.gp -> fig/loss.tex + .pdf
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/loss.tex'
set datafile separator '\t'
set key at graph 0.97, 0.72 right spacing 1.2
set grid lc rgb '#dddddd'
set xlabel '\bi{iteración (ventanas de 25 caracteres)}{iteration (windows of 25 characters)}'
set ylabel '\bi{nats por carácter}{nats per character}'
set xtics 20000
set yrange [1.5:4.5]
set format x '%.0f'
# Column 5 is the smoothed loss per character; ln V is the loss of a uniform guess.
plot 'fig/quijote.tsv' using 1:5 with lines lw 3 lc rgb '#1f4e9a' \
       title '\bi{\emph{Quijote} corto}{short \emph{Quixote}} ($V=75$)', \
     'fig/shakespeare.tsv' using 1:5 with lines lw 3 lc rgb '#c0392b' \
       title 'Shakespeare ($V=65$)', \
     log(75) with lines dt 3 lw 2 lc rgb '#1f4e9a' title '$\ln 75$', \
     log(65) with lines dt 3 lw 2 lc rgb '#c0392b' title '$\ln 65$'
