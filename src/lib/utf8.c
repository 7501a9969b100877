/* utf8.c: strict UTF-8 validation, the gate every decoded request string passes. */
#include <string.h>
#include "lib/utf8.h"

/* Well-formed sequences per Unicode Table 3-7. The second byte carries the range checks: a
 * narrowed range after E0/F0 refuses overlongs, after ED refuses surrogates, after F4 refuses
 * code points above U+10FFFF. C0, C1 and F5..FF can only start overlongs or out-of-range values. */
bool utf8_valid(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		/* ASCII eight bytes at a time: nearly every string a page checks is mostly ASCII */
		uint64_t word;
		if (n - i >= 8 && (memcpy(&word, s + i, 8), (word & 0x8080808080808080ULL) == 0)) {
			i += 8;
			continue;
		}
		uint8_t c = s[i];
		size_t len;
		uint8_t lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c == 0xE0) {
			len = 3;
			lo = 0xA0;
		} else if (c == 0xED) {
			len = 3;
			hi = 0x9F;
		} else if (c >= 0xE1 && c <= 0xEF) {
			len = 3;
		} else if (c == 0xF0) {
			len = 4;
			lo = 0x90;
		} else if (c == 0xF4) {
			len = 4;
			hi = 0x8F;
		} else if (c >= 0xF1 && c <= 0xF3) {
			len = 4;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

/* Every code point has exactly one byte that is not a continuation byte. */
size_t utf8_len(const uint8_t *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			count++;
	return count;
}
