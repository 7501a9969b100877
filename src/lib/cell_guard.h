/* cell_guard.h: the one rule, for every CSV and TSV we write, on which text cells a spreadsheet
 * would run as a formula (OWASP "CSV injection"); writers put a ' in front of those. Pure. */
#ifndef CC_CELL_GUARD_H
#define CC_CELL_GUARD_H
#include <stdbool.h>

/* True if s starts with = + - @ tab or CR, unless it is a plain number ("-12.50", "+3") or a
 * phone number as typed ("+1 (206) 555-0100": a + then only digits, spaces, dashes, dots and
 * parentheses): those hold nothing a spreadsheet could call or reference, and stay as they are. */
bool cell_guard_needed(const char *s);

/* s without the ' a writer put in front of it ("'=1+1" -> "=1+1"), so that our own feed read
 * back is the catalog it came from; any other value as it is. */
const char *cell_guard_undo(const char *s);

#endif
