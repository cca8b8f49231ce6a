# Smoothed training loss per character of the three cells: same corpus (tinyshakespeare),
# same budget (750 000 characters), same hidden size (100), Adagrad (chapter "Comparing").
# Run from build/: gnuplot ../figures/cells.gp -> fig/cells.tex + fig/cells.pdf.
# fig/corpora.gp (made by the Makefile) gives V_shakespeare, as charrnn counts it.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/cells.tex'
load '../figures/style.gp'
load 'fig/corpora.gp'
set datafile separator '\t'
set datafile columnheaders        # the first line of each table is its header
set key at graph 0.97, 0.8 right top width -16
set xlabel '\bi{millones de caracteres vistos}{millions of characters seen}'
set ylabel '\bi{nats por carácter}{nats per character}'
set yrange [1.5:4.5]
# Points every 30 rows of the log (75 000 characters), each curve's a third of that later than
# the previous one's, so that the marks of close curves do not sit on one another.
mark(k) = (int($0) % 30 == 10 * k) ? $5 : NaN
lnV = log(V_shakespeare)
plot 'fig/cells-rnn.tsv'  using ($2/1e6):5 with lines lt 3 notitle, \
     ''                   using ($2/1e6):(mark(0)) with points lt 3 notitle, \
     'fig/cells-lstm.tsv' using ($2/1e6):5 with lines lt 1 notitle, \
     ''                   using ($2/1e6):(mark(1)) with points lt 1 notitle, \
     'fig/cells-gru.tsv'  using ($2/1e6):5 with lines lt 2 notitle, \
     ''                   using ($2/1e6):(mark(2)) with points lt 2 notitle, \
     NaN with linespoints lt 3 title '\bi{red recurrente simple}{simple recurrent network}', \
     NaN with linespoints lt 1 title 'LSTM', \
     NaN with linespoints lt 2 title 'GRU', \
     lnV with lines @REF title sprintf('$\ln V = \ln %d$', V_shakespeare)
