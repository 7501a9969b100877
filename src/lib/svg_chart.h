/* svg_chart.h: a bar chart as inline SVG, drawn on the server (readable without JS). Pure: writes
 * into a buf. Every label is escaped; no style attributes (the CSP forbids them): presentation
 * attributes and classes from static/style.css only. */
#ifndef CC_SVG_CHART_H
#define CC_SVG_CHART_H
#include <stddef.h>
#include "lib/buf.h"

struct svg_bar {
	const char *label;	/* x-axis label, e.g. "2026-11-25"; escaped */
	long long value;	/* >= 0; negatives are drawn as 0 */
	const char *value_text;	/* shown in the bar's <title>, e.g. "$12.50"; escaped */
};

/* <svg role="img" aria-labelledby=...> with a <title> (the caption, escaped) and one <rect> per
 * bar scaled to the largest value. id_prefix must be a literal of [a-z-] (it names elements). */
void svg_bar_chart(struct buf *b, const char *id_prefix, const char *caption, const struct svg_bar *bars, size_t n);

#endif
