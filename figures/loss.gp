# Smoothed training loss per character of two real runs made by `make pdf`
# (chapter "Results").  Run from build/: gnuplot ../figures/loss.gp -> fig/loss.tex + .pdf
# fig/corpora.gp (made by the Makefile) gives V_quijote and V_shakespeare, as charrnn counts them.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/loss.tex'
load '../figures/style.gp'
load 'fig/corpora.gp'
set datafile separator '\t'
set datafile columnheaders        # the first line of each table is its header
set key at graph 0.97, 0.75 right top width -13
set xlabel '\bi{iteración (ventanas de 25 caracteres)}{iteration (windows of 25 characters)}'
set ylabel '\bi{nats por carácter}{nats per character}'
set xtics 20000
set yrange [1.5:4.5]
# ln V, the loss of a uniform guess, for each corpus: a dotted line, named in the right margin
# (the two are close: the larger a little above its line, the smaller a little below).
lnVq = log(V_quijote); lnVs = log(V_shakespeare)
set rmargin 6
set label sprintf('$\ln %d$', V_quijote) at graph 1, first lnVq left \
  offset 0.5, (lnVq > lnVs ? 0.3 : -0.3)
set label sprintf('$\ln %d$', V_shakespeare) at graph 1, first lnVs left \
  offset 0.5, (lnVq > lnVs ? -0.3 : 0.3)
# Column 5 is the smoothed loss per character; ln V is the loss of a uniform guess.
plot 'fig/quijote.tsv' using 1:5 with linespoints lt 1 pi 100 \
       title sprintf('\bi{\emph{Quijote} corto}{short \emph{Quixote}} ($V=%d$)', V_quijote), \
     'fig/shakespeare.tsv' using 1:5 with linespoints lt 2 pi 100 \
       title sprintf('Shakespeare ($V=%d$)', V_shakespeare), \
     lnVq with lines @REF title '$\ln V$', \
     lnVs with lines @REF notitle
