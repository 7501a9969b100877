/* lead_crm.c: HubSpot and Salesforce column sets for the lead export (see lead_crm.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "domain/leads/lead_crm.h"

static const char *const hubspot_header[] = {
	"Email", "First Name", "Last Name", "Phone Number", "Company Name", "Lead Status", "Message", NULL,
};
/* The Data Import Wizard's Lead fields; Last Name and Company are required there. */
static const char *const salesforce_header[] = {
	"Email", "First Name", "Last Name", "Phone", "Company", "Lead Status", "Lead Source", "Description", NULL,
};
static const char *const hubspot_status[LEAD__NSTATUS] = {
	"NEW", "OPEN", "UNQUALIFIED", "CONNECTED", "OPEN_DEAL",
};
static const char *const salesforce_status[LEAD__NSTATUS] = {
	"Open - Not Contacted", "Open - Not Contacted", "Closed - Not Converted", "Working - Contacted",
	"Closed - Converted",
};

bool lead_crm_parse(const char *s, enum lead_crm *crm)
{
	if (s && strcmp(s, "hubspot") == 0)
		*crm = LEAD_CRM_HUBSPOT;
	else if (s && strcmp(s, "salesforce") == 0)
		*crm = LEAD_CRM_SALESFORCE;
	else
		return false;
	return true;
}

const char *const *lead_crm_header(enum lead_crm crm)
{
	return crm == LEAD_CRM_HUBSPOT ? hubspot_header : salesforce_header;
}

const char *lead_crm_status(enum lead_crm crm, enum lead_status st)
{
	if (st >= LEAD__NSTATUS)
		st = LEAD_RAW;
	return crm == LEAD_CRM_HUBSPOT ? hubspot_status[st] : salesforce_status[st];
}

static void copy_trimmed(const char *s, size_t n, char *out, size_t outlen)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	snprintf(out, outlen, "%.*s", (int)n, s);
}

void lead_crm_split_name(const char *name, char *first, size_t firstlen, char *last, size_t lastlen)
{
	char whole[256];
	copy_trimmed(name ? name : "", strlen(name ? name : ""), whole, sizeof whole);
	const char *sp = strrchr(whole, ' ');
	if (!sp) {
		snprintf(first, firstlen, "%s", "");
		snprintf(last, lastlen, "%s", whole);
		return;
	}
	copy_trimmed(whole, (size_t)(sp - whole), first, firstlen);
	copy_trimmed(sp + 1, strlen(sp + 1), last, lastlen);
}

bool lead_crm_is_company_label(const char *label)
{
	return strcasestr(label, "company") || strcasestr(label, "organisation") || strcasestr(label, "organization");
}

bool lead_crm_is_name_label(const char *label)
{
	return strcasestr(label, "name") && !lead_crm_is_company_label(label);
}
