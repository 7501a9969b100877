/* sql_split.h: split a trusted SQL file into statements. Pure, no I/O. */
#ifndef CC_SQL_SPLIT_H
#define CC_SQL_SPLIT_H
#include <stddef.h>

#define SQL_SPLIT_DELIM_MAX 8

/* Splits text in place at ';' outside quotes, backticks and comments; strips "--" and "#"
 * line comments and blank statements. A line "DELIMITER //" between statements makes "//" the
 * end of a statement until the next DELIMITER line, as in the mariadb client, so a compound
 * statement (BEGIN NOT ATOMIC ... END) keeps its inner ';'. Returns how many statements were
 * found (at most max are stored in stmts); text must be NUL-terminated. */
size_t sql_split(char *text, char **stmts, size_t max);

#endif
