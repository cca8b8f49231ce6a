# The hyperbolic tangent and its derivative (chapter "The forward pass").
# Run from build/: gnuplot ../figures/tanh.gp  ->  fig/tanh.tex + fig/tanh.pdf
set terminal cairolatex pdf size 12cm,6.5cm
set output 'fig/tanh.tex'
load '../figures/style.gp'
set xrange [-4:4]
set yrange [-1.15:1.15]
set xtics 1
set ytics 0.5
set xzeroaxis lt -1 lw 1
set key top left Left reverse width 1
set xlabel '$u$'
# 161 samples, a point every 20 (every 1 in u), the derivative's half a step later.
set samples 161
plot tanh(x) with linespoints lt 1 pi 20 title '$\tanh u$', \
     1 - tanh(x)**2 with lines lt 2 notitle, \
     '+' using 1:(int($0) % 20 == 10 ? 1 - tanh($1)**2 : NaN) with points lt 2 notitle, \
     NaN with linespoints lt 2 title '$1 - \tanh^2 u$'
