/* search_terms.h: a shopper's search box text as the words the index knows, the trigrams and edit
 * distance that find a misspelt word's neighbours, and the InnoDB boolean query built from them.
 * Pure, no I/O (docs/SEARCH.md says why each limit is what it is). */
#ifndef CC_SEARCH_TERMS_H
#define CC_SEARCH_TERMS_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/arena.h"

/* InnoDB's default innodb_ft_min_token_size: shorter words are not in a FULLTEXT index. */
#define SEARCH_WORD_MIN 3
/* Longer words are cut to this many bytes (the vocabulary's column; nobody types more). */
#define SEARCH_WORD_MAX 40
/* Words read from one query; the rest is ignored, so a pasted paragraph costs what 8 words do. */
#define SEARCH_TERMS_MAX 8
/* A word that the vocabulary lacks gets at most this many spelling neighbours. */
#define SEARCH_ALTS_MAX 3
/* Trigrams of "^word$" for a word of SEARCH_WORD_MAX bytes. */
#define SEARCH_GRAMS_MAX (SEARCH_WORD_MAX)

struct search_term {
	char word[SEARCH_WORD_MAX + 1];
	char alts[SEARCH_ALTS_MAX][SEARCH_WORD_MAX + 1];
	size_t nalts;
};
struct search_terms {
	struct search_term t[SEARCH_TERMS_MAX];
	size_t n;
};

/* Splits text into lowercase words: ASCII letters and digits, and every byte of a multi-byte
 * UTF-8 character (kept as typed; the collation folds their case); anything else separates, so
 * the boolean operators + - * " ( ) < > ~ @ never reach the server. Drops words shorter than
 * SEARCH_WORD_MIN, InnoDB's stopwords and repeats; keeps the first SEARCH_TERMS_MAX. Returns n. */
size_t search_terms_parse(const char *text, struct search_terms *out);
/* The distinct trigrams of "^word$" (so a word's first and last letters weigh as much as its
 * middle), each 3 bytes + NUL in out. Returns how many (a 3-letter word has 3). */
size_t search_terms_grams(const char *word, char out[][4], size_t max);
/* Levenshtein distance of a and b when it is at most max, else max + 1 (stops early). */
size_t search_terms_distance(const char *a, const char *b, size_t max);
/* How far a word may be from a vocabulary word to count as its misspelling: 0 below 4 letters
 * (too many neighbours), 1 up to 7, 2 from 8. */
size_t search_terms_tolerance(const char *word);
/* The AGAINST(... IN BOOLEAN MODE) text: each term required, as itself or any of its alts, the
 * last one also as a prefix ("wal" finds "walnut" as it is typed). "" when there are no terms. */
const char *search_terms_boolean(struct arena *a, const struct search_terms *t);

#endif
