# Smoothed training loss per character with each optimiser and its defaults
# (chapter "Other optimisers").  Run from build/: gnuplot ../figures/optim.gp
# -> fig/optim.tex + fig/optim.pdf.  Inputs: fig/optim-{sgd,adagrad,rmsprop,adam}.tsv,
# the --log tables of four runs that differ only in --optim.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/optim.tex'
load '../figures/style.gp'
set datafile separator '\t'
set datafile columnheaders        # the first line of each table is its header
set key at graph 0.97, 0.97 right top width 1
set xlabel '\bi{millones de caracteres vistos (escala logarítmica)}{millions of characters seen (log scale)}'
set ylabel '\bi{nats por carácter}{nats per character}'
set yrange [1.5:4.5]
set logscale x                    # the early race and the late order both show
set xrange [0.0025:2.5]
set xtics (0.01, 0.1, 1)
# Column 2 is the number of characters seen (plotted in millions), column 5 the smoothed
# loss per character. The rows are evenly spaced in iterations, so on the log scale the
# points go at evenly spaced logarithms: three a decade, each curve's a quarter of a step
# after the previous one's, so that the marks of close curves do not sit on one another.
mark(k) = (n = $0 + 1, n > 1 && floor(3 * log10(n) + k / 4.0) > floor(3 * log10(n - 1) + k / 4.0)) \
          ? $5 : NaN
plot 'fig/optim-sgd.tsv'     using ($2/1e6):5 with lines lt 4 notitle, \
     ''                      using ($2/1e6):(mark(0)) with points lt 4 notitle, \
     'fig/optim-adagrad.tsv' using ($2/1e6):5 with lines lt 1 notitle, \
     ''                      using ($2/1e6):(mark(1)) with points lt 1 notitle, \
     'fig/optim-rmsprop.tsv' using ($2/1e6):5 with lines lt 3 notitle, \
     ''                      using ($2/1e6):(mark(2)) with points lt 3 notitle, \
     'fig/optim-adam.tsv'    using ($2/1e6):5 with lines lt 2 notitle, \
     ''                      using ($2/1e6):(mark(3)) with points lt 2 notitle, \
     NaN with linespoints lt 4 title 'SGD', \
     NaN with linespoints lt 1 title 'Adagrad', \
     NaN with linespoints lt 3 title 'RMSprop', \
     NaN with linespoints lt 2 title 'Adam'
