#!/usr/bin/perl
# asvscheck.pl: the ASVS mapping in docs/SECURITY.md cites tests as proof, and a proof that names a
# renamed or deleted test proves nothing. Every test a table row names must still exist: a quoted
# name after `x.test.mjs` (tests/http, or browser/ for tests/browser) must be a test named so in
# that file (a name made from a template literal counts when the cited name fits it; "…" in the
# citation stands for any text, the name going on before and after it), and a `name` after
# `unit/test_x.c` must be one of its START_TESTs.
# Every cited file, and every source path the page names, must exist.
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
	# "…" leaves out a part of the name, and says the name goes on where the citation stops.
	(my $glob = $name) =~ s/\s*…\s*/\x{1}/g;
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

my $in_mapping = 0;
for my $i (0 .. $#lines) {
	my $n = $i + 1;
	my $line = $lines[$i];
	$in_mapping = 1 if $line =~ /^## OWASP ASVS/;
	$in_mapping = 0 if $in_mapping && $line =~ /^## / && $line !~ /^## OWASP ASVS/;

	# Paths the page names, wherever it names them, must exist (a glob like sql/grants* is a family).
	while ($line =~ /`((?:src|tests|scripts|sql|static|templates|docs|debian|systemd)\/[^`\s*]+)`/g) {
		bad($n, "`$1` does not exist") unless -e $1;
	}
	next unless $in_mapping && $line =~ /^\|/;

	for my $cell (split /(?<!\\)\|/, $line) {
		my $pos = 0;
		while ($cell =~ /\G.*?`((?:browser\/|unit\/)?[a-z0-9_]+\.(?:test\.mjs|c))`/gc) {
			my $ref = $1;
			my $path = $ref =~ /^unit\/(.*)/ ? "tests/unit/$1"
				 : $ref =~ /^browser\// ? "tests/$ref"
				 : $ref =~ /\.test\.mjs$/ ? "tests/http/$ref" : undef;
			next unless $path;
			unless (-e $path) {
				bad($n, "`$ref` is cited but $path does not exist");
				next;
			}
			$pos = pos($cell);
			if ($path =~ /\.c$/) {
				# `unit/test_x.c` `a_test`, `another_test`
				my $src = slurp($path);
				while (substr($cell, $pos) =~ /^(\s*,?\s*)`([A-Za-z_][A-Za-z0-9_]*)`/) {
					my $t = $2;
					$pos += length($1) + length($t) + 2;
					bad($n, "`$ref` has no START_TEST($t)") unless $src =~ /\bSTART_TEST\(\s*\Q$t\E\s*\)/;
				}
			} else {
				# `x.test.mjs` "a test", "another test" (and a parenthesis about them)
				while (substr($cell, $pos) =~ /^(\s*(?:,|\band\b)?\s*)"/) {
					$pos = take_quoted_name($cell, $pos + length($1), $path, $n);
					$pos += length($1) if substr($cell, $pos) =~ /^(\s*\([^()"]*\))/;
				}
			}
			pos($cell) = $pos;
		}
	}
}
exit $fail;
