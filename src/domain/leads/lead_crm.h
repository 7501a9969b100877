/* lead_crm.h: the CRM column sets of the lead export: which of crowdcart's statuses is which
 * HubSpot or Salesforce lead status, and how a name answer splits into first and last name. Pure,
 * unit-tested in tests/unit/test_lead_centre.c; the mapping is documented in docs/LEADS.md. */
#ifndef CC_LEAD_CRM_H
#define CC_LEAD_CRM_H
#include <stdbool.h>
#include <stddef.h>
#include "domain/leads/lead_status.h"

enum lead_crm { LEAD_CRM_HUBSPOT, LEAD_CRM_SALESFORCE };

/* "hubspot" or "salesforce"; false for anything else. */
bool lead_crm_parse(const char *s, enum lead_crm *crm);
/* The header row, NULL-terminated. */
const char *const *lead_crm_header(enum lead_crm crm);
/* The CRM's own value for a status (HubSpot's internal Lead Status values, Salesforce's default
 * Lead Status picklist). */
const char *lead_crm_status(enum lead_crm crm, enum lead_status st);
/* Splits "Ada King Lovelace" into "Ada King" and "Lovelace" (at the last space, trimmed); a single
 * word is a last name, which both CRMs need more than a first one. */
void lead_crm_split_name(const char *name, char *first, size_t firstlen, char *last, size_t lastlen);
/* True if an answer's label names the person ("Name", "Full name", "Your name"), not a thing
 * ("Company name" is a company). */
bool lead_crm_is_name_label(const char *label);
/* True if a label names the company ("Company", "Company name", "Organisation"). */
bool lead_crm_is_company_label(const char *label);

#endif
