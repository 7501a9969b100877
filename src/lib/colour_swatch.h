/* colour_swatch.h: how the product page's variant picker draws a colour option as swatches. A
 * colour is named by the brand in words ("Charcoal", "Space Grey"); this small table maps the
 * common names to one of the swatch classes of static/style.css (".swatch-charcoal" and so on),
 * because the site's Content-Security-Policy allows no inline style attribute. A name the table
 * does not know is still a choice: shown as its words (or the variant's own picture). Pure. */
#ifndef CC_COLOUR_SWATCH_H
#define CC_COLOUR_SWATCH_H
#include <stdbool.h>

/* Whether an option named `name` ("Color", "Colour", "Farbe", "Couleur", "Kleur", "Colore",
 * any case) holds colours. */
bool colour_swatch_option(const char *name);
/* The swatch class for a colour name ("Space Grey" -> "swatch-grey"): the whole name first, any
 * case, else its last word ("Dark Green" -> "swatch-green"); NULL when neither is in the table. */
const char *colour_swatch_class(const char *colour);

#endif
