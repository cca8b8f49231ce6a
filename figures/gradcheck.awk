# figures/gradcheck.awk: the gradient check's output lines (PASS/FAIL: gradient check MODEL
# dTENSOR N numbers, max rel. error E) as the rows of a LaTeX table, for the book. Run by
# the Makefile with -v mode=rows (one row per tensor, the model named once) or
# -v mode=summary (one row per model: tensors, numbers checked, worst error and where).
function tensor(t,   base, l) {
    l = ""; if (match(t, /\[[0-9]+\]$/)) { l = substr(t, RSTART + 1, RLENGTH - 2); t = substr(t, 1, RSTART - 1) }
    base = t == "dWxh" ? "dW_{xh}" : t == "dWhh" ? "dW_{hh}" : t == "dWhy" ? "dW_{hy}" : \
           t == "dbh" ? "db_h" : t == "dby" ? "db_y" : t
    return "$" base (l == "" ? "" : "^{(" l ")}") "$" }
function sci(e,   m, x, d) { split(e, m, "e"); x = m[2] + 0; split(m[1], d, ".")
    return "$\\dec{" d[1] "}{" d[2] "}" (x == 0 ? "" : "\\cdot 10^{" x "}") "$" }
/^(PASS|FAIL): gradient check / {
    ok = substr($0, 1, 4) == "PASS"; s = $0; sub(/^(PASS|FAIL): gradient check /, "", s)
    if (!match(s, / d[Wb][a-z]+(\[[0-9]+\])? +[0-9]+ numbers, max rel\. error [0-9.]+e[-+][0-9]+$/)) next
    model = substr(s, 1, RSTART - 1); rest = substr(s, RSTART + 1); split(rest, w, /[ ,]+/)
    t = w[1]; n = w[2]; e = w[length(w)]
    if (mode == "rows") {
        if (model != last && NR > 1 && seen) print "\\midrule"
        printf "%s & %s & %s & %s & %s \\\\\n", model == last ? "" : "\\texttt{" model "}",
               tensor(t), n, sci(e), ok ? "\\bi{bien}{pass}" : "\\textbf{\\bi{falla}{fail}}"
        last = model; seen = 1
    } else {
        if (!(model in count)) order[++k] = model
        count[model]++; nums[model] += n; bad[model] += !ok
        if (!(model in worst) || e + 0 > worst[model] + 0) { worst[model] = e; wt[model] = t }
    } }
END { if (mode == "summary") for (i = 1; i <= k; i++) { m = order[i]
        printf "\\texttt{%s} & %d & %d & %s & %s \\\\\n", m, count[m], nums[m], sci(worst[m]), tensor(wt[m]) } }
