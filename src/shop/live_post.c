/* live_post.c: the checks a viewer's chat message, question or vote passes before it writes
 * (live_post.h), one place so every kind of post refuses a blocked viewer, a blocked word and a
 * spent budget the same way. */
#include "lib/config.h"
#include "lib/validate.h"
#include "shop/live_post.h"
#include "web/response.h"

bool live_post_viewer(struct req *r, const struct live_session *s, uint8_t key[32], const char *blocked_message,
		      int *st)
{
	live_viewer_key(r, key);
	bool blocked;
	enum db_status rc = live_viewer_blocked(r, s->id, key, &blocked);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (blocked) {
		response_error(r, 403, blocked_message);
		*st = REQ_DONE;
		return false;
	}
	return true;
}

bool live_post_text(struct req *r, const struct live_session *s, const char *text, const char *empty_message,
		    const char *noun, int *st)
{
	*st = REQ_DONE;
	if (!text || !validate_has_text(text)) {
		response_error(r, 422, empty_message);
		return false;
	}
	char word[64];
	if (live_blocked_word(text, config_str("live_blocked_words", ""), word, sizeof word)
	    || live_blocked_word(text, s->blocked_words, word, sizeof word)) {
		response_error(r, 422, arena_printf(r->arena, "Your %s was not posted: \"%s\" is not allowed in this session.",
						   noun, word));
		return false;
	}
	return true;
}

bool live_post_budget(struct req *r, const struct live_session *s, const char *action,
		      const struct abuse_limit_rule *rules, size_t nrules, const uint8_t key[32], const char *plural,
		      int *st)
{
	const char *wait;
	enum db_status rc = abuse_guard_take(r, action, rules, nrules, key, NULL, &wait);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (wait) {
		*st = live_page_render(r, s, 429, arena_printf(r->arena,
			"Too many %s are coming from your network right now. %s", plural, wait));
		return false;
	}
	return true;
}
