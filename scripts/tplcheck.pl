#!/usr/bin/perl
# tplcheck.pl: every template name a C file sets (tmpl_set, tmpl_add, tmpl_show...) must exist in a
# template that file names (x.tpl, in code or a comment), in what those include, or in layout.tpl; a file that names no
# template is checked against all of them. A misspelt name would otherwise render as nothing.
use strict;
use warnings;

my $tpldir = 'templates';
my %names;	# template file => { NAME => 1 }
my %include_markers;	# NAME of every {{>NAME}}: tmpl_include fills a parent's marker
my %includes;	# template file => [ included template files named in it ]
opendir(my $dh, $tpldir) or die "tplcheck: no $tpldir\n";
for my $t (grep { /\.tpl$/ } readdir $dh) {
	open(my $fh, '<', "$tpldir/$t") or die;
	local $/;
	my $text = <$fh>;
	$names{$t}{$1} = 1 while $text =~ /\{\{[#\/>]?([A-Z][A-Z0-9_]*)/g;
	$include_markers{$1} = 1 while $text =~ /\{\{>([A-Z][A-Z0-9_]*)/g;
	$includes{$t} = [ $text =~ /([a-z0-9_]+\.tpl)/g ];
}
my %all = map { %$_ } values %names;

sub closure {
	my %seen;
	my @todo = @_;
	while (my $t = shift @todo) {
		next if $seen{$t}++ || !$names{$t};
		push @todo, @{ $includes{$t} };
	}
	return grep { $names{$_} } keys %seen;
}

my $bad = 0;
for my $f (@ARGV) {
	open(my $fh, '<', $f) or die "tplcheck: $f: $!\n";
	local $/;
	my $text = <$fh>;
	my @used;
	while ($text =~ /\btmpl_(set|setn|setn_borrowed|set_int|set_global|show|add|include)\(\s*[^,]+,\s*"([^"]+)"/g) {
		next if $1 eq 'include' && $include_markers{$2};
		push @used, [ $2, 1 + (substr($text, 0, pos $text) =~ tr/\n//) ];
	}
	next unless @used;
	my @tpls = $text =~ /\b([a-z0-9_]+\.tpl)\b/g;
	my %known;
	if (@tpls) {
		%known = map { %{ $names{$_} } } closure(@tpls, 'layout.tpl');
	} else {
		%known = %all;
	}
	for my $u (@used) {
		next if $known{ $u->[0] };
		my $where = $all{ $u->[0] } ? ' (only in templates this file does not name)' : '';
		print "lint: $f:$u->[1]: template name $u->[0] is in no template$where\n";
		$bad = 1;
	}
}
exit $bad;
