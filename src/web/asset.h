/* asset.h: the stylesheet, scripts and icon under fingerprinted names (style.<hash>.css), so the
 * web server may let browsers keep them for a year: a changed file is a new name. Templates link
 * them through one variable per file, named after its path: {{STATIC_STYLE_CSS}},
 * {{STATIC_JS_LIVE_JS}}, {{STATIC_FAVICON_SVG}}. */
#ifndef CC_ASSET_H
#define CC_ASSET_H
#include <stdbool.h>

/* Hashes each stylesheet and icon of config static_dir (default: "static" beside templates_dir),
 * and each script of its js/, and sets its
 * variable, process-wide, to /static/<name>.<first 16 hex digits of its SHA-256>.<ext> when the
 * build made that copy (scripts/fingerprint.sh), else to the plain name (with a warning): a page
 * never links a file that is not there. Called once, before the workers fork. A static_dir that
 * cannot be read is said on stderr; the pages then link nothing for those variables. */
void asset_init(void);

#endif
