/* utf8.h: strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). */
#ifndef CC_UTF8_H
#define CC_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool utf8_valid(const uint8_t *s, size_t n);
/* Number of code points in valid UTF-8 (for length caps measured in characters). */
size_t utf8_len(const uint8_t *s, size_t n);

#endif
