# The figures' common look, loaded by each figures/*.gp (run from build/).
# Curves are told apart three ways, so that they survive greyscale printing and red-green
# colour blindness: a colour of the Okabe-Ito palette (Okabe and Ito, "Color Universal
# Design", 2002), chosen to differ in lightness too; a dash pattern; and a point type, drawn
# every few samples (pointinterval) rather than at every one. Line type k is the k-th curve:
#   1  blue       #0072B2  solid         filled circles    (darkest colour)
#   2  vermillion #D55E00  dashes        filled triangles
#   3  orange     #E69F00  dash-dot      filled squares    (lightest colour)
#   4  black      #000000  long dashes   open diamonds
# Reference lines (ln V, 1/V) are thin, dotted, dark grey and carry no points, as the text
# calls them "the dotted lines"; no data curve is dotted.
set linetype 1 lc rgb '#0072B2' lw 3 dt solid        pt 7  ps 0.8
set linetype 2 lc rgb '#D55E00' lw 3 dt (9,4.5)      pt 9  ps 0.95
set linetype 3 lc rgb '#E69F00' lw 3 dt (7,2.5,1.5,2.5) pt 5  ps 0.7
set linetype 4 lc rgb '#000000' lw 2.5 dt (12,4)     pt 12 ps 1.0
REF = 'lw 2.5 dt (1,3) lc rgb "#333333"'
set grid lc rgb '#dddddd'
# The key is opaque, with a light frame, so no line shows through it; samplen long enough to
# show each dash pattern. (gnuplot measures a title by its TeX source, both languages of \bi
# included, so scripts shrink the frame with 'width' to what LaTeX prints.)
set key opaque box lc rgb '#aaaaaa' lw 1 samplen 4.5 spacing 1.25
# Tick labels go through \gnum (figures/gnum.tex): grouped thousands, and the decimal sign of
# each edition.
set format x '\gnum{%g}'
set format y '\gnum{%g}'
