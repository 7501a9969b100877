/* page_hash_avx2.c: XXH3 compiled for AVX2 (see page_hash.h). Its own file, built with -mavx2
 * (Makefile): xxhash.h picks its vector width from the compiler's target when included. */
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/page_hash.h"

#if XXH_VECTOR != XXH_AVX2
#error "xxhash.h did not take AVX2: build this file with -mavx2"
#endif

uint64_t page_hash_avx2(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}
