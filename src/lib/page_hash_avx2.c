/* page_hash_avx2.c: XXH3 compiled for AVX2 (see page_hash.h). Its own file: the target pragma
 * applies to everything after it, and xxhash.h picks its vector width from it when included. */
#pragma GCC target("avx2")
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/page_hash.h"

#if XXH_VECTOR != XXH_AVX2
#error "xxhash.h did not take AVX2 from the target pragma"
#endif

uint64_t page_hash_avx2(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}
