#!/usr/bin/perl
# cyclecheck.pl: no two modules (a .c file and its header) may depend on each other, directly or
# around a loop: a dependency is an include of the other's header. A header without a .c of its
# own (http.h, a private header of several files) is looked through, to what it includes.
use strict;
use warnings;
use File::Find;

my (%inc, %has_c);
find({ no_chdir => 1, wanted => sub {
	return unless /\.(c|cc|h)$/;
	(my $mod = $File::Find::name) =~ s{^src/}{};
	$mod =~ s/\.(c|cc|h)$//;
	$has_c{$mod} = 1 if /\.(c|cc)$/;
	open(my $fh, '<', $_) or die "cyclecheck: $_: $!\n";
	while (<$fh>) {
		$inc{$mod}{$1} = 1 if /^#include "([^"]+)\.h"/ && $1 ne $mod;
	}
} }, 'src');

# What a module depends on, looking through header-only modules.
sub deps {
	my ($m) = @_;
	my (%out, %seen);
	my @todo = keys %{ $inc{$m} || {} };
	while (defined(my $d = shift @todo)) {
		next if $seen{$d}++;
		if ($has_c{$d}) { $out{$d} = 1 if $d ne $m; next; }
		push @todo, keys %{ $inc{$d} || {} };
	}
	return keys %out;
}
my %edge = map { $_ => [ deps($_) ] } keys %has_c;

# Tarjan's strongly connected components; any with more than one module is a cycle.
my ($n, %index, %low, %on, @stack, @cycles) = (0);
sub visit {
	my ($v) = @_;
	$index{$v} = $low{$v} = $n++;
	push @stack, $v;
	$on{$v} = 1;
	for my $w (@{ $edge{$v} }) {
		if (!exists $index{$w}) { visit($w); $low{$v} = $low{$w} if $low{$w} < $low{$v}; }
		elsif ($on{$w} && $index{$w} < $low{$v}) { $low{$v} = $index{$w}; }
	}
	return unless $low{$v} == $index{$v};
	my @comp;
	while (1) { my $w = pop @stack; delete $on{$w}; push @comp, $w; last if $w eq $v; }
	push @cycles, [ sort @comp ] if @comp > 1;
}
visit($_) for grep { !exists $index{$_} } sort keys %has_c;
print "lint: modules that depend on each other: @$_\n" for @cycles;
exit(@cycles ? 1 : 0);
