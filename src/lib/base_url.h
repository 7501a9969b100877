/* base_url.h: the shop's public address from config base_url, the only source of absolute links
 * (feeds, mail, provider return URLs): never the request's Host header, which the client sets. */
#ifndef CC_BASE_URL_H
#define CC_BASE_URL_H
#include <stdbool.h>
#include <stddef.h>

#define BASE_URL_MAX 256	/* with its NUL */

/* True if s is an http:// or https:// address with a host and nothing a link could not carry
 * (spaces, quotes, <>, controls); out gets it without trailing slashes ("https://shop.example").
 * Pure. */
bool base_url_parse(const char *s, char out[BASE_URL_MAX]);

/* base_url_parse of the configured base_url; false when it is unset or unusable. */
bool base_url_get(char out[BASE_URL_MAX]);

#endif
