/* sql_split.h: split a trusted SQL file into statements. Pure, no I/O. */
#ifndef CC_SQL_SPLIT_H
#define CC_SQL_SPLIT_H
#include <stddef.h>

/* Splits text in place at ';' outside quotes, backticks and comments; strips "--" and "#"
 * line comments and blank statements. Returns how many statements were found (at most max are
 * stored in stmts); text must be NUL-terminated. */
size_t sql_split(char *text, char **stmts, size_t max);

#endif
