/* sql_split.c: a small scanner that knows enough SQL lexing to find statement ends. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include "lib/sql_split.h"

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

size_t sql_split(char *text, char **stmts, size_t max)
{
	size_t n = 0;
	char *start = text, *w = text;	/* comments are squeezed out by copying down */
	for (char *p = text; *p;) {
		if (*p == '\'' || *p == '"' || *p == '`') {
			char q = *p;
			*w++ = *p++;
			while (*p && *p != q) {
				if (*p == '\\' && p[1] && q != '`')
					*w++ = *p++;
				*w++ = *p++;
			}
			if (*p)
				*w++ = *p++;
		} else if ((p[0] == '-' && p[1] == '-' && (p[2] == ' ' || p[2] == '\t' || p[2] == '\n' || !p[2])) ||
			   p[0] == '#') {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			char *end = strstr(p + 2, "*/");
			p = end ? end + 2 : p + strlen(p);
			*w++ = ' ';
		} else if (*p == ';') {
			*w = '\0';
			p++;
			char *s = trim(start);
			if (*s) {
				if (n < max)
					stmts[n] = s;
				n++;
			}
			start = w = p;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	char *s = trim(start);
	if (*s) {
		if (n < max)
			stmts[n] = s;
		n++;
	}
	return n;
}
