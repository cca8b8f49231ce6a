# Smoothed training loss per character with each optimiser and its defaults
# (chapter "Other optimisers").  Run from build/: gnuplot ../figures/optim.gp
# -> fig/optim.tex + fig/optim.pdf.  Inputs: fig/optim-{sgd,adagrad,rmsprop,adam}.tsv,
# the --log tables of four runs that differ only in --optim.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/optim.tex'
set datafile separator '\t'
set datafile columnheaders        # the first line of each table is its header
set key top right spacing 1.2
set grid lc rgb '#dddddd'
set xlabel '\bi{millones de caracteres vistos (escala logarítmica)}{millions of characters seen (log scale)}'
set ylabel '\bi{nats por carácter}{nats per character}'
set yrange [1.5:4.5]
set logscale x                    # the early race and the late order both show
set xrange [0.0025:2.5]
set xtics (0.01, 0.1, 1)
set format x '$%g$'
# Column 2 is the number of characters seen (plotted in millions), column 5 the smoothed
# loss per character.
plot 'fig/optim-sgd.tsv'     using ($2/1e6):5 with lines lw 3 lc rgb '#7f7f7f' title 'SGD', \
     'fig/optim-adagrad.tsv' using ($2/1e6):5 with lines lw 3 lc rgb '#1f4e9a' title 'Adagrad', \
     'fig/optim-rmsprop.tsv' using ($2/1e6):5 with lines lw 3 lc rgb '#2e8b57' title 'RMSprop', \
     'fig/optim-adam.tsv'    using ($2/1e6):5 with lines lw 3 lc rgb '#c0392b' title 'Adam'
