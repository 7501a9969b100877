#!/usr/bin/perl
# asvscheck.pl: docs/SECURITY.md cites tests as proof (the ASVS mapping row by row, the defences in
# their paragraphs), and a proof that names a renamed or deleted test proves nothing. Every cited
# test must still exist: a quoted name after a node test file (`x.test.mjs` in the mapping, for
# tests/http, `browser/x.test.mjs`; `tests/http/x.test.mjs` elsewhere) must be a test named so in
# that file (a name made from a template literal counts when the cited name fits it; "…" or "..."
# in the citation stands for any text, the name going on before and after it), and a `name` after
# a unit test file (`unit/test_x.c`, `tests/unit/test_x.c`) must be one of its START_TESTs, or a
# harness in tests/fuzz. Every cited file, and every source path the page names, must exist.
use strict;
use warnings;
use utf8;

my $doc = 'docs/SECURITY.md';
open(my $fh, '<:encoding(UTF-8)', $doc) or die "asvscheck: no $doc\n";
my @lines = <$fh>;
close $fh;
binmode STDOUT, ':encoding(UTF-8)';

my $fail = 0;
sub bad { print "lint: $doc:$_[0]: $_[1]\n"; $fail = 1; }

my %file_cache;
sub slurp {
	my ($path) = @_;
	return $file_cache{$path} if exists $file_cache{$path};
	open(my $f, '<:encoding(UTF-8)', $path) or return $file_cache{$path} = undef;
	local $/;
	return $file_cache{$path} = <$f>;
}

# A name as a glob: literal characters and "*" for any run of text.
sub glob_of_literal {
	my ($text) = @_;
	$text =~ s/\$\{(?:[^{}]|\{[^{}]*\})*\}/\x{1}/g;	# ${...} in a template literal
	$text =~ s/\\(.)/$1/g;
	return $text;
}

# Whether some text fits both globs (\x{1} is the wildcard in either): meet[i][j] says whether
# what is left of p from i and of q from j can be the same text.
sub globs_meet {
	return $_[0] eq $_[1] if index($_[0], "\x{1}") < 0 && index($_[1], "\x{1}") < 0;
	my @p = split //, $_[0];
	my @q = split //, $_[1];
	my @meet;
	for (my $i = @p; $i >= 0; $i--) {
		for (my $j = @q; $j >= 0; $j--) {
			my $r;
			if ($i == @p && $j == @q) {
				$r = 1;
			} elsif ($i < @p && $p[$i] eq "\x{1}") {
				$r = $meet[$i + 1][$j] || ($j < @q && $meet[$i][$j + 1]);
			} elsif ($j < @q && $q[$j] eq "\x{1}") {
				$r = $meet[$i][$j + 1] || ($i < @p && $meet[$i + 1][$j]);
			} else {
				$r = $i < @p && $j < @q && $p[$i] eq $q[$j] && $meet[$i + 1][$j + 1];
			}
			$meet[$i][$j] = $r ? 1 : 0;
		}
	}
	return $meet[0][0];
}

# The names a node test file gives its tests: the first argument of test(), it() and describe().
my %test_names;
sub test_names {
	my ($path) = @_;
	return $test_names{$path} if $test_names{$path};
	my $src = slurp($path) // '';
	my @names;
	while ($src =~ /\b(?:test|it|describe)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/gs) {
		my $glob = glob_of_literal($1 // $2 // $3);
		push @names, $glob if ($glob =~ tr/\x{1}//c) >= 8;	# a name that is nearly all value fits anything
	}
	return $test_names{$path} = \@names;
}

sub cited_test_exists {
	my ($path, $name) = @_;
	# "…" (or "...") leaves out a part of the name, and says the name goes on where the citation stops.
	(my $glob = $name) =~ s/\s*(?:…|\.\.\.)\s*/\x{1}/g;
	$glob = "\x{1}$glob\x{1}" if $glob ne $name;
	for my $n (@{ test_names($path) }) {
		return 1 if globs_meet($glob, $n);
	}
	return 0;
}

# From the opening quote at $pos, the shortest quoted run that is a test of $path (names may hold
# quotes of their own); returns its end, or the end of the first plausible run and a failure.
sub take_quoted_name {
	my ($cell, $pos, $path, $n) = @_;
	my $first_end;
	my $at = $pos + 1;
	while ((my $end = index($cell, '"', $at)) >= 0) {
		my $name = substr($cell, $pos + 1, $end - $pos - 1);
		my $after = substr($cell, $end + 1);
		$first_end //= $end if $after =~ /^(?:\s*$|[,;)]|\s+\()/;
		return $end + 1 if cited_test_exists($path, $name);
		$at = $end + 1;
	}
	$first_end //= length($cell) - 1;
	bad($n, "`$path` has no test named \"" . substr($cell, $pos + 1, $first_end - $pos - 1) . '"');
	return $first_end + 1;
}

# The citations in text: a file, then the names of its tests. In the mapping a file is written as
# the table's note says (`x.test.mjs`, `browser/x.test.mjs`, `unit/test_x.c`), elsewhere from the top
# (`tests/http/x.test.mjs`), the names then in a parenthesis as often as not.
sub check_citations {
	my ($text, $n, $in_table) = @_;
	my $ref_re = $in_table ? qr/`((?:browser\/|unit\/)?[a-z0-9_]+\.(?:test\.mjs|c))`/
			       : qr/`(tests\/(?:http|browser|unit)\/[a-z0-9_]+\.(?:test\.mjs|c))`/;
	my $open = $in_table ? qr/^(\s*(?:,|\band\b)?\s*)"/ : qr/^(\s*(?:,|\band\b|\()?\s*)"/;
	while ($text =~ /\G.*?$ref_re/gc) {
		my $ref = $1;
		my $path = $ref =~ /^tests\// ? $ref
			 : $ref =~ /^unit\/(.*)/ ? "tests/unit/$1"
			 : $ref =~ /^browser\// ? "tests/$ref" : "tests/http/$ref";
		unless (-e $path) {
			bad($n, "`$ref` is cited but $path does not exist");
			next;
		}
		my $pos = pos($text);
		if ($path =~ /\.c$/) {
			# `unit/test_x.c` `a_test`, `another_test`
			my $src = slurp($path);
			while (substr($text, $pos) =~ /^(\s*,?\s*)`([A-Za-z_][A-Za-z0-9_]*)`/) {
				my $t = $2;
				$pos += length($1) + length($t) + 2;
				if ($t =~ /^fuzz_/) {	# the harness that fuzzes what the file tests
					bad($n, "no fuzz harness tests/fuzz/$t.c") unless -e "tests/fuzz/$t.c";
				} elsif ($src !~ /\bSTART_TEST\(\s*\Q$t\E\s*\)/) {
					bad($n, "`$ref` has no START_TEST($t)");
				}
			}
		} else {
			# `x.test.mjs` "a test", "another test" (and a parenthesis about them)
			while (substr($text, $pos) =~ $open) {
				$pos = take_quoted_name($text, $pos + length($1), $path, $n);
				$pos += length($1) if substr($text, $pos) =~ /^(\s*\([^()"]*\))/;
			}
		}
		pos($text) = $pos;
	}
}

my $in_mapping = 0;
my ($para, $para_line) = ('', 0);
for my $i (0 .. $#lines + 1) {
	my $n = $i + 1;
	my $line = $lines[$i] // '';
	# Text outside tables is checked a paragraph or list item at a time: a citation wraps lines.
	if ($line =~ /^\s*$|^\||^#|^- / || $i > $#lines) {
		check_citations($para, $para_line, 0) if $para ne '';
		($para, $para_line) = ('', $n);
	}
	if ($line !~ /^\s*$|^\||^#/) {
		chomp(my $l = $line);
		$para_line = $n if $para eq '';
		$para .= ($para eq '' ? '' : ' ') . ($l =~ s/^\s+//r);
	}
	$in_mapping = 1 if $line =~ /^## OWASP ASVS/;
	$in_mapping = 0 if $in_mapping && $line =~ /^## / && $line !~ /^## OWASP ASVS/;

	# Paths the page names, wherever it names them, must exist (a glob like sql/grants* is a family).
	while ($line =~ /`((?:src|tests|scripts|sql|static|templates|docs|debian|systemd)\/[^`\s*]+)`/g) {
		bad($n, "`$1` does not exist") unless -e $1;
	}
	next unless $in_mapping && $line =~ /^\|/;
	check_citations($_, $n, 1) for split /(?<!\\)\|/, $line;
}
exit $fail;
