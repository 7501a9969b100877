/* agent_summary.h: a User-Agent header told as a person would ("Firefox on Linux"), for the
 * sessions list: enough to recognise one's own devices, nothing to fingerprint. Pure. */
#ifndef CC_AGENT_SUMMARY_H
#define CC_AGENT_SUMMARY_H

#define AGENT_SUMMARY_TEXT 40

/* "Unknown browser" for an empty or unrecognised agent. */
void agent_summary(const char *user_agent, char out[AGENT_SUMMARY_TEXT]);

#endif
