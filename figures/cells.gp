# Smoothed training loss per character of the three cells: same corpus (tinyshakespeare),
# same budget (750 000 characters), same hidden size (100), Adagrad (chapter "Comparing").
# Run from build/: gnuplot ../figures/cells.gp -> fig/cells.tex + fig/cells.pdf.
set terminal cairolatex pdf size 13cm,7.5cm
set output 'fig/cells.tex'
set datafile separator '\t'
set datafile columnheaders        # the first line of each table is its header
set key top right spacing 1.2
set grid lc rgb '#dddddd'
set xlabel '\bi{millones de caracteres vistos}{millions of characters seen}'
set ylabel '\bi{nats por carácter}{nats per character}'
set yrange [1.5:4.5]
set format x '%.1f'
plot 'fig/cells-rnn.tsv'  using ($2/1e6):5 with lines lw 3 lc rgb '#7f7f7f' \
       title '\bi{red recurrente simple}{simple recurrent network}', \
     'fig/cells-lstm.tsv' using ($2/1e6):5 with lines lw 3 lc rgb '#1f4e9a' title 'LSTM', \
     'fig/cells-gru.tsv'  using ($2/1e6):5 with lines lw 3 lc rgb '#c0392b' title 'GRU', \
     log(65) with lines dt 3 lw 2 lc rgb '#555555' title '$\ln 65$'
