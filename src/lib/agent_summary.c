/* agent_summary.c: see agent_summary.h. Browsers name their ancestors in the header (Chrome says
 * "Safari", Edge says "Chrome"), so each list is tried most specific first. */
#include <stdio.h>
#include <string.h>
#include "lib/agent_summary.h"

struct mark {
	const char *needle, *name;
};

static const struct mark browsers[] = {
	{ "Edg/", "Edge" }, { "OPR/", "Opera" }, { "Firefox/", "Firefox" }, { "FxiOS/", "Firefox" },
	{ "CriOS/", "Chrome" }, { "Chromium/", "Chromium" }, { "Chrome/", "Chrome" },
	{ "Safari/", "Safari" }, { "curl/", "curl" }, { "Node", "Node.js" }, { NULL, NULL },
};
static const struct mark systems[] = {
	{ "Android", "Android" }, { "iPhone", "iOS" }, { "iPad", "iPadOS" }, { "CrOS", "ChromeOS" },
	{ "Windows", "Windows" }, { "Mac OS X", "macOS" }, { "Macintosh", "macOS" },
	{ "Linux", "Linux" }, { NULL, NULL },
};

static const char *first_mark(const struct mark *m, const char *ua)
{
	for (; m->needle; m++)
		if (strstr(ua, m->needle))
			return m->name;
	return NULL;
}

void agent_summary(const char *ua, char out[AGENT_SUMMARY_TEXT])
{
	/* Only names from the lists above: the header's own text is never shown. */
	const char *browser = ua ? first_mark(browsers, ua) : NULL, *os = ua ? first_mark(systems, ua) : NULL;
	if (!browser && !os)
		snprintf(out, AGENT_SUMMARY_TEXT, "Unknown browser");
	else if (!os)
		snprintf(out, AGENT_SUMMARY_TEXT, "%s", browser);
	else
		snprintf(out, AGENT_SUMMARY_TEXT, "%s on %s", browser ? browser : "A browser", os);
}
