/* colour_swatch.c: the colour names the variant picker draws as swatches (colour_swatch.h). */
#include <string.h>
#include <strings.h>
#include "lib/colour_swatch.h"

static const char *const colour_swatch_options[] = { "color", "colour", "farbe", "couleur", "kleur", "colore" };

/* Name as brands write it, and the class of static/style.css that paints it. Several names share
 * a class where a shopper would not tell the shades apart on a 2 rem chip. Keep it sorted by
 * class so a new shade finds its neighbours. */
static const struct {
	const char *name, *class;
} colour_swatch_table[] = {
	{ "amber", "swatch-amber" }, { "mustard", "swatch-amber" }, { "ochre", "swatch-amber" },
	{ "beige", "swatch-beige" }, { "oat", "swatch-beige" }, { "sand", "swatch-beige" }, { "natural", "swatch-beige" },
	{ "black", "swatch-black" }, { "ink", "swatch-black" },
	{ "blue", "swatch-blue" }, { "cobalt", "swatch-blue" },
	{ "brass", "swatch-brass" }, { "gold", "swatch-brass" },
	{ "brown", "swatch-brown" }, { "walnut", "swatch-brown" }, { "chocolate", "swatch-brown" },
	{ "charcoal", "swatch-charcoal" }, { "graphite", "swatch-charcoal" }, { "slate", "swatch-charcoal" },
	{ "cream", "swatch-cream" }, { "ivory", "swatch-cream" }, { "off-white", "swatch-cream" },
	{ "green", "swatch-green" }, { "olive", "swatch-green" }, { "sage", "swatch-green" },
	{ "grey", "swatch-grey" }, { "gray", "swatch-grey" }, { "stone", "swatch-grey" },
	{ "moss", "swatch-moss" }, { "forest", "swatch-moss" },
	{ "navy", "swatch-navy" }, { "midnight", "swatch-navy" },
	{ "oak", "swatch-oak" }, { "birch", "swatch-oak" }, { "pine", "swatch-oak" },
	{ "orange", "swatch-orange" }, { "terracotta", "swatch-orange" },
	{ "pink", "swatch-pink" }, { "blush", "swatch-pink" }, { "rose", "swatch-pink" },
	{ "purple", "swatch-purple" }, { "lilac", "swatch-purple" }, { "plum", "swatch-purple" },
	{ "red", "swatch-red" }, { "burgundy", "swatch-red" }, { "rust", "swatch-rust" }, { "copper", "swatch-rust" },
	{ "silver", "swatch-silver" }, { "chrome", "swatch-silver" }, { "steel", "swatch-silver" },
	{ "teal", "swatch-teal" }, { "turquoise", "swatch-teal" },
	{ "white", "swatch-white" }, { "snow", "swatch-white" },
	{ "yellow", "swatch-yellow" }, { "lemon", "swatch-yellow" },
};

bool colour_swatch_option(const char *name)
{
	for (size_t i = 0; i < sizeof colour_swatch_options / sizeof *colour_swatch_options; i++)
		if (strcasecmp(name, colour_swatch_options[i]) == 0)
			return true;
	return false;
}

static const char *colour_swatch_lookup(const char *word, size_t len)
{
	/* The first letter, folded, rules out nearly every name before a length or a compare: every
	 * choice of a colour picker on every card of a page is looked up here. */
	char first = (char)(len ? word[0] | 0x20 : 0);
	for (size_t i = 0; i < sizeof colour_swatch_table / sizeof *colour_swatch_table; i++)
		if (colour_swatch_table[i].name[0] == first && strlen(colour_swatch_table[i].name) == len &&
		    strncasecmp(word, colour_swatch_table[i].name, len) == 0)
			return colour_swatch_table[i].class;
	return NULL;
}

const char *colour_swatch_class(const char *colour)
{
	size_t len = strlen(colour);
	while (len && colour[len - 1] == ' ')
		len--;
	const char *whole = colour_swatch_lookup(colour, len);
	if (whole)
		return whole;
	const char *last = colour + len;
	while (last > colour && last[-1] != ' ')
		last--;
	return last > colour ? colour_swatch_lookup(last, (size_t)(colour + len - last)) : NULL;
}
