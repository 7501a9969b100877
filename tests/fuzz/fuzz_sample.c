/* fuzz_sample.c: libFuzzer harness for the sample request rules: tracking numbers as typed, carrier
 * codes and status/action names, checked against what sample.h promises of each. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "domain/creators/sample.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	char out[SAMPLE_TRACKING_MAX + 1];
	if (sample_tracking_normalise(s, out)) {
		/* stored and linked as is: 5 to 40 uppercase letters and digits, nothing else */
		size_t n = strlen(out);
		if (n < SAMPLE_TRACKING_MIN || n > SAMPLE_TRACKING_MAX || strspn(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != n)
			abort();
		char again[SAMPLE_TRACKING_MAX + 1];	/* normalising is idempotent */
		if (!sample_tracking_normalise(out, again) || strcmp(again, out) != 0)
			abort();
	}
	const struct sample_carrier *c = sample_carrier_find(s);
	if (c && strcmp(c->code, s) != 0)
		abort();
	enum sample_status st = sample_status_parse(s);
	if (st != SAMPLE_INVALID && strcmp(sample_status_name(st), s) != 0)
		abort();
	enum sample_action a = sample_action_parse(s);
	if (a != SAMPLE_NO_ACTION && strcmp(sample_action_name(a), s) != 0)
		abort();
	/* whatever the bytes, the transition table answers a status or a refusal */
	for (int who = 0; who < 2; who++) {
		enum sample_status to = sample_next((enum sample_status)(size % SAMPLE__NSTATUS),
						    (enum sample_action)(size % SAMPLE__NACTION), (enum sample_actor)who);
		if (to != SAMPLE_INVALID && (to < 0 || to >= SAMPLE__NSTATUS))
			abort();
	}
	free(s);
	return 0;
}
