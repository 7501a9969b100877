/* qr_svg.h: a QR code (libqrencode, Debian's libqrencode-dev) drawn as an SVG document, for a
 * phone's camera to read an otpauth:// address from the screen. Pure: no I/O. */
#ifndef CC_QR_SVG_H
#define CC_QR_SVG_H
#include <stdbool.h>
#include "lib/buf.h"

#define QR_SVG_TEXT_MAX 1024	/* longer text is refused: a key URI is under 200 bytes */

/* Appends the SVG of text (error correction M, 4 modules of quiet zone) to b; false when text is
 * too long or cannot be encoded. The picture holds only dark squares: no text, no script. */
bool qr_svg(struct buf *b, const char *text);

#endif
