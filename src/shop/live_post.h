/* live_post.h: the checks every viewer's post to a live session (chat, question, vote) passes
 * before it writes, in live_post.c. Each returns false with *st what to answer: the refusal made,
 * or a database failure. */
#ifndef CC_LIVE_POST_H
#define CC_LIVE_POST_H
#include <stdint.h>
#include "shop/abuse_guard.h"
#include "shop/live_view.h"

/* Fills key with the viewer's; refuses with 403 and blocked_message when the host blocked them. */
bool live_post_viewer(struct req *r, const struct live_session *s, uint8_t key[32], const char *blocked_message,
		      int *st);
/* Refuses text with 422: empty_message when it says nothing, else naming the first word of the
 * configured live_blocked_words or the session's own list it holds; noun is what was not posted. */
bool live_post_text(struct req *r, const struct live_session *s, const char *text, const char *empty_message,
		    const char *noun, int *st);
/* Spends the viewer's address budgets for action (abuse_guard_take); when spent, the page again
 * with 429 and plural ("votes") saying what comes too fast. */
bool live_post_budget(struct req *r, const struct live_session *s, const char *action,
		      const struct abuse_limit_rule *rules, size_t nrules, const uint8_t key[32], const char *plural,
		      int *st);

#endif
