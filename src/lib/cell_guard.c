/* cell_guard.c: which spreadsheet cells would run as a formula (see cell_guard.h). */
#include <string.h>
#include "lib/cell_guard.h"

static bool cell_guard_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* [+-]digits[.digits]: what a spreadsheet reads as a number, never as a formula. */
static bool cell_guard_number(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	if (!cell_guard_digit(*s))
		return false;
	while (cell_guard_digit(*s))
		s++;
	if (*s == '.') {
		s++;
		if (!cell_guard_digit(*s))
			return false;
		while (cell_guard_digit(*s))
			s++;
	}
	return *s == '\0';
}

/* "+1 206 555 0100", "+44 (0)20 7946.0958": no letter, quote or operator a formula could use
 * to call a function or reach another cell. */
static bool cell_guard_phone(const char *s)
{
	if (*s != '+')
		return false;
	bool digit = false;
	for (s++; *s; s++) {
		if (cell_guard_digit(*s))
			digit = true;
		else if (!strchr(" -.()", *s))
			return false;
	}
	return digit;
}

bool cell_guard_needed(const char *s)
{
	if (!s || !*s || !strchr("=+-@\t\r", *s))
		return false;
	return !cell_guard_number(s) && !cell_guard_phone(s);
}

const char *cell_guard_undo(const char *s)
{
	return s && s[0] == '\'' && cell_guard_needed(s + 1) ? s + 1 : s;
}
