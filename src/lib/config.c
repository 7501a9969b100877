/* config.c: parse "key = value" lines into a small table; unknown keys are kept for later lookups. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sodium.h>
#include "lib/arena.h"
#include "lib/config.h"

#define CONFIG_MAX 128

static struct { char *key, *val; } entries[CONFIG_MAX];
static size_t nentries;
/* Entries by key (entry number + 1; 0 is empty), the latest of a key's lines winning: pages look
 * settings up many times a request, and a scan of every line cost a thousand instructions each. */
#define CONFIG_SLOTS 256	/* a power of two above CONFIG_MAX: never full */
static unsigned char slots[CONFIG_SLOTS];
_Static_assert(CONFIG_MAX < CONFIG_SLOTS && CONFIG_MAX < 256, "the index holds entry numbers + 1 in a byte");

static size_t slot_of(const char *key)
{
	size_t h = 2166136261u;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h & (CONFIG_SLOTS - 1);
}

static void index_entry(size_t e)
{
	size_t i = slot_of(entries[e].key);
	while (slots[i] && strcmp(entries[slots[i] - 1].key, entries[e].key) != 0)
		i = (i + 1) & (CONFIG_SLOTS - 1);
	slots[i] = (unsigned char)(e + 1);
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static char *loaded_path;

const char *config_path(void)
{
	return loaded_path;
}

bool config_load(const char *path)
{
	const char *env = getenv("CROWDCART_CONF");
	if (env && *env)
		path = env;
	if (!path)
		path = "/etc/crowdcart/crowdcart.conf";
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "config: cannot open %s: %s\n", path, strerror(errno));
		return false;
	}
	/* It holds database passwords and the server secret (ASVS 2.10.3). A warning, not a refusal:
	 * an operator must see it, but a shop must not go down over a mode. The group may read it
	 * (root:crowdcart 0640 is how a package lets the programs' account in); everyone else not. */
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && (st.st_mode & S_IRWXO))
		fprintf(stderr, "config: %s can be read by every account on the host (mode %03o); it holds "
			"passwords and the server secret: chmod o-rwx it\n", path, (unsigned)(st.st_mode & 0777));
	char line[1024];
	int lineno = 0;
	bool ok = true;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq || nentries == CONFIG_MAX) {
			fprintf(stderr, "config: %s:%d: expected key = value\n", path, lineno);
			ok = false;
			break;
		}
		*eq = '\0';
		entries[nentries].key = xstrdup(trim(s));
		entries[nentries].val = xstrdup(trim(eq + 1));
		index_entry(nentries++);
	}
	fclose(f);
	free(loaded_path);	/* the unit tests load one config after another */
	loaded_path = xstrdup(path);
	return ok;
}

const char *config_str(const char *key, const char *def)
{
	/* Last one wins (index_entry), so an operator can append overrides. */
	for (size_t i = slot_of(key); slots[i]; i = (i + 1) & (CONFIG_SLOTS - 1))
		if (strcmp(entries[slots[i] - 1].key, key) == 0)
			return entries[slots[i] - 1].val;
	return def;
}

long config_int(const char *key, long def, long min, long max)
{
	const char *s = config_str(key, NULL);
	if (!s)
		return def;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < min || v > max) {
		fprintf(stderr, "config: %s = %s is not a number in [%ld, %ld]; using %ld\n", key, s,
			min, max, def);
		return def;
	}
	return v;
}

const char *config_prog(const char *prog, const char *key, const char *def)
{
	char name[128];
	snprintf(name, sizeof name, "%s_%s", prog, key);
	return config_str(name, def);
}

bool config_secret(uint8_t out[32])
{
	const char *hex = config_str("secret_key", NULL);
	size_t len;
	return hex && strlen(hex) == 64 &&
	       sodium_hex2bin(out, 32, hex, 64, NULL, &len, NULL) == 0 && len == 32;
}
