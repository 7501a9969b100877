/* qr_svg.c: see qr_svg.h. One path of unit squares: small, and crisp at any size. */
#include <string.h>
#include <qrencode.h>
#include "lib/qr_svg.h"

#define QR_SVG_QUIET 4

bool qr_svg(struct buf *b, const char *text)
{
	if (!text || strlen(text) > QR_SVG_TEXT_MAX)
		return false;
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return false;
	int side = q->width + 2 * QR_SVG_QUIET;
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
		      "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"", side, side, side, side);
	for (int y = 0; y < q->width; y++)
		for (int x = 0; x < q->width; x++)
			if (q->data[y * q->width + x] & 1)	/* bit 0: a dark module */
				buf_printf(b, "M%d %dh1v1h-1z", x + QR_SVG_QUIET, y + QR_SVG_QUIET);
	buf_puts(b, "\"/></svg>\n");
	QRcode_free(q);
	return true;
}
