/* arena.c: chunked bump allocator for per-request memory, plus aborting process allocators. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "lib/plain_format.h"

struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct chunk *head;	/* current chunk; the first chunk is the last in the list */
	struct chunk *spare;	/* chunks of earlier requests, kept for the next ones */
	size_t chunk_size, spare_size;
};

/* What a worker keeps between requests beyond its first chunk: a page's usual second and third
 * chunks (its body, its dictionaries) are reused rather than taken from and given back to the
 * heap on every request, which made glibc trim and regrow the heap. */
#define ARENA_SPARE_MAX (1024 * 1024)

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		abort();
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		abort();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = xmalloc(sizeof *c + size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

struct arena *arena_new(size_t chunk_size)
{
	struct arena *a = xmalloc(sizeof *a);
	a->chunk_size = chunk_size < 1024 ? 1024 : chunk_size;
	a->head = chunk_new(a->chunk_size);
	a->spare = NULL;
	a->spare_size = 0;
	return a;
}

/* A kept chunk that holds `need` bytes, taken off the spare list; NULL if none does. */
static struct chunk *spare_fit(struct arena *a, size_t need)
{
	for (struct chunk **p = &a->spare; *p; p = &(*p)->next) {
		struct chunk *c = *p;
		if (c->size < need)
			continue;
		*p = c->next;
		a->spare_size -= c->size;
		c->used = 0;
		return c;
	}
	return NULL;
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + 15) & ~(size_t)15;
	if (need < n)
		abort();
	struct chunk *c = a->head;
	if (c->size - c->used < need) {
		c = spare_fit(a, need);
		/* Oversized requests get a chunk of their own so big bodies do not waste a chunk. */
		if (!c)
			c = chunk_new(need > a->chunk_size ? need : a->chunk_size);
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += need;
	return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	/* Formatted once into a stack buffer that holds nearly every result (ids, short labels,
	 * paths): measuring first and formatting again doubled the cost of each call. */
	char small[256];
	va_list ap;
	size_t plain;
	va_start(ap, fmt);
	bool done = plain_format(small, sizeof small, &plain, fmt, ap);
	va_end(ap);
	if (done)
		return arena_strndup(a, small, plain);
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	char *p = arena_alloc(a, (size_t)n + 1);
	if ((size_t)n < sizeof small) {
		memcpy(p, small, (size_t)n + 1);
		return p;
	}
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

char *arena_concat(struct arena *a, ...)
{
	/* The lengths measured first are kept for the copy (pages join a few pieces, thousands of
	 * times a view): only a piece past the first eight is measured twice. */
	enum { KEPT = 8 };
	size_t lens[KEPT], count = 0, n = 0;
	va_list ap;
	va_start(ap, a);
	for (const char *s; (s = va_arg(ap, const char *)); count++) {
		size_t k = strlen(s);
		if (count < KEPT)
			lens[count] = k;
		n += k;
	}
	va_end(ap);
	char *out = arena_alloc(a, n + 1), *p = out;
	va_start(ap, a);
	for (size_t i = 0; i < count; i++) {
		const char *s = va_arg(ap, const char *);
		size_t k = i < KEPT ? lens[i] : strlen(s);
		memcpy(p, s, k);
		p += k;
	}
	va_end(ap);
	*p = '\0';
	return out;
}

void arena_reset(struct arena *a)
{
	struct chunk *c = a->head;
	while (c->next) {
		struct chunk *next = c->next;
		if (a->spare_size + c->size <= ARENA_SPARE_MAX) {
			c->next = a->spare;
			a->spare = c;
			a->spare_size += c->size;
		} else {
			free(c);
		}
		c = next;
	}
	c->used = 0;
	a->head = c;
}

void arena_free(struct arena *a)
{
	arena_reset(a);
	while (a->spare) {
		struct chunk *next = a->spare->next;
		free(a->spare);
		a->spare = next;
	}
	free(a->head);
	free(a);
}
