# The hyperbolic tangent and its derivative (chapter "The forward pass").
# Run from build/: gnuplot ../figures/tanh.gp  ->  fig/tanh.tex + fig/tanh.pdf
set terminal cairolatex pdf size 12cm,6.5cm
set output 'fig/tanh.tex'
set xrange [-4:4]
set yrange [-1.15:1.15]
set xtics 1
set ytics 0.5
set grid lc rgb '#dddddd'
set xzeroaxis lt -1
set key top left Left reverse
set xlabel '$u$'
plot tanh(x) lw 3 lc rgb '#1f4e9a' title '$\tanh u$', \
     1 - tanh(x)**2 lw 3 dt 2 lc rgb '#c0392b' title '$1 - \tanh^2 u$'
