# charrnn: tangle the program, run the tests, weave the two editions of the book.
#   make tangle     build/charrnn.c and ./charrnn
#   make test       all tests; SAN=1 runs them under AddressSanitizer + UBSan
#   make pdf        build/charrnn-es.pdf and build/charrnn-en.pdf
#   make bench      key=value speed measurements
#   make fuzz       the checkpoint and corpus readers under libFuzzer (FUZZ_SECONDS each)
.DELETE_ON_ERROR:
.SECONDARY:
.SUFFIXES:
SHELL := /bin/bash

CC      ?= cc
OPT     ?= -O3 -march=native
WARN    := -Wall -Wextra
CFLAGS  ?= -std=c11 $(OPT) -ffp-contract=off -fno-math-errno $(WARN)
SANFLAGS := -std=c11 -O1 -g -fno-omit-frame-pointer -ffp-contract=off -fno-math-errno $(WARN) \
            -fsanitize=address,undefined -fno-sanitize-recover=all
LDLIBS  := -lm

ifeq ($(SAN),1)
  BIN     := build/san/charrnn
  TESTBIN := build/san/test_charrnn
else
  BIN     := charrnn
  TESTBIN := build/test_charrnn
endif

.PHONY: all tangle test pdf bench warnings tools-tangle tools-pdf clean check-roots fuzz FORCE
all: tangle

# ---- tools: install with apt-get when missing (root or password-less sudo) ----------
# $(call ensure,TEST-COMMAND,PACKAGES)
define ensure
	@$(1) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	  else echo "charrnn: missing $(2); install with: sudo apt-get install -y $(2)" >&2; exit 1; fi; \
	  echo "installing $(2) with apt-get ..." >&2; \
	  { $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	      --no-install-recommends $(2); } >&2 || \
	  { echo "charrnn: apt-get failed; run: sudo apt-get install -y $(2)" >&2; exit 1; }; }
endef
TEX_PKGS := texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures \
            texlive-fonts-recommended lmodern texlive-lang-spanish

tools-tangle:
	$(call ensure,command -v notangle,noweb)
	$(call ensure,command -v $(CC),gcc)
tools-pdf: tools-tangle
	$(call ensure,command -v gnuplot,gnuplot-nox)
	$(call ensure,kpsewhich fvextra.sty spanish.ldf lmodern.sty comment.sty tikz.sty,$(TEX_PKGS))
	$(call ensure,command -v pdftoppm,poppler-utils)

# ---- tangle and compile ------------------------------------------------------------
tangle: tools-tangle
	@$(MAKE) --no-print-directory charrnn

build/%.c: charrnn.nw
	@mkdir -p build
	notangle -L -R'[[$*.c]]' $< > $@

charrnn: build/charrnn.c
	$(CC) $(CFLAGS) -o $@ $< $(LDLIBS)

build/test_charrnn: build/test_charrnn.c build/charrnn.c
	$(CC) $(CFLAGS) -o $@ $< $(LDLIBS)

build/san/charrnn: build/charrnn.c
	@mkdir -p build/san
	$(CC) $(SANFLAGS) -o $@ $< $(LDLIBS)

build/san/test_charrnn: build/test_charrnn.c build/charrnn.c
	@mkdir -p build/san
	$(CC) $(SANFLAGS) -o $@ $< $(LDLIBS)

# Two mutants, each with one real mistake; the gradient check must
# catch both (tests/run.sh), and the book shows what it prints.
#   build/mutant:     h_t instead of h_{t-1} in the first part's dWhh.
#   build/mutant-gru: a GRU that drops the direct road dh_{t-1} += dh_t * z_t.
MUTATION.mutant     := s/H, m->hs, m->col, T);/H, m->hs + H, m->col, T);/
MUTATION.mutant-gru := s/m->dhnext\[k\] = dh \* z;/m->dhnext[k] = 0.0;/
build/%/charrnn.c: build/charrnn.c
	@mkdir -p build/$*
	sed '$(MUTATION.$*)' $< > $@
	@! cmp -s $< $@ || { echo "charrnn: the $* mutation no longer applies" >&2; exit 1; }
build/%/test_charrnn: build/test_charrnn.c build/%/charrnn.c
	cp build/test_charrnn.c build/$*/test_charrnn.c
	$(CC) $(CFLAGS) -o $@ build/$*/test_charrnn.c $(LDLIBS)

check-roots: charrnn.nw
	@test "$$(noroots $< | sort | tr '\n' ' ')" = \
	  "<<[[bookcheck.sh]]>> <<[[charrnn.c]]>> <<[[fuzz_checkpoint.c]]>> <<[[fuzz_corpus.c]]>> <<[[test_charrnn.c]]>> <<[[weave-uses.awk]]>> " || \
	  { echo "charrnn: unexpected root chunks (a misspelt chunk name?):" >&2; noroots $< >&2; exit 1; }

# ---- tests -------------------------------------------------------------------------
test: tools-tangle
	$(call ensure,command -v python3,python3)
	@$(MAKE) --no-print-directory check-roots $(BIN) $(TESTBIN) build/mutant/test_charrnn \
	  build/mutant-gru/test_charrnn
	@$(MAKE) --no-print-directory build/bookcheck.sh build/charrnn-es.nw build/charrnn-en.nw
	@bash tests/run.sh ./$(BIN) ./$(TESTBIN) ./build/mutant/test_charrnn \
	  ./build/mutant-gru/test_charrnn

# Zero warnings under gcc and clang, for the program and the tests.
warnings: tools-tangle
	$(call ensure,command -v clang,clang)
	@$(MAKE) --no-print-directory build/charrnn.c build/test_charrnn.c
	@mkdir -p build/warn
	@for cc in gcc clang; do for prog in charrnn test_charrnn; do \
	  echo "$$cc $$prog.c"; \
	  $$cc -std=c11 -O2 -ffp-contract=off -fno-math-errno $(WARN) -Werror \
	    -o build/warn/$$prog-$$cc build/$$prog.c $(LDLIBS) || exit 1; done; done
	@echo "no warnings from gcc or clang"

# ---- fuzzing -----------------------------------------------------------------------
# libFuzzer (clang) with AddressSanitizer and UBSan on the two readers. Each starts from valid
# examples (a small checkpoint of each cell, the corpora) and runs FUZZ_SECONDS; a crash leaves
# its input in build/fuzz/ and fails the target. Inputs that once broke a reader are kept in
# tests/fuzz-regress/ and replayed by make test.
FUZZ_SECONDS ?= 60
FUZZFLAGS := -std=c11 -O1 -g -fno-omit-frame-pointer -ffp-contract=off -fno-math-errno $(WARN) \
             -Wno-unused-function -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
build/fuzz/%: build/%.c build/charrnn.c
	@mkdir -p build/fuzz
	clang $(FUZZFLAGS) -Ibuild -o $@ $< $(LDLIBS)
build/fuzz/seeds-checkpoint/.done: charrnn
	@mkdir -p $(@D)
	for m in rnn lstm gru; do ./charrnn data/hola.txt --seq-length 10 --hidden 4 --iters 3 \
	  --quiet --sample-length 0 --model $$m --save $(@D)/$$m.ck || exit 1; done
	./charrnn data/hola.txt --seq-length 5 --hidden 3 --iters 2 --quiet --sample-length 0 \
	  --model gru,lstm --batch 2 --optim adam --val-frac 0.3 --eval-every 1 --save $(@D)/mix.ck
	rm -f $(@D)/*.best
	touch $@
build/fuzz/seeds-corpus/.done: data/hola.txt
	@mkdir -p $(@D)
	cp data/hola.txt $(@D)/ && head -c 3000 data/quijote-small.txt > $(@D)/quijote.txt
	printf 'caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\n' > $(@D)/multi.txt
	touch $@
fuzz: tools-tangle
	$(call ensure,command -v clang,clang)
	$(call ensure,test -f "$$(clang -print-file-name=libclang_rt.fuzzer-$$(uname -m).a)",libclang-rt-dev)
	@$(MAKE) --no-print-directory build/fuzz/fuzz_checkpoint build/fuzz/fuzz_corpus \
	  build/fuzz/seeds-checkpoint/.done build/fuzz/seeds-corpus/.done
	@mkdir -p build/fuzz/work-checkpoint build/fuzz/work-corpus
	cd build/fuzz && set -o pipefail && ./fuzz_checkpoint -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
	  -max_len=65536 -print_final_stats=1 work-checkpoint seeds-checkpoint 2>&1 | tail -n 12
	cd build/fuzz && set -o pipefail && ./fuzz_corpus -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 \
	  -print_final_stats=1 work-corpus seeds-corpus 2>&1 | tail -n 12
	@echo "fuzzing found no crash in $(FUZZ_SECONDS) s per reader"

# ---- speed -------------------------------------------------------------------------
BENCH_ITERS ?= 20000
BENCH_THREADS ?= 2
# key=value lines; the rows for the gated cells and for 16 streams carry a _model suffix.
# bench_row MODEL BATCH ITERS SUFFIX THREADS: train on tinyshakespeare (H=100, T=25).
bench_row = ./charrnn data/tinyshakespeare.txt --quiet --bench --model $(1) --batch $(2) \
  --iters $(3) --threads $(5) --sample-length 30000 | \
  sed -n 's/^\(train\|sample\)_chars_per_sec=/\1_chars_per_sec_$(4)=/p'
bench: tools-tangle
	@$(MAKE) --no-print-directory charrnn build/test_charrnn build/bench/charrnn-math-errno
	@grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: */cpu=/' || true
	@echo "cflags=$(CFLAGS)"
	@./charrnn data/tinyshakespeare.txt --quiet --bench --iters $(BENCH_ITERS) \
	  --sample-length 300000
	@$(call bench_row,rnn --engine general,1,$(BENCH_ITERS),engine,1)
	@build/bench/charrnn-math-errno data/tinyshakespeare.txt --quiet --bench \
	  --iters $(BENCH_ITERS) --sample-length 0 | \
	  sed -n 's/^train_chars_per_sec=/train_chars_per_sec_math_errno=/p'
	@build/test_charrnn --bench-kernels
	@$(call bench_row,lstm,1,6000,lstm,1)
	@$(call bench_row,gru,1,6000,gru,1)
	@echo "threads_batch16=$(BENCH_THREADS)"
	@for m in rnn lstm gru; do \
	  one=$$($(call bench_row,$$m,1,4000,x,1) | sed -n 's/^train_chars_per_sec_x=//p'); \
	  sixteen=$$($(call bench_row,$$m,16,1000,x,$(BENCH_THREADS)) | \
	    sed -n 's/^train_chars_per_sec_x=//p'); \
	  alone=$$($(call bench_row,$$m,16,1000,x,1) | sed -n 's/^train_chars_per_sec_x=//p'); \
	  echo "train_chars_per_sec_$${m}_batch16=$$sixteen"; \
	  awk -v a=$$sixteen -v b=$$one 'BEGIN { printf "batch16_speedup_'$$m'=%.2f\n", a / b }'; \
	  awk -v a=$$alone -v b=$$one \
	    'BEGIN { printf "batch16_speedup_'$$m'_one_thread=%.2f\n", a / b }'; done

# The program without -fno-math-errno, to measure what that option is worth.
build/bench/charrnn-math-errno: build/charrnn.c
	@mkdir -p build/bench
	$(CC) $(filter-out -fno-math-errno,$(CFLAGS)) -o $@ $< $(LDLIBS)

build/bench.txt: charrnn build/test_charrnn
	$(MAKE) --no-print-directory -s bench > $@

# ---- figures and the book ----------------------------------------------------------
# The default run, whose final checkpoint (saving does not change the log or the sample) gives
# the temperature figure its distribution. The run writes no samples on the way, so its final
# sample is the one `sample` writes from the checkpoint with the same seed: the book says so.
build/fig/quijote.tsv build/fig/quijote-sample.txt build/fig/quijote.ck build/fig/quijote.time &: \
  charrnn
	@mkdir -p build/fig
	start=$$(date +%s.%N); ./charrnn data/quijote-small.txt --quiet --log build/fig/quijote.tsv \
	  --save build/fig/quijote.ck --save-every 0 --prompt 'Dijo don Quijote' \
	  --sample-length 600 | tail -n +2 > build/fig/quijote-sample.txt; \
	  awk -v a=$$(date +%s.%N) -v b=$$start 'BEGIN { print a - b }' > build/fig/quijote.time
	./charrnn sample --from build/fig/quijote.ck --prompt 'Dijo don Quijote' --length 600 | \
	  cmp - build/fig/quijote-sample.txt
build/fig/shakespeare.tsv: charrnn
	@mkdir -p build/fig
	./charrnn data/tinyshakespeare.txt --quiet --log $@ --sample-length 0
# What the program says of each corpus the figures train on ("corpus '...': N characters,
# V distinct"), as gnuplot variables N_quijote, V_quijote, N_shakespeare, V_shakespeare, so
# that no figure types V by hand. One iteration of a tiny network is enough to hear it.
build/fig/corpora.gp: charrnn data/quijote-small.txt data/tinyshakespeare.txt data/hola.txt
	@mkdir -p build/fig
	for c in quijote:data/quijote-small.txt shakespeare:data/tinyshakespeare.txt \
	         hola:data/hola.txt; do \
	  ./charrnn "$${c#*:}" --iters 1 --hidden 1 --seq-length 1 --sample-length 0 2>&1 >/dev/null | \
	    awk -v c="$${c%%:*}" 'sub(/^corpus .*: /, "") && $$4 ~ /^distinct/ { n++; \
	      print "N_" c " = " $$1 "; V_" c " = " $$3 } END { exit !n }' || exit 1; done > $@

# The comparisons: three cells with Adagrad on Shakespeare (30 000 windows of 25 characters
# each), and the four optimisers on the default network and corpus (the Adagrad run is the
# default run of the results chapter).
COMPARE := data/tinyshakespeare.txt --quiet --iters 30000 --log-every 100
build/fig/cells-%.tsv build/fig/cells-%-sample.txt &: charrnn
	@mkdir -p build/fig
	./charrnn $(COMPARE) --model $* --log build/fig/cells-$*.tsv --prompt 'ROMEO:' \
	  --sample-length 240 | tail -n +2 > build/fig/cells-$*-sample.txt
build/fig/optim-adagrad.tsv: build/fig/quijote.tsv
	cp $< $@
# SGD's learning rate, swept on the default network and corpus (100 000 iterations each), and
# on an LSTM on Shakespeare (the cells' budget); figures/numbers.sh reads the results.
SGD_RATES := 0.05 0.02 0.01 0.005 0.0005 0.0003 0.0002 0.0001
LSTM_SGD_RATES := 0.0002 0.002 0.005 0.01
build/fig/sgd-%.tsv: charrnn
	@mkdir -p build/fig
	./charrnn data/quijote-small.txt --quiet --optim sgd --lr $* --sample-length 0 \
	  --log $@ 2> build/fig/sgd-$*.err; echo $$? > build/fig/sgd-$*.status
build/fig/lstm-sgd-%.tsv: charrnn
	@mkdir -p build/fig
	./charrnn $(COMPARE) --model lstm --optim sgd --lr $* --sample-length 0 --log $@ \
	  2> build/fig/lstm-sgd-$*.err; echo $$? > build/fig/lstm-sgd-$*.status
# SGD at its default rate is the sweep's run at that rate, the same command.
build/fig/optim-sgd.tsv: build/fig/sgd-0.0002.tsv
	@./charrnn --help | grep -q 'sgd 0\.0002,' || \
	  { echo "charrnn: SGD's default rate is not 0.0002: fix the optim-sgd rule" >&2; exit 1; }
	test "$$(cat build/fig/sgd-0.0002.status)" = 0 && cp $< $@
build/fig/optim-%.tsv: charrnn
	@mkdir -p build/fig
	./charrnn data/quijote-small.txt --quiet --optim $* --log $@ --sample-length 0
build/fig/cells.tex: figures/cells.gp build/fig/cells-rnn.tsv build/fig/cells-lstm.tsv \
                     build/fig/cells-gru.tsv build/fig/corpora.gp
	cd build && gnuplot ../$<
build/fig/optim.tex: figures/optim.gp $(foreach o,sgd adagrad rmsprop adam,build/fig/optim-$(o).tsv)
	cd build && gnuplot ../$<

# Tables of the smoothed loss per character at a few points, read from the same logs as the
# figures, so that the text's numbers are this build's.
# loss_row FILE LABEL ITERATIONS: one LaTeX table row.
# Numbers are written \dec{1}{676}: a decimal comma in Spanish, a point in English.
loss_row = LABEL='$(2)' awk -F'\t' -v at=' $(3) ' 'NR > 1 && index(at, " " $$1 " ") { \
  split(sprintf("%.3f", $$5), d, "."); v = v " & \\dec{" d[1] "}{" d[2] "}" } \
  END { print ENVIRON["LABEL"] v " \\\\" }' $(1)
CELL_POINTS := 10000 20000 30000
build/fig/cells-table.tex: build/fig/cells-rnn.tsv build/fig/cells-lstm.tsv build/fig/cells-gru.tsv
	{ $(call loss_row,build/fig/cells-rnn.tsv,\bi{red recurrente}{recurrent network},$(CELL_POINTS)); \
	  $(call loss_row,build/fig/cells-lstm.tsv,LSTM,$(CELL_POINTS)); \
	  $(call loss_row,build/fig/cells-gru.tsv,GRU,$(CELL_POINTS)); echo '\bottomrule'; } > $@
OPTIM_POINTS := 2000 10000 50000 100000
build/fig/optim-table.tex: $(foreach o,sgd adagrad rmsprop adam,build/fig/optim-$(o).tsv)
	{ $(call loss_row,build/fig/optim-sgd.tsv,SGD,$(OPTIM_POINTS)); \
	  $(call loss_row,build/fig/optim-adagrad.tsv,Adagrad,$(OPTIM_POINTS)); \
	  $(call loss_row,build/fig/optim-rmsprop.tsv,RMSprop,$(OPTIM_POINTS)); \
	  $(call loss_row,build/fig/optim-adam.tsv,Adam,$(OPTIM_POINTS)); echo '\bottomrule'; } > $@

build/fig/loss.tex: figures/loss.gp build/fig/quijote.tsv build/fig/shakespeare.tsv \
                    build/fig/corpora.gp
	cd build && gnuplot ../$<
build/fig/tanh.tex: figures/tanh.gp
	@mkdir -p build/fig
	cd build && gnuplot ../$<
# Every figure loads the common look (colours, dashes, points, key, \gnum tick labels).
$(foreach f,loss cells optim overfit tanh temperature,build/fig/$(f).tex): figures/style.gp

# The next-character distribution after TEMP_PROMPT at each of TEMPERATURES, from the default
# run's checkpoint. One row per character, the TEMP_ROWS most likely at T = 1 in that order: the
# rank, the character as TeX ("space" and "\n" made visible, TeX's specials escaped; each
# backslash written twice, because gnuplot reads escapes in data strings) and its probability
# at each temperature (0 where a cold one rounds it away). The order comes from the second
# table, T = 1; figures/temperature.gp and the book's text name the prompt and the temperatures,
# so change them together.
TEMP_PROMPT  := le dijo
TEMPERATURES := 0.5 1 2
TEMP_ROWS    := 12
build/fig/temperature.tsv $(foreach t,$(TEMPERATURES),build/fig/temperature-$(t).tsv) &: \
  build/fig/quijote.ck charrnn
	for t in $(TEMPERATURES); do ./charrnn sample --from $< --prompt '$(TEMP_PROMPT)' --probs \
	  --temperature $$t > build/fig/temperature-$$t.tsv || exit 1; done
	awk -F'\t' -v OFS='\t' -v rows=$(TEMP_ROWS) ' \
	  function tex(c) { \
	    if (c == "space") return "\\\\textvisiblespace"; \
	    if (c == "\\n") return "\\\\textbackslash n"; \
	    if (c == "\\") return "\\\\textbackslash{}"; \
	    if (c == "~") return "\\\\textasciitilde{}"; \
	    if (c == "^") return "\\\\textasciicircum{}"; \
	    if (index("{}#$$%&_", c)) return "\\\\" c; \
	    return c } \
	  FNR == 1 { f++; next } \
	  { p[f, $$2] = $$3 } \
	  f == 2 && FNR <= rows + 1 { code[FNR - 1] = $$2; ch[FNR - 1] = tex($$4) } \
	  END { for (i = 1; i <= rows; i++) \
	    print i, ch[i], p[1, code[i]] + 0, p[2, code[i]] + 0, p[3, code[i]] + 0 }' \
	  $(foreach t,$(TEMPERATURES),build/fig/temperature-$(t).tsv) > $@
build/fig/temperature.tex: figures/temperature.gp build/fig/temperature.tsv
	cd build && gnuplot ../$<

# Over-fitting on purpose: the first 180 lines of the short Quixote (some 11 000 characters, the
# last fifth held out), a network of H = 200 trained with Adam for 15 000 windows, some 40 passes
# over what it trains on (about 15 s). Standard error keeps the run's report (V, what is held
# out) for the figure and the text.
OVERFIT := --hidden 200 --optim adam --lr 0.001 --iters 15000 --val-frac 0.2 --eval-every 250
OVERFIT_PATIENCE := 8
build/fig/overfit.txt: data/quijote-small.txt
	@mkdir -p build/fig
	head -n 180 $< > $@
build/fig/overfit.tsv build/fig/overfit.err &: build/fig/overfit.txt charrnn
	./charrnn $< $(OVERFIT) --sample-length 0 --log build/fig/overfit.tsv \
	  > /dev/null 2> build/fig/overfit.err
build/fig/overfit.tex: figures/overfit.gp build/fig/overfit.tsv build/fig/overfit.err
	cd build && gnuplot ../$<
# The run's numbers for the text, as macros \overfitN, \overfitV, ...: the corpus, the best
# held-out loss and its iteration, both losses there and at the end, and where --patience
# OVERFIT_PATIENCE would have stopped (the training loop's rule: that many evaluations in a row
# without a new best). It fails if the run did not over-fit, so that the text cannot say it did.
build/fig/overfit-numbers.tex: build/fig/overfit.err build/fig/overfit.tsv
	awk -F'\t' -v K=$(OVERFIT_PATIENCE) ' \
	  function dec(x,  d) { split(sprintf("%.3f", x), d, "."); return "\\dec{" d[1] "}{" d[2] "}" } \
	  function num(n) { n = n ""; if (length(n) > 4) \
	    n = substr(n, 1, length(n) - 3) "\\," substr(n, length(n) - 2); return n } \
	  function def(name, v) { print "\\newcommand{\\overfit" name "}{" v "}" } \
	  FILENAME == ARGV[1] { if (sub(/^corpus .*: /, "")) { split($$0, w, " "); n = w[1]; v = w[3] } \
	    if (sub(/^held out: the last /, "")) held = $$0 + 0; next } \
	  FNR == 1 { next } \
	  { last = $$1; chars = $$2; lt = $$5 } \
	  $$7 == "-" { next } \
	  { lv = $$7 } \
	  evals++ == 0 || $$7 + 0 < best { best = $$7 + 0; bi = $$1; bt = $$5; stale = 0; next } \
	  ++stale == K && !stop { stop = $$1 } \
	  END { if (!stop || lv < best + 0.2 || !held) { \
	      print "charrnn: the over-fitting run did not over-fit" > "/dev/stderr"; exit 1 } \
	    def("N", num(n)); def("V", v); def("LnV", dec(log(v))); def("Held", num(held)); \
	    def("Train", num(n - held)); def("Passes", int(chars / (n - held))); \
	    def("BestIter", num(bi)); def("Best", dec(best)); \
	    def("TrainAtBest", dec(bt)); def("LastIter", num(last)); def("LastTrain", dec(lt)); \
	    def("LastVal", dec(lv)); def("Patience", K); def("StopIter", num(stop)) }' \
	  build/fig/overfit.err build/fig/overfit.tsv > $@

# The numbers the text quotes from this build's runs (figures/numbers.sh).
build/numbers.tex: figures/numbers.sh build/bench.txt build/gradcheck.txt build/fig/corpora.gp \
  $(foreach r,$(SGD_RATES),build/fig/sgd-$(r).tsv) \
  $(foreach r,$(LSTM_SGD_RATES),build/fig/lstm-sgd-$(r).tsv) \
  build/fig/quijote.tsv build/fig/quijote.time build/fig/shakespeare.tsv build/fig/temperature.tsv \
  $(foreach o,sgd adagrad rmsprop adam,build/fig/optim-$(o).tsv) \
  $(foreach c,rnn lstm gru,build/fig/cells-$(c).tsv)
	SGD_RATES='$(SGD_RATES)' LSTM_SGD_RATES='$(LSTM_SGD_RATES)' sh figures/numbers.sh > $@.new && \
	  mv $@.new $@
build/bench-table.tex: figures/numbers.sh build/bench.txt
	sh figures/numbers.sh table > $@.new && mv $@.new $@
build/sgd-table.tex: figures/numbers.sh $(foreach r,$(SGD_RATES),build/fig/sgd-$(r).tsv)
	SGD_RATES='$(SGD_RATES)' sh figures/numbers.sh sgd > $@.new && mv $@.new $@

build/gradcheck.txt: build/test_charrnn
	build/test_charrnn --gradcheck > $@
# The book shows the lines that matter: the whole rnn check and every failure; for the GRU,
# the GRU alone and the GRU on top of an LSTM.
build/gradcheck-bug.txt: build/mutant/test_charrnn
	{ build/mutant/test_charrnn --gradcheck || true; } | grep -E 'check simple' > $@
	@grep -q '^FAIL: gradient check simple dWhh' $@
build/gradcheck-gru-bug.txt: build/mutant-gru/test_charrnn
	{ build/mutant-gru/test_charrnn --gradcheck || true; } | \
	  grep -E 'check (gru|lstm,gru B=9 H=13) d' > $@
	@grep -q '^FAIL: gradient check gru ' $@

# The gradient checks as tables (figures/gradcheck.awk): every tensor of the simple network,
# one line per model for all of them, and every line the book shows of the two mutants.
GRADCHECK_TABLE = awk -v mode=$(1) -f figures/gradcheck.awk
build/gradcheck-rnn.tex: build/gradcheck.txt figures/gradcheck.awk
	grep ' check simple' $< | $(call GRADCHECK_TABLE,rows) > $@
build/gradcheck-all.tex: build/gradcheck.txt figures/gradcheck.awk
	$(call GRADCHECK_TABLE,summary) $< > $@
build/gradcheck-%-rows.tex: build/gradcheck-%.txt figures/gradcheck.awk
	$(call GRADCHECK_TABLE,rows) $< > $@

# Chunk names are written "español|English"; each edition keeps its half.
half.es := \1
half.en := \2
build/charrnn-%.nw: charrnn.nw
	@mkdir -p build
	sed -E 's/<<([^|<>]+)\|([^|<>]+)>>/<<$(half.$*)>>/g' $< > $@
# Inline [[code]] in the prose is set in the typewriter font, whose ' and ` are curly in T1:
# print them straight (the preamble does the same inside code chunks).
INLINE_QUOTES := perl -pe 's{(\{\\Tt\{\}.*?\\nwendquote\})}{($$x = $$1) =~ s/\x27/\\textquotesingle{}/g; $$x =~ s/\x60/\\textasciigrave{}/g; $$x}ge'
# noweave -delay -index, written out so that build/weave-uses.awk (a chunk of the book's last
# chapter) can drop the index's "uses" that are only in comments and strings.
build/charrnn-%.tex: build/charrnn-%.nw build/weave-uses.awk
	set -o pipefail; lib=$$(sed -n 's/^LIB=//p' "$$(command -v noweave)"); \
	{ printf '\\def\\edicion{%s}\n' '$*'; \
	  "$$lib/markup" $< | "$$lib/finduses" | \
	  awk -f build/weave-uses.awk | "$$lib/noidx" -delay | "$$lib/totex" -delay; } | \
	  $(INLINE_QUOTES) > $@
build/weave-uses.awk: charrnn.nw
	@mkdir -p build
	notangle -R'[[weave-uses.awk]]' $< > $@

# The title page names the build: `git describe`, or "unversioned" outside git. Rewritten
# only when it changes, so that the books are rebuilt then and only then.
build/version.tex: FORCE
	@mkdir -p build
	@v=$$(git describe --tags --always --dirty 2>/dev/null || echo '\bi{sin versión}{unversioned}'); \
	  printf '\\def\\charrnnversion{%s}\n' "$$v" > $@.new; \
	  cmp -s $@.new $@ && rm -f $@.new || mv -f $@.new $@
FORCE:

BOOK_INPUTS := build/fig/loss.tex build/fig/tanh.tex build/fig/quijote-sample.txt \
               build/fig/cells.tex build/fig/optim.tex build/fig/cells-table.tex \
               build/fig/optim-table.tex build/fig/cells-rnn-sample.txt \
               build/fig/cells-lstm-sample.txt build/fig/cells-gru-sample.txt \
               build/gradcheck-rnn.tex build/gradcheck-all.tex build/gradcheck-bug-rows.tex \
               build/gradcheck-gru-bug-rows.tex \
               build/bench.txt build/fig/temperature.tex build/fig/temperature-1.tsv \
               build/fig/overfit.tex build/fig/overfit-numbers.tex build/numbers.tex \
               build/bench-table.tex build/sgd-table.tex \
               figures/gnum.tex \
               $(wildcard figures/*.tikz)
# After weaving, build/bookcheck.sh (a chunk of the book's last chapter) checks that every
# code line fits the page, that the PDF prints the code exactly as typed (every chunk that
# calls no other is also compared whole with notangle's), and that the prose types no
# number that a run measures.
build/charrnn-%.pdf: build/charrnn-%.tex $(BOOK_INPUTS) build/version.tex build/bookcheck.sh
	cd build && for pass in 1 2 3; do \
	  pdflatex -interaction=nonstopmode -halt-on-error charrnn-$*.tex > charrnn-$*.run 2>&1 || \
	    { tail -n 30 charrnn-$*.run >&2; exit 1; }; done
	@! grep -E -A2 'undefined|Undefined|Overfull \\hbox' build/charrnn-$*.log || \
	  { echo "charrnn: fix the warnings above in build/charrnn-$*.log" >&2; rm -f $@; exit 1; }
	@sh build/bookcheck.sh build/charrnn-$*.nw $@ build/charrnn-$*.log || \
	  { echo "charrnn: the $* book does not print its code as typed (above)" >&2; \
	    rm -f $@; exit 1; }
build/bookcheck.sh: charrnn.nw
	@mkdir -p build
	notangle -R'[[bookcheck.sh]]' $< > $@

# The timed runs go first, alone, so that the other runs do not slow them down; the rest runs
# two jobs at a time (this machine has two cores).
pdf: tools-pdf check-roots
	@$(MAKE) --no-print-directory build/bench.txt build/fig/quijote.time
	@$(MAKE) --no-print-directory -j2 build/charrnn-es.pdf build/charrnn-en.pdf
	@ls -l build/charrnn-es.pdf build/charrnn-en.pdf

clean:
	rm -rf build charrnn
