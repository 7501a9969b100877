/* sql_split.c: a small scanner that knows enough SQL lexing to find statement ends. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
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

static bool blank(const char *s, const char *end)
{
	for (; s < end; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

/* A "DELIMITER x" line (the mariadb client's convention) at p, the start of a line between
 * statements: copies x into delim and returns the end of the line, or NULL when p is not one. */
static char *delimiter_line(char *p, char *delim)
{
	if (strncasecmp(p, "DELIMITER", 9) != 0 || (p[9] != ' ' && p[9] != '\t'))
		return NULL;
	char *s = p + 9;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = 0;
	while (s[n] && !isspace((unsigned char)s[n]))
		n++;
	if (n == 0 || n >= SQL_SPLIT_DELIM_MAX)
		return NULL;
	memcpy(delim, s, n);
	delim[n] = '\0';
	s += n;
	while (*s && *s != '\n')
		s++;
	return s;
}

size_t sql_split(char *text, char **stmts, size_t max)
{
	size_t n = 0;
	char delim[SQL_SPLIT_DELIM_MAX] = ";";
	size_t dlen = 1;
	char *start = text, *w = text;	/* comments are squeezed out by copying down */
	for (char *p = text; *p;) {
		char *after;
		if ((p == text || p[-1] == '\n') && blank(start, w) && (after = delimiter_line(p, delim))) {
			dlen = strlen(delim);
			p = after;
			start = w = p;
		} else if (*p == '\'' || *p == '"' || *p == '`') {
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
		} else if (strncmp(p, delim, dlen) == 0) {
			*w = '\0';
			p += dlen;
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
