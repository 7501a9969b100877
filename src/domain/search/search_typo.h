/* search_typo.h: spelling neighbours for the words of a search that the vocabulary lacks
 * (search_words, search_word_grams), in two statements whatever the number of words. */
#ifndef CC_SEARCH_TYPO_H
#define CC_SEARCH_TYPO_H
#include "db/db.h"
#include "lib/search_terms.h"

/* Fills each unknown term's alts with vocabulary words within its tolerance
 * (search_terms_tolerance), most shared trigrams first. Known terms are left alone. */
enum db_status search_typo_expand(struct db *db, struct arena *a, struct search_terms *t) DB_MUST_CHECK;

#endif
