/* lead_status.c: lead statuses, the qualifying rule and label normalising (see lead_status.h). */
#include <string.h>
#include "domain/leads/lead_field.h"
#include "domain/leads/lead_status.h"

static const char *const status_names[LEAD__NSTATUS] = {
	"raw", "qualified", "unqualified", "contacted", "converted",
};
static const char *const status_labels[LEAD__NSTATUS] = {
	"Raw", "Qualified", "Unqualified", "Contacted", "Converted",
};

bool lead_status_parse(const char *s, enum lead_status *st)
{
	for (int i = 0; s && i < LEAD__NSTATUS; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*st = (enum lead_status)i;
			return true;
		}
	return false;
}

const char *lead_status_name(enum lead_status st)
{
	return st < LEAD__NSTATUS ? status_names[st] : "raw";
}

const char *lead_status_label(enum lead_status st)
{
	return st < LEAD__NSTATUS ? status_labels[st] : "Raw";
}

enum lead_status lead_status_from_answers(const struct lead_status_answer *a, size_t n)
{
	bool qualifies = false;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < a[i].nvals; k++) {
			if (lead_option_ok(a[i].disqualifying, a[i].vals[k]))
				return LEAD_UNQUALIFIED;
			if (lead_option_ok(a[i].qualifying, a[i].vals[k]))
				qualifies = true;
		}
	return qualifies ? LEAD_QUALIFIED : LEAD_RAW;
}

bool lead_status_auto_applies(enum lead_status current, bool by_hand)
{
	return !by_hand && (current == LEAD_RAW || current == LEAD_QUALIFIED || current == LEAD_UNQUALIFIED);
}

#define LABEL_MAX 40

bool lead_status_labels(const char *typed, char *out, size_t outlen, size_t max)
{
	size_t len = 0, count = 0;
	if (outlen == 0)
		return false;
	out[0] = '\0';
	for (const char *p = typed ? typed : ""; *p;) {
		size_t n = strcspn(p, ",");
		const char *s = p, *e = p + n;
		p = *e ? e + 1 : e;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		size_t ln = (size_t)(e - s);
		if (ln == 0)
			continue;
		if (ln > LABEL_MAX || memchr(s, '\n', ln) || memchr(s, '\r', ln))
			return false;
		bool dup = false;
		for (const char *q = out; *q && !dup;) {
			size_t qn = strcspn(q, ",");
			dup = qn == ln && memcmp(q, s, ln) == 0;
			q += qn + (q[qn] == ',');
		}
		if (dup)
			continue;
		if (++count > max || len + (len > 0) + ln + 1 > outlen)
			return false;
		if (len)
			out[len++] = ',';
		memcpy(out + len, s, ln);
		len += ln;
		out[len] = '\0';
	}
	return true;
}
