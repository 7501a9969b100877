# crowdcart: build, run and test. `make run` and `make test` are all a fresh Debian 12 machine needs.
.POSIX:
.SUFFIXES:
SHELL = /bin/bash

CC = cc
CXX = c++
BUILD = build
PORT = 8080
DB_PORT = 3307
VAR = var
PKGS = libsodium jansson libmariadb libctemplate libxml-2.0 libseccomp

HARDEN = -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
WARN = -Wall -Wextra -Werror -Wformat=2 -Wformat-nonliteral -Wno-unused-parameter
OPT = -O2 -g
SAN =
CFLAGS = -std=c17 -D_GNU_SOURCE $(OPT) $(WARN) $(HARDEN) $(SAN) -Isrc/core $$(pkg-config --cflags $(PKGS))
CXXFLAGS = -std=c++17 $(OPT) -Wall -Wextra -Werror -Wno-unused-parameter $(HARDEN) $(SAN) -Isrc/core $$(pkg-config --cflags libctemplate)
LDFLAGS = -pie -Wl,-z,relro,-z,now $(SAN)
LIBS = -lfcgi $$(pkg-config --libs $(PKGS)) -lcsv -lstdc++ -lpthread

CORE_SRC = $(wildcard src/core/*.c)
CORE_OBJ = $(CORE_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/core/tmpl.o
SHOP_OBJ = $(patsubst src/%.c,$(BUILD)/%.o,$(wildcard src/shop/*.c))
STUDIO_OBJ = $(patsubst src/%.c,$(BUILD)/%.o,$(wildcard src/studio/*.c))
API_OBJ = $(patsubst src/%.c,$(BUILD)/%.o,$(wildcard src/api/*.c))
CTL_OBJ = $(patsubst src/%.c,$(BUILD)/%.o,$(wildcard src/ctl/*.c))
UNIT_OBJ = $(patsubst tests/unit/%.c,$(BUILD)/unit/%.o,$(wildcard tests/unit/*.c))
HEADERS = $(wildcard src/*/*.h)

BINS = cgi-bin/shop.fcgi cgi-bin/studio.fcgi $(if $(API_OBJ),cgi-bin/api.fcgi) bin/crowdcartctl

all: $(BINS)

$(BUILD)/%.o: src/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/core/tmpl.o: src/core/tmpl.cc src/core/tmpl.h
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(BUILD)/unit/%.o: tests/unit/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $$(pkg-config --cflags check) -c -o $@ $<

$(BUILD)/libcore.a: $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

cgi-bin/shop.fcgi: $(SHOP_OBJ) $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(SHOP_OBJ) $(BUILD)/libcore.a $(LIBS)

cgi-bin/studio.fcgi: $(STUDIO_OBJ) $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(STUDIO_OBJ) $(BUILD)/libcore.a $(LIBS)

cgi-bin/api.fcgi: $(API_OBJ) $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(API_OBJ) $(BUILD)/libcore.a $(LIBS)

# Only crowdcartctl speaks to the outside world (webhook delivery, DNS checks of brand domains), so
# only it links libcurl and glibc's libresolv (dns_txt.c, which the unit tests also reach).
$(BUILD)/ctl/%.o: CFLAGS += $$(pkg-config --cflags libcurl)
bin/crowdcartctl: $(CTL_OBJ) $(BUILD)/libcore.a
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(CTL_OBJ) $(BUILD)/libcore.a $(LIBS) $$(pkg-config --libs libcurl) -lresolv

$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libcore.a
	$(CC) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(BUILD)/libcore.a $$(pkg-config --libs check) $(LIBS) -lresolv

# A FastCGI program with a page that calls execve, for tests/sandbox/ only (never in cgi-bin/).
$(BUILD)/sandbox-probe: tests/sandbox/probe.c $(HEADERS) $(BUILD)/libcore.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/sandbox/probe.c $(BUILD)/libcore.a $(LIBS)

# ---- set-up ------------------------------------------------------------------------------
deps:
	@scripts/deps.sh

run: deps all
	@VAR=$(VAR) DB_PORT=$(DB_PORT) scripts/db.sh start
	@bin/crowdcartctl --conf $(VAR)/crowdcart.conf migrate
	@VAR=$(VAR) DB_PORT=$(DB_PORT) scripts/db.sh grants
	@bin/crowdcartctl --conf $(VAR)/crowdcart.conf demo
	@VAR=$(VAR) PORT=$(PORT) scripts/web.sh start lighttpd
	@echo "crowdcart is up:  http://127.0.0.1:$(PORT)/   (storefront: http://127.0.0.1:$(PORT)/@lena)"
	@echo "studio sign-in:   http://127.0.0.1:$(PORT)/login   (demo accounts in README.md)"
	@echo "stop with:        make stop"

stop:
	-@VAR=$(VAR) scripts/web.sh stop
	-@VAR=$(VAR) scripts/db.sh stop

# ---- tests -------------------------------------------------------------------------------
check-unit: $(BUILD)/unit-tests
	$(BUILD)/unit-tests

check-asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fno-omit-frame-pointer" HARDEN="-fPIE" \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" build-asan/unit-tests
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-asan/unit-tests

test: deps all $(BUILD)/unit-tests
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

lint:
	@scripts/codecheck.sh

bench: deps all
	@bench/storefront.sh

clean:
	rm -rf build build-asan build-asan-prog cgi-bin/*.fcgi bin

.PHONY: all deps run stop test check-unit check-asan check-asan-http fuzz scan faults cluster-test bench-cluster lint bench clean
