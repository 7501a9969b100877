/* lead_condition.c: which lead form fields are shown for the answers given (see lead_condition.h). */
#include "domain/leads/lead_condition.h"
#include "domain/leads/lead_field.h"

void lead_condition_shown(const struct lead_condition *c, size_t n, bool *shown)
{
	for (size_t i = 0; i < n; i++) {
		int s = c[i].source;
		if (s < 0 || (size_t)s >= i) {
			shown[i] = true;
			continue;
		}
		shown[i] = false;
		if (!shown[s])
			continue;
		for (size_t k = 0; k < c[s].nvals && !shown[i]; k++)
			shown[i] = lead_option_ok(c[i].options, c[s].vals[k]);
	}
}
