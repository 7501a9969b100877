/* page_hash.c: see page_hash.h. A page's ETag hashes its every byte; XXH3 reads 32 of them per
 * AVX2 step where SSE2 takes 16, so the wider build halves what a 20 KB page costs (about one
 * instruction a byte with SSE2, the x86-64 baseline the rest of the program is built for). */
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/page_hash.h"

uint64_t page_hash(const void *p, size_t n)
{
	static int avx2 = -1;
	if (avx2 < 0)
		avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
	return avx2 ? page_hash_avx2(p, n) : XXH3_64bits(p, n);
}
