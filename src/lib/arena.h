/* arena.h: per-request bump allocator; everything a request allocates is freed at once by arena_reset(). */
#ifndef CC_ARENA_H
#define CC_ARENA_H
#include <stddef.h>

struct arena;

struct arena *arena_new(size_t chunk_size);          /* aborts on exhaustion */
void *arena_alloc(struct arena *a, size_t n);         /* 16-byte aligned, never NULL */
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n); /* NUL-terminated copy */
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The strings up to the NULL, joined: for the links a page builds per row, where printf's
 * format parsing cost more than the rest of the card (bench/callgrind.sh). */
char *arena_concat(struct arena *a, ...) __attribute__((sentinel));
void arena_reset(struct arena *a);                    /* keeps the first chunk, frees the rest */
void arena_free(struct arena *a);

/* Process-lifetime allocation that aborts instead of returning NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
char *xstrdup(const char *s);

#endif
