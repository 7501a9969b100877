/* svg_chart.c: see svg_chart.h. */
#include "lib/html.h"
#include "lib/svg_chart.h"

#define W 640
#define H 200
#define PAD_BOTTOM 24
#define PAD_TOP 8

void svg_bar_chart(struct buf *b, const char *id_prefix, const char *caption, const struct svg_bar *bars, size_t n)
{
	long long max = 0;
	for (size_t i = 0; i < n; i++)
		if (bars[i].value > max)
			max = bars[i].value;
	buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-title\""
		      " xmlns=\"http://www.w3.org/2000/svg\"><title id=\"%s-title\">", W, H, id_prefix, id_prefix);
	html_escape_str(b, caption);
	buf_puts(b, "</title>");
	buf_printf(b, "<line class=\"chart-axis\" x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"currentColor\"/>",
		   H - PAD_BOTTOM, W, H - PAD_BOTTOM);
	long long slot = n ? W / (long long)n : W;
	long long plot = H - PAD_BOTTOM - PAD_TOP;
	for (size_t i = 0; i < n; i++) {
		long long v = bars[i].value > 0 ? bars[i].value : 0;
		/* integer scaling, widened so that v * plot cannot overflow */
		long long h = max ? (long long)((__int128)v * plot / max) : 0;
		long long x = (long long)i * slot + slot / 8, w = slot - slot / 4 > 1 ? slot - slot / 4 : 1;
		buf_printf(b, "<g class=\"chart-bar\"><rect x=\"%lld\" y=\"%lld\" width=\"%lld\" height=\"%lld\" fill=\"currentColor\"><title>",
			   x, H - PAD_BOTTOM - h, w, h);
		html_escape_str(b, bars[i].label);
		buf_puts(b, ": ");
		html_escape_str(b, bars[i].value_text);
		buf_puts(b, "</title></rect>");
		/* Labels only where they fit: the last, and every so often before it while not crowding it. */
		size_t every = n > 8 ? (n + 7) / 8 : 1;
		if ((i % every == 0 && i + every / 2 + 1 < n) || i + 1 == n) {
			buf_printf(b, "<text class=\"chart-label\" x=\"%lld\" y=\"%d\" font-size=\"11\" fill=\"currentColor\">", x, H - 6);
			html_escape_str(b, bars[i].label);
			buf_puts(b, "</text>");
		}
		buf_puts(b, "</g>");
	}
	buf_puts(b, "</svg>");
}
