/* live_rules.c: session states, rate limit, blocked words, start times and replay offsets. */
#include <stdio.h>
#include <string.h>
#include "domain/live/live_rules.h"

static const char *const state_names[] = { "scheduled", "live", "ended" };

enum live_state live_state_parse(const char *s)
{
	for (int i = 0; s && i < LIVE__BAD; i++)
		if (strcmp(s, state_names[i]) == 0)
			return (enum live_state)i;
	return LIVE__BAD;
}

const char *live_state_name(enum live_state s)
{
	return s >= LIVE_SCHEDULED && s < LIVE__BAD ? state_names[s] : "";
}

bool live_state_next_ok(enum live_state from, enum live_state to)
{
	return (from == LIVE_SCHEDULED && to == LIVE_LIVE) || (from == LIVE_LIVE && to == LIVE_ENDED);
}

bool live_rate_ok(long long in_short, long long in_long)
{
	return in_short < 1 && in_long < LIVE_RATE_LONG_N;
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Part of a word: ASCII letters and digits, and every byte of a non-ASCII character. */
static bool wordish(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool found(const char *text, const char *w, size_t wn)
{
	size_t tn = strlen(text);
	for (size_t i = 0; i + wn <= tn; i++) {
		size_t k = 0;
		while (k < wn && fold((unsigned char)text[i + k]) == fold((unsigned char)w[k]))
			k++;
		if (k < wn)
			continue;
		bool left = i == 0 || !wordish((unsigned char)text[i - 1]) || !wordish((unsigned char)w[0]);
		bool right = i + wn == tn || !wordish((unsigned char)text[i + wn]) || !wordish((unsigned char)w[wn - 1]);
		if (left && right)
			return true;
	}
	return false;
}

bool live_blocked_word(const char *text, const char *list, char *out, size_t outlen)
{
	for (const char *p = list ? list : ""; *p;) {
		size_t n = strcspn(p, ",");
		const char *w = p, *end = p + n;
		while (w < end && (*w == ' ' || *w == '\t'))
			w++;
		while (end > w && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end > w && found(text, w, (size_t)(end - w))) {
			snprintf(out, outlen, "%.*s", (int)(end - w), w);
			return true;
		}
		p += n + (p[n] == ',');
	}
	return false;
}

static bool digits(const char *s, size_t n, int *v)
{
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

bool live_parse_start(const char *s, char out[20])
{
	size_t n = s ? strlen(s) : 0;
	int y, mo, d, h, mi, sec = 0;
	if ((n != 16 && n != 19) || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return false;
	if (!digits(s, 4, &y) || !digits(s + 5, 2, &mo) || !digits(s + 8, 2, &d) || !digits(s + 11, 2, &h)
	    || !digits(s + 14, 2, &mi) || (n == 19 && (s[16] != ':' || !digits(s + 17, 2, &sec))))
		return false;
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
	if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap)
	    || h > 23 || mi > 59 || sec > 59)
		return false;
	/* Already checked digit by digit: copy them, seconds "00" when not given. */
	memcpy(out, s, 16);
	out[10] = ' ';
	memcpy(out + 16, n == 19 ? s + 16 : ":00", 3);
	out[19] = '\0';
	return true;
}

void live_offset_text(long long seconds, char *out, size_t outlen)
{
	if (seconds < 0)
		seconds = 0;
	if (seconds >= 3600)
		snprintf(out, outlen, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
	else
		snprintf(out, outlen, "%lld:%02lld", seconds / 60, seconds % 60);
}

long long live_offset_s(long long pinned_ms, long long started_ms)
{
	return pinned_ms > started_ms ? (pinned_ms - started_ms) / 1000 : 0;
}

bool live_reaction_ok(const char *name)
{
	static const char *const names[] = { "heart", "fire", "clap", "laugh", "wow" };
	for (size_t i = 0; name && i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

long long live_chat_wait_s(long long slow_s, long long since_ms)
{
	long long gap_ms = (slow_s > LIVE_CHAT_MIN_GAP_S ? slow_s : LIVE_CHAT_MIN_GAP_S) * 1000;
	if (since_ms < 0 || since_ms >= gap_ms)
		return 0;
	return (gap_ms - since_ms + 999) / 1000;
}
