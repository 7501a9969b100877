# crowdcart: build, run and test. `make run` and `make test` are all a fresh Debian 12 machine needs;
# `make check` (build, lint, unit tests) is the quick loop while editing.
SHELL = /bin/bash
.SUFFIXES:
.DELETE_ON_ERROR:

# Settable from the environment as well as the command line (`PORT=9090 make run`).
PORT ?= 8080
DB_PORT ?= 3307
VAR ?= var

CC = cc
CXX = c++
# One set of rules builds every flavour; a flavour only changes BUILD and the flags below:
#   build/       the programs and unit tests (-O2, hardened, -Werror)
#   build-asan/  the same with ASan+UBSan (make check-asan, scripts/asan-stack.sh)
#   build-fuzz/  clang with libFuzzer instrumentation (make fuzzers, tests/fuzz/run.sh)
BUILD = build
CGI_DIR = cgi-bin
BIN_DIR = bin
PKGS = libsodium jansson libmariadb libctemplate libxml-2.0 libcurl libseccomp liboath libqrencode zlib

HARDEN = -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
WARN = -Wall -Wextra -Werror -Wformat=2 -Wformat-nonliteral -Wno-unused-parameter
OPT = -O2 -g
SAN =
SAN_LD =
PIE = -pie
DEPFLAGS = -MMD -MP
CFLAGS = -std=c17 -D_GNU_SOURCE $(OPT) $(WARN) $(HARDEN) $(SAN) $(DEPFLAGS) -Isrc $(PKG_CFLAGS)
CXXFLAGS = -std=c++17 $(OPT) $(filter-out -Wformat%,$(WARN)) $(HARDEN) $(SAN) $(DEPFLAGS) -Isrc $(PKG_CFLAGS)
LDFLAGS = $(PIE) -Wl,-z,relro,-z,now $(SAN) $(SAN_LD)
# Asked when a recipe runs, not when make reads this file: on a fresh machine `make test` and
# `make run` install the packages (deps) first, and pkg-config only knows them afterwards.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) vips check)
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
# libvips (the image pipeline, src/ctl/image_*.c) is linked into crowdcartctl and the unit tests
# only: the page-serving programs never load it.
VIPS_LIBS = $(shell pkg-config --libs vips)
# libphonenumber (lib/phone_number.cc, no pkg-config file) for the programs that read phone
# numbers: the shop stores answers, the studio checks a form's region; the unit tests test both.
PHONE_LIBS = -lphonenumber
CHECK_LIBS = $(shell pkg-config --libs check)
LIBS = -lfcgi $(PKG_LIBS) -lcsv -lresolv -lstdc++ -lpthread

# The layers, lowest first (docs/ARCHITECTURE.md; `make lint` checks the include direction):
#   lib <- db <- domain <- views <- programs, and web <- lib, db.
LAYER_SRC = $(wildcard src/lib/*.c src/db/*.c src/web/*.c src/domain/*/*.c src/views/*.c)
PROGS = shop studio api ctl
# Everything but the programs' main.c is one library: the programs, the unit tests and the fuzz
# harnesses link it, so code lives in the layer it belongs to, not where a test can reach it.
PROG_SRC = $(filter-out %/main.c,$(wildcard $(PROGS:%=src/%/*.c)))
LIB_OBJ = $(patsubst src/%.c,$(BUILD)/%.o,$(LAYER_SRC) $(PROG_SRC)) $(BUILD)/web/tmpl.o $(BUILD)/web/tmpl_escape.o $(BUILD)/lib/phone_number.o
MAIN_OBJ = $(PROGS:%=$(BUILD)/%/main.o)
UNIT_OBJ = $(patsubst tests/unit/%.c,$(BUILD)/unit/%.o,$(wildcard tests/unit/*.c))
FUZZ_NAMES = $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))

PROGRAMS = $(CGI_DIR)/shop.fcgi $(CGI_DIR)/studio.fcgi $(CGI_DIR)/api.fcgi $(BIN_DIR)/crowdcartctl

all: $(PROGRAMS) static-fingerprints

# The static files the pages link under names of their content (docs/OPERATING.md).
.PHONY: static-fingerprints
static-fingerprints: static/js/hls.js
	@scripts/fingerprint.sh

# hls.js from npm (vendor/hls has its own package.json and lock) plays live streams where the
# browser has no native HLS; its light build is served as static/js/hls.js (docs/LIVE_STREAMING.md).
HLS_DIST = vendor/hls/node_modules/hls.js/dist/hls.light.min.js
$(HLS_DIST): vendor/hls/package-lock.json
	cd vendor/hls && npm ci --no-audit --no-fund --loglevel=error
	@touch $@
static/js/hls.js: $(HLS_DIST)
	cp $< $@

# XXH3 for the ETag in AVX2 (lib/page_hash.c picks it at run time where the CPU has it): a flag
# both gcc and clang take, for this one file only.
$(BUILD)/lib/page_hash_avx2.o: CFLAGS += -mavx2
$(BUILD)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/web/%.o: src/web/%.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(BUILD)/lib/phone_number.o: src/lib/phone_number.cc
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(BUILD)/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libcrowdcart.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

# Reached only through the pattern below, make would take the main objects for intermediates and
# delete them after each link, then rebuild them every time.
.SECONDARY: $(MAIN_OBJ)
$(CGI_DIR)/%.fcgi: $(BUILD)/%/main.o $(BUILD)/libcrowdcart.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)
$(CGI_DIR)/shop.fcgi $(CGI_DIR)/studio.fcgi: LIBS += $(PHONE_LIBS)

# `crowdcartctl --version`: the VERSION file, plus `git describe` in a clone (a release tarball or
# the Debian build has no .git). The stamp is rewritten only when the string changes, so an
# unchanged version does not relink anything.
VERSION_STRING = $(shell v=$$(cat VERSION); g=$$(git describe --always --dirty 2>/dev/null); echo "$$v$${g:+ (git $$g)}")
$(BUILD)/version.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(VERSION_STRING)' >$@.tmp && { cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@; }
$(BUILD)/ctl/main.o: CFLAGS += -DCROWDCART_VERSION='"$(VERSION_STRING)"'
$(BUILD)/ctl/main.o: $(BUILD)/version.stamp
# The admin's system page says the same version.
$(BUILD)/studio/admin_system.o: CFLAGS += -DCROWDCART_VERSION='"$(VERSION_STRING)"'
$(BUILD)/studio/admin_system.o: $(BUILD)/version.stamp
FORCE:

$(BIN_DIR)/crowdcartctl: $(BUILD)/ctl/main.o $(BUILD)/libcrowdcart.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(VIPS_LIBS)

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libcrowdcart.a
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LIBS) $(VIPS_LIBS) $(PHONE_LIBS)

# libFuzzer harnesses, built by `make fuzz-build` (the fuzz flavour below; tests/fuzz/build.sh).
$(BUILD)/fuzz/%: tests/fuzz/%.c $(BUILD)/libcrowdcart.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LIBS)
fuzzers: $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)

-include $(wildcard $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(FUZZ_NAMES:%=$(BUILD)/fuzz/%.d) $(BUILD)/sandbox-probe.d)

# The sanitizer and fuzz flavours: the same rules, other flags. -O1 with sanitizers warns
# (format-truncation) where -O2 does not, so they build without -Werror.
ASAN_FLAGS = BUILD=build-asan CGI_DIR=build-asan/cgi-bin BIN_DIR=build-asan/bin \
	OPT="-O1 -g -fno-omit-frame-pointer" HARDEN="-fPIE" \
	WARN="-Wall -Wextra -Wformat=2 -Wformat-nonliteral -Wno-unused-parameter -Wno-format-truncation" \
	SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
# clang links C programs without UBSan's C++ part, which the C++ objects (tmpl.cc, the phone
# number shim) need for their vptr checks: SAN_LD asks for it.
FUZZ_FLAGS = BUILD=build-fuzz CC=clang CXX=clang++ OPT="-g -O1" HARDEN= PIE= \
	WARN= \
	SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" SAN_LD=-fsanitize-link-c++-runtime
asan-build:
	$(MAKE) --no-print-directory $(ASAN_FLAGS) build-asan/unit-tests build-asan/cgi-bin/shop.fcgi \
		build-asan/cgi-bin/studio.fcgi build-asan/cgi-bin/api.fcgi
fuzz-build:
	$(MAKE) --no-print-directory $(FUZZ_FLAGS) fuzzers
# make test's sanitiser build (tests/run.sh): the harnesses and the unit tests of the fuzz flavour in
# one make, so the tree is compiled once for both the fuzz and the unit-asan suites.
fuzz-unit-build:
	$(MAKE) --no-print-directory $(FUZZ_FLAGS) fuzzers build-fuzz/unit-tests

# A FastCGI program with a page that calls execve, for tests/sandbox/ only (never in cgi-bin/).
$(BUILD)/sandbox-probe: tests/sandbox/probe.c $(BUILD)/libcrowdcart.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.a,$^) $(LIBS)

# ---- set-up ------------------------------------------------------------------------------
deps:
	@scripts/deps.sh

# The packages first, then the build in parallel: a plain `make run` or `make test` on a fresh
# machine compiled one file at a time. JOBS=1 builds serially.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

run: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@VAR=$(VAR) DB_PORT=$(DB_PORT) scripts/db.sh start
	@$(BIN_DIR)/crowdcartctl --conf $(VAR)/crowdcart.conf migrate
	@VAR=$(VAR) DB_PORT=$(DB_PORT) scripts/db.sh grants
	@$(BIN_DIR)/crowdcartctl --conf $(VAR)/crowdcart.conf demo
	@VAR=$(VAR) PORT=$(PORT) scripts/web.sh start lighttpd
	@echo "crowdcart is up:  http://127.0.0.1:$(PORT)/   (storefront: http://127.0.0.1:$(PORT)/@lena)"
	@echo "studio sign-in:   http://127.0.0.1:$(PORT)/login   (demo accounts in README.md)"
	@echo "stop with:        make stop"

stop:
	-@VAR=$(VAR) scripts/web.sh stop
	-@VAR=$(VAR) scripts/db.sh stop

# ---- installation ------------------------------------------------------------------------
# `make install PREFIX=/usr/local DESTDIR=`: programs, templates, static, sql, man pages, example
# config, systemd units, the Apache and lighttpd sites (scripts/install.sh; SYSCONFDIR, UNITDIR,
# LOCALSTATEDIR, RUNDIR and HTTP_PORT move the rest). `make uninstall` with the same variables removes
# exactly those files. `make deb` builds the Debian package into build/deb/ (scripts/deb.sh).
install: all
	@scripts/install.sh install

uninstall:
	@scripts/install.sh uninstall

deb:
	@scripts/deb.sh

.PHONY: install uninstall deb FORCE

# ---- tests -------------------------------------------------------------------------------
# The edit loop: build, the project's rules, the unit tests (seconds, no services).
check: all $(BUILD)/unit-tests
	@scripts/codecheck.sh
	@$(BUILD)/unit-tests

check-unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

check-asan: asan-build
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/unit-tests

test: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all $(BUILD)/unit-tests
	@tests/run.sh

# libFuzzer over every parser, importer and the sanitiser; each replays its kept corpus first.
fuzz:
	@tests/fuzz/run.sh $${FUZZ_SECONDS:-300}

# The FastCGI programs built with ASan+UBSan, and the whole HTTP suite run against them.
check-asan-http: all
	@scripts/asan-stack.sh test

# sqlmap (level 5, risk 3, every technique) on every route with a parameter and a long wapiti
# scan, against a private stack (hours; make test runs the quick version as its scan suite).
scan: deps all
	@tests/scan/run.sh long

# Faults too slow or intrusive for make test (MariaDB's datadir on a tmpfs filled up; needs root).
faults: deps all
	@tests/faults/run.sh

# Three Galera nodes and two web nodes; a node SIGKILLed under load (about 45 s; also the last suite of make test).
cluster-test: deps all
	@tests/cluster/run.sh

# Storefront and checkout throughput: one web node on plain MariaDB, one and two on the cluster.
bench-cluster: deps all
	@bench/cluster.sh

# The upgrade path on a million order lines: the migrations since 0012 run while a probe reads and
# writes orders; prints the longest stall (docs/UPGRADING.md; a few minutes).
bench-migrate: deps all
	@bench/migrate.sh

lint: all
	@scripts/codecheck.sh

# Issue 26's figures in one run (bench/all.sh lists them; about 10 minutes, more with the large shop).
bench: deps all
	@bench/all.sh

clean:
	rm -rf build build-asan build-fuzz cgi-bin/*.fcgi bin
	rm -f static/*.????????????????.* static/js/*.????????????????.js

.PHONY: all deps run stop check test check-unit check-asan check-asan-http asan-build fuzz fuzz-build fuzz-unit-build \
	fuzzers scan faults cluster-test bench-cluster bench-migrate lint bench clean
