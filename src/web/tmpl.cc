// tmpl.cc: wraps ctemplate behind tmpl.h and lets no exception out (C++ stays in such shims).
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <ctemplate/template.h>
#include <ctemplate/template_emitter.h>
#include "web/tmpl.h"

using ctemplate::TemplateDictionary;

// tmpl_dict is never defined: a tmpl_dict* is a TemplateDictionary* seen from C, whether it is a
// top-level dictionary (tmpl_new) or a section/include dictionary owned by its parent.
static TemplateDictionary *D(tmpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static const TemplateDictionary *CD(const tmpl_dict *d)
{
	return reinterpret_cast<const TemplateDictionary *>(d);
}

namespace {
// ctemplate emits a page as thousands of small pieces (text between tags, each value's runs
// between escapes): gathered here and handed on a few kilobytes at a time, rather than one
// indirect call and buffer append per piece.
class EmitTo : public ctemplate::ExpandEmitter {
public:
	EmitTo(tmpl_emit_fn fn, void *ctx) : fn_(fn), ctx_(ctx), n_(0) {}
	~EmitTo() override { Flush(); }
	void Emit(char c) override { Emit(&c, 1); }
	void Emit(const std::string &s) override { Emit(s.data(), s.size()); }
	void Emit(const char *s) override { Emit(s, strlen(s)); }
	void Emit(const char *s, size_t n) override
	{
		if (n_ + n > sizeof held_) {
			Flush();
			if (n > sizeof held_) {
				fn_(ctx_, s, n);
				return;
			}
		}
		memcpy(held_ + n_, s, n);
		n_ += n;
	}
	void Flush()
	{
		if (n_)
			fn_(ctx_, held_, n_);
		n_ = 0;
	}
private:
	tmpl_emit_fn fn_;
	void *ctx_;
	size_t n_;
	char held_[8192];
};
}

// Variable and section names, interned once per process. A name passed as a plain TemplateString
// is hashed again on every call, and ctemplate then looks it up in its global id-to-name map
// under a reader lock: about a quarter of a storefront's instructions (bench/callgrind.sh). A
// StaticTemplateString carries its id, and ctemplate skips the map for it. Names are interned by
// content into a process-lifetime copy, so a name need not be a literal; the table is bounded
// (templates have a few hundred names) and a name that finds no slot is passed the slow way.
namespace {
const size_t kNames = 2048, kProbes = 16;
struct Name {
	char *text;
	size_t len;
	ctemplate::StaticTemplateString sts;
};
Name names[kNames];

// Most names are string literals, passed from the same address every view: remembered by
// address (and checked by content, as an address may later hold another name), they skip the
// hashing of their bytes.
const size_t kRecent = 512;
struct Recent {
	const char *key;
	const Name *name;
};
Recent recent[kRecent];

Recent &recent_of(const char *key)
{
	return recent[(uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15ULL >> 55];	// 2^9 = kRecent slots
}

ctemplate::TemplateString name_by_content(const char *key)
{
	size_t len = strlen(key);
	uint64_t h = 14695981039346656037ULL;	// FNV-1a: names are short
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
	for (size_t k = 0; k < kProbes; k++) {
		Name &n = names[(h + k) % kNames];
		if (n.text && n.len == len && memcmp(n.text, key, len) == 0) {
			recent_of(key) = Recent{ key, &n };
			return ctemplate::TemplateString(n.sts);
		}
		if (n.text)
			continue;
		if (!(n.text = strdup(key)))
			break;
		n.len = len;
		n.sts = ctemplate::StaticTemplateString{ { n.text, len, ctemplate::kIllegalTemplateId } };
		ctemplate::StaticTemplateStringInitializer set_id(&n.sts);	// computes the id, registers the name
		return ctemplate::TemplateString(n.sts);
	}
	return ctemplate::TemplateString(key, len);
}

ctemplate::TemplateString name_of(const char *key)
{
	const Recent &r = recent_of(key);
	if (r.key == key && strcmp(r.name->text, key) == 0)
		return ctemplate::TemplateString(r.name->sts);
	return name_by_content(key);
}
}

extern "C" bool tmpl_init(const char *root)
{
	try {
		ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root);
		DIR *dir = opendir(root);
		if (!dir) {
			fprintf(stderr, "tmpl: cannot open %s\n", root);
			return false;
		}
		bool ok = true;
		while (struct dirent *e = readdir(dir)) {
			size_t n = strlen(e->d_name);
			if (n < 5 || strcmp(e->d_name + n - 4, ".tpl") != 0)
				continue;
			if (!ctemplate::LoadTemplate(e->d_name, ctemplate::STRIP_BLANK_LINES)) {
				fprintf(stderr, "tmpl: %s/%s does not parse\n", root, e->d_name);
				ok = false;
			}
		}
		closedir(dir);
		// Parsed once: never look at the files again while serving.
		ctemplate::mutable_default_template_cache()->Freeze();
		return ok;
	} catch (...) {
		return false;
	}
}

extern "C" tmpl_dict *tmpl_new(void)
{
	try {
		return reinterpret_cast<tmpl_dict *>(new TemplateDictionary("page"));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void tmpl_free(tmpl_dict *d)
{
	delete D(d);
}

extern "C" void tmpl_set(tmpl_dict *d, const char *key, const char *val)
{
	tmpl_setn(d, key, val, strlen(val));
}

extern "C" void tmpl_setn(tmpl_dict *d, const char *key, const char *val, size_t n)
{
	try {
		D(d)->SetValue(name_of(key), ctemplate::TemplateString(val, n));
	} catch (...) {
	}
}

extern "C" void tmpl_setn_borrowed(tmpl_dict *d, const char *key, const char *val, size_t n)
{
	try {
		D(d)->SetValueWithoutCopy(name_of(key), ctemplate::TemplateString(val, n));
	} catch (...) {
	}
}

extern "C" void tmpl_set_int(tmpl_dict *d, const char *key, long long v)
{
	try {
		// Written by hand: snprintf's format parsing was most of the cost of the thousands of
		// numbers (image widths, counts, positions) a page sets.
		char text[24];
		char *p = text + sizeof text;
		// unsigned, so the most negative value negates without overflow
		unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (v < 0)
			*--p = '-';
		D(d)->SetValue(name_of(key), ctemplate::TemplateString(p, (size_t)(text + sizeof text - p)));
	} catch (...) {
	}
}

extern "C" void tmpl_set_global(tmpl_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetTemplateGlobalValue(name_of(key), val);
	} catch (...) {
	}
}

extern "C" void tmpl_set_process_global(const char *key, const char *val)
{
	try {
		ctemplate::TemplateDictionary::SetGlobalValue(name_of(key), val);
	} catch (...) {
	}
}

extern "C" void tmpl_show(tmpl_dict *d, const char *section)
{
	try {
		D(d)->ShowSection(name_of(section));
	} catch (...) {
	}
}

extern "C" tmpl_dict *tmpl_add(tmpl_dict *d, const char *section)
{
	try {
		return reinterpret_cast<tmpl_dict *>(D(d)->AddSectionDictionary(name_of(section)));
	} catch (...) {
		return nullptr;
	}
}

extern "C" tmpl_dict *tmpl_include(tmpl_dict *d, const char *name, const char *file)
{
	try {
		TemplateDictionary *inc = D(d)->AddIncludeDictionary(name_of(name));
		inc->SetFilename(file);
		return reinterpret_cast<tmpl_dict *>(inc);
	} catch (...) {
		return nullptr;
	}
}

extern "C" bool tmpl_expand(const char *file, const tmpl_dict *d, tmpl_emit_fn emit, void *ctx)
{
	try {
		EmitTo out(emit, ctx);
		bool ok = ctemplate::ExpandWithData(file, ctemplate::STRIP_BLANK_LINES, CD(d), nullptr, &out);
		out.Flush();
		return ok;
	} catch (...) {
		return false;
	}
}
