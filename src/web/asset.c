/* asset.c: fingerprinted static file names, computed from the files themselves at start-up, so
 * the names the pages link are those of the bytes being served, whatever copy the build left. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sodium.h>
#include "lib/config.h"
#include "web/asset.h"
#include "web/tmpl.h"

#define ASSET_HASH_HEX 16
#define ASSET_MAX_BYTES (4 << 20)

/* "name.<16 hex>.ext": a copy the build made, not a source file. */
static bool is_fingerprinted(const char *name)
{
	const char *ext = strrchr(name, '.');
	if (!ext || ext - name < ASSET_HASH_HEX + 2 || ext[-ASSET_HASH_HEX - 1] != '.')
		return false;
	for (const char *p = ext - ASSET_HASH_HEX; p < ext; p++)
		if (!isxdigit((unsigned char)*p) || isupper((unsigned char)*p))
			return false;
	return true;
}

static bool wanted(const char *name, const char *const *exts)
{
	const char *ext = strrchr(name, '.');
	if (!ext || name[0] == '.' || is_fingerprinted(name))
		return false;
	for (; *exts; exts++)
		if (strcmp(ext, *exts) == 0)
			return true;
	return false;
}

static bool sha256_hex(const char *path, char hex[ASSET_HASH_HEX + 1])
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	unsigned char chunk[16384], digest[crypto_hash_sha256_BYTES];
	size_t n, total = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && (total += n) <= ASSET_MAX_BYTES)
		crypto_hash_sha256_update(&st, chunk, n);
	bool ok = !ferror(f) && total <= ASSET_MAX_BYTES;
	fclose(f);
	crypto_hash_sha256_final(&st, digest);
	for (size_t i = 0; i < ASSET_HASH_HEX / 2; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	return ok;
}

/* "js/live.js" -> STATIC_JS_LIVE_JS */
static void variable_of(const char *rel, char *out, size_t n)
{
	size_t i = (size_t)snprintf(out, n, "STATIC_");
	for (const char *p = rel; *p && i + 1 < n; p++)
		out[i++] = isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p) : '_';
	out[i] = '\0';
}

static void publish(const char *root, const char *sub, const char *name)
{
	char rel[512], path[1024], copy[1024], url[600], var[600], hex[ASSET_HASH_HEX + 1];
	snprintf(rel, sizeof rel, "%s%s", sub, name);
	snprintf(path, sizeof path, "%s/%s", root, rel);
	variable_of(rel, var, sizeof var);
	const char *ext = strrchr(rel, '.');
	struct stat sb;
	if (sha256_hex(path, hex) &&
	    (size_t)snprintf(copy, sizeof copy, "%s/%.*s.%s%s", root, (int)(ext - rel), rel, hex, ext) < sizeof copy &&
	    stat(copy, &sb) == 0) {
		snprintf(url, sizeof url, "/static/%.*s.%s%s", (int)(ext - rel), rel, hex, ext);
	} else {
		fprintf(stderr, "static: %s has no fingerprinted copy (make builds it); linking the plain name\n", rel);
		snprintf(url, sizeof url, "/static/%s", rel);
	}
	tmpl_set_process_global(var, url);
}

static bool scan(const char *root, const char *sub, const char *const *exts)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/%s", root, sub);
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "static: %s: %s\n", dir, strerror(errno));
		return false;
	}
	for (struct dirent *e; (e = readdir(d));)
		if (wanted(e->d_name, exts))
			publish(root, sub, e->d_name);
	closedir(d);
	return true;
}

/* A checkout or an installation keeps static/ beside templates/. */
static const char *default_root(char *out, size_t n)
{
	const char *t = config_str("templates_dir", "templates");
	size_t len = strlen(t);
	while (len > 1 && t[len - 1] == '/')
		len--;
	const char *slash = memrchr(t, '/', len);
	if (!slash)
		return "static";
	snprintf(out, n, "%.*s/static", (int)(slash - t), t);
	return out;
}

void asset_init(void)
{
	static const char *const top[] = { ".css", ".svg", NULL };
	static const char *const scripts[] = { ".js", NULL };
	char fallback[1024];
	const char *root = config_str("static_dir", NULL);
	if (!root)
		root = default_root(fallback, sizeof fallback);
	if (scan(root, "", top))
		scan(root, "js/", scripts);
}
