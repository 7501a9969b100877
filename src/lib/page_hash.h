/* page_hash.h: XXH3's 64 bits of a whole page (its ETag), with the widest vectors the CPU has. */
#ifndef CC_PAGE_HASH_H
#define CC_PAGE_HASH_H
#include <stddef.h>
#include <stdint.h>

/* XXH3_64bits(p, n): the same value on every CPU, with AVX2 where there is one. */
uint64_t page_hash(const void *p, size_t n);
/* The AVX2 build of the same (page_hash_avx2.c): call only where the CPU has AVX2. */
uint64_t page_hash_avx2(const void *p, size_t n);

#endif
