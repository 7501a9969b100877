// tmpl.cc: wraps ctemplate behind tmpl.h and lets no exception out (C++ stays in such shims).
#include <dirent.h>
#include <link.h>
#include <new>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <ctemplate/template.h>
#include <ctemplate/template_dictionary_interface.h>
#include <ctemplate/template_emitter.h>
#include "web/tmpl.h"
#include "web/tmpl_escape.h"

using ctemplate::TemplateDictionaryInterface;
using ctemplate::TemplateId;
using ctemplate::TemplateString;

// ctemplate's id of a name (its hash, or the id a parsed template's name carries): exported by
// the library and declared only as a friend of TemplateString, whose own accessor is private.
namespace ctemplate {
TemplateId GlobalIdForSTS_INIT(const TemplateString &s);
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

// A page's values are held in Dict, our own TemplateDictionaryInterface, which ctemplate's
// expansion reads through that documented interface. ctemplate's TemplateDictionary cost a
// third of a storefront's instructions: a printf-built debug name for every section dictionary,
// a std::map per dictionary and kind, a heap block per node, a mutex for each global lookup.
// Dict keeps the same lookup rules (a section sees its parents' values, an include only its own,
// then the template globals, then the process globals) in flat arrays of one arena per page.

// Variable and section names are looked up by ctemplate's id, a hash of the name that the parsed
// templates carry precomputed. Ours are hashed once per process: interned by content (a name
// need not be a literal) in a bounded table; a name that finds no slot is hashed each time.
namespace {
const size_t kNames = 2048, kProbes = 16;
struct Name {
	char *text;
	size_t len;
	TemplateId id;
};
Name names[kNames];

TemplateId id_of(const char *key, size_t len)
{
	return ctemplate::GlobalIdForSTS_INIT(TemplateString(key, len));	// ctemplate's own hash
}

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

TemplateId name_by_content(const char *key)
{
	size_t len = strlen(key);
	uint64_t h = 14695981039346656037ULL;	// FNV-1a: names are short
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
	for (size_t k = 0; k < kProbes; k++) {
		Name &n = names[(h + k) % kNames];
		if (n.text && n.len == len && memcmp(n.text, key, len) == 0) {
			recent_of(key) = Recent{ key, &n };
			return n.id;
		}
		if (n.text)
			continue;
		if (!(n.text = strdup(key)))
			break;
		n.len = len;
		n.id = id_of(n.text, len);
		return n.id;
	}
	return id_of(key, len);
}

// The main program's read-only segment, where its string literals live: a name there is never
// rewritten, so a remembered address needs no comparison of its bytes.
const char *literals_from, *literals_to;

int find_literals(struct dl_phdr_info *info, size_t, void *)
{
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) &ph = info->dlpi_phdr[i];
		if (ph.p_type == PT_LOAD && (ph.p_flags & PF_R) && !(ph.p_flags & (PF_W | PF_X))) {
			const char *from = reinterpret_cast<const char *>(info->dlpi_addr + ph.p_vaddr);
			if (!literals_from || from < literals_from)
				literals_from = from;
			if (from + ph.p_memsz > literals_to)
				literals_to = from + ph.p_memsz;
		}
	}
	return 1;	// the first object listed is the main program: stop there
}

TemplateId name_of(const char *key)
{
	const Recent &r = recent_of(key);
	if (r.key == key && ((key >= literals_from && key < literals_to) || strcmp(r.name->text, key) == 0))
		return r.name->id;
	return name_by_content(key);
}

// One page's dictionaries and values, released together by tmpl_free.
class Arena {
public:
	~Arena()
	{
		while (chunks_) {
			Chunk *c = chunks_;
			chunks_ = c->next;
			free(c);
		}
	}
	void *alloc(size_t n)
	{
		n = (n + 15) & ~(size_t)15;
		if (left_ < n)
			grow(n);
		void *p = at_;
		at_ += n;
		left_ -= n;
		return p;
	}
	const char *copy(const char *s, size_t n)
	{
		char *p = static_cast<char *>(alloc(n + 1));
		memcpy(p, s, n);
		p[n] = '\0';
		return p;
	}
private:
	struct Chunk {
		Chunk *next;
		size_t pad;
	};
	// Below glibc's mmap threshold: a chunk is reused heap, not a fresh mapping per page.
	static const size_t kChunk = 32768;
	void grow(size_t n)
	{
		size_t size = n + sizeof(Chunk) > kChunk ? n + sizeof(Chunk) : kChunk;
		Chunk *c = static_cast<Chunk *>(malloc(size));
		if (!c)
			throw std::bad_alloc();
		c->next = chunks_;
		chunks_ = c;
		at_ = reinterpret_cast<char *>(c + 1);
		left_ = size - sizeof(Chunk);
	}
	Chunk *chunks_ = nullptr;
	char *at_ = nullptr;
	size_t left_ = 0;
};

struct Var {
	TemplateId id;
	const char *text;
	size_t len;
};

// Values by id, most recent last (a value set again is found first, as a replacement would be).
// A 64-bit mask of the ids present lets a lookup pass over a dictionary without scanning it:
// most lookups from a card's section climb past its parents.
class Vars {
public:
	void set(Arena &a, TemplateId id, const char *text, size_t len)
	{
		if (n_ == cap_) {
			unsigned cap = cap_ ? cap_ * 2 : 8;
			Var *v = static_cast<Var *>(a.alloc(cap * sizeof(Var)));
			if (n_)
				memcpy(v, v_, n_ * sizeof(Var));
			v_ = v;
			cap_ = cap;
		}
		v_[n_++] = Var{ id, text, len };
		bits_ |= bit(id);
	}
	const Var *find(TemplateId id) const
	{
		if (!(bits_ & bit(id)))
			return nullptr;
		for (unsigned i = n_; i-- > 0;)
			if (v_[i].id == id)
				return &v_[i];
		return nullptr;
	}
private:
	static uint64_t bit(TemplateId id) { return 1ULL << (id >> 58); }	// the id's top bits: a hash
	Var *v_ = nullptr;
	unsigned n_ = 0, cap_ = 0;
	uint64_t bits_ = 0;
};

Vars process_globals;	// set before the workers fork, read-only after
Arena process_arena;

class Dict;

// The dictionaries of one section or one include, in the order they were added.
struct List {
	TemplateId id;
	Dict *first, *last;
	List *next;
};

class Root;

class Dict final : public TemplateDictionaryInterface {
public:
	Dict(Root *root, const Dict *parent) : root_(root), parent_(parent) {}
	Root *root() const { return root_; }
	void set(TemplateId id, const char *text, size_t len);
	void set_copy(TemplateId id, const char *text, size_t len);
	Dict *add_section(TemplateId id);
	void show_section(TemplateId id);
	Dict *add_include(TemplateId id, const char *file);

	TemplateString GetValue(const TemplateString &variable) const override;
	bool IsHiddenSection(const TemplateString &name) const override { return !section(id(name)); }
	bool IsUnhiddenSection(const TemplateString &name) const override { return section(id(name)) != nullptr; }
	bool IsHiddenTemplate(const TemplateString &name) const override { return !include(id(name)); }
	const char *GetIncludeTemplateName(const TemplateString &variable, int dictnum) const override;
	Iterator *CreateTemplateIterator(const TemplateString &name) const override;
	Iterator *CreateSectionIterator(const TemplateString &name) const override;
	void DumpToString(std::string *out, int level) const override;

private:
	// Walks a section's dictionaries for ctemplate; a few are alive at once (one per nesting
	// level), so they come from a free list rather than the heap on every section expanded.
	class Each final : public Iterator {
	public:
		explicit Each(const Dict *d) : d_(d) {}
		bool HasNext() const override { return d_ != nullptr; }
		const TemplateDictionaryInterface &Next() override
		{
			const Dict *d = d_;
			d_ = d->next_;
			return *d;
		}
		static void *operator new(size_t n);
		static void operator delete(void *p);
	private:
		const Dict *d_;
	};

	static TemplateId id(const TemplateString &s) { return ctemplate::GlobalIdForSTS_INIT(s); }
	static List *find(List *l, TemplateId id)
	{
		for (; l; l = l->next)
			if (l->id == id)
				return l;
		return nullptr;
	}
	// Sections and includes are seen from nested sections, as ctemplate's own dictionary does.
	const List *section(TemplateId id) const;
	const List *include(TemplateId id) const;
	List *list(List **head, TemplateId id);
	Dict *append(List *l, const Dict *parent);

	Root *root_;
	const Dict *parent_;	// a section's enclosing dictionary; none for a page or an include
	Dict *next_ = nullptr;	// the next dictionary of the same section or include
	const char *file_ = nullptr;
	Vars vars_;
	List *sections_ = nullptr, *includes_ = nullptr;
	friend class Root;
};

class Root {
public:
	Root() : dict(this, nullptr) {}
	Arena arena;
	Vars globals;	// tmpl_set_global: seen from every include of the page
	Dict dict;
};

void Dict::set(TemplateId id, const char *text, size_t len)
{
	vars_.set(root_->arena, id, text, len);
}

void Dict::set_copy(TemplateId id, const char *text, size_t len)
{
	set(id, root_->arena.copy(text, len), len);
}

List *Dict::list(List **head, TemplateId id)
{
	List *l = find(*head, id);
	if (!l) {
		l = static_cast<List *>(root_->arena.alloc(sizeof(List)));
		*l = List{ id, nullptr, nullptr, *head };
		*head = l;
	}
	return l;
}

Dict *Dict::append(List *l, const Dict *parent)
{
	Dict *d = new (root_->arena.alloc(sizeof(Dict))) Dict(root_, parent);
	if (l->last)
		l->last->next_ = d;
	else
		l->first = d;
	l->last = d;
	return d;
}

Dict *Dict::add_section(TemplateId id)
{
	return append(list(&sections_, id), this);
}

// As ctemplate: shown once with an empty dictionary of its own, unless it has dictionaries.
void Dict::show_section(TemplateId id)
{
	if (!find(sections_, id))
		add_section(id);
}

Dict *Dict::add_include(TemplateId id, const char *file)
{
	Dict *d = append(list(&includes_, id), nullptr);
	d->file_ = root_->arena.copy(file, strlen(file));
	return d;
}

const List *Dict::section(TemplateId id) const
{
	for (const Dict *d = this; d; d = d->parent_)
		if (const List *l = find(d->sections_, id))
			return l;
	return nullptr;
}

const List *Dict::include(TemplateId id) const
{
	for (const Dict *d = this; d; d = d->parent_)
		if (const List *l = find(d->includes_, id))
			return l;
	return nullptr;
}

TemplateString Dict::GetValue(const TemplateString &variable) const
{
	TemplateId want = id(variable);
	const Var *v = nullptr;
	for (const Dict *d = this; d && !v; d = d->parent_)
		v = d->vars_.find(want);
	if (!v)
		v = root_->globals.find(want);
	if (!v)
		v = process_globals.find(want);
	return v ? TemplateString(v->text, v->len) : TemplateString("", 0);
}

const char *Dict::GetIncludeTemplateName(const TemplateString &variable, int dictnum) const
{
	const List *l = include(id(variable));
	const Dict *d = l ? l->first : nullptr;
	for (int i = 0; d && i < dictnum; i++)
		d = d->next_;
	return d && d->file_ ? d->file_ : "";
}

TemplateDictionaryInterface::Iterator *Dict::CreateTemplateIterator(const TemplateString &name) const
{
	const List *l = include(id(name));
	return new Each(l ? l->first : nullptr);
}

TemplateDictionaryInterface::Iterator *Dict::CreateSectionIterator(const TemplateString &name) const
{
	const List *l = section(id(name));
	return new Each(l ? l->first : nullptr);
}

void Dict::DumpToString(std::string *out, int level) const
{
	out->append((size_t)level, ' ');
	out->append("crowdcart dictionary (values by id; dumps show no names)\n");
}

// Workers are single-threaded: one free list per process.
void *each_free[16];
size_t each_free_n;

void *Dict::Each::operator new(size_t n)
{
	if (each_free_n)
		return each_free[--each_free_n];
	if (void *p = malloc(n))
		return p;
	throw std::bad_alloc();
}

void Dict::Each::operator delete(void *p)
{
	if (each_free_n < sizeof each_free / sizeof each_free[0])
		each_free[each_free_n++] = p;
	else
		free(p);
}

// tmpl_dict is never defined: a tmpl_dict* is a Dict* seen from C, whether it is a page's
// dictionary (tmpl_new) or a section's or include's, owned by the page's Root.
Dict *D(tmpl_dict *d)
{
	return reinterpret_cast<Dict *>(d);
}

tmpl_dict *C(Dict *d)
{
	return reinterpret_cast<tmpl_dict *>(d);
}
}

extern "C" bool tmpl_init(const char *root)
{
	try {
		tmpl_escape_install();
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
		dl_iterate_phdr(find_literals, nullptr);
		// ctemplate's built-in globals, which its own dictionary would supply.
		tmpl_set_process_global("BI_SPACE", " ");
		tmpl_set_process_global("BI_NEWLINE", "\n");
		return ok;
	} catch (...) {
		return false;
	}
}

extern "C" tmpl_dict *tmpl_new(void)
{
	try {
		return C(&(new Root)->dict);
	} catch (...) {
		return nullptr;
	}
}

extern "C" void tmpl_free(tmpl_dict *d)
{
	if (d)
		delete D(d)->root();
}

extern "C" void tmpl_set(tmpl_dict *d, const char *key, const char *val)
{
	tmpl_setn(d, key, val, strlen(val));
}

extern "C" void tmpl_setn(tmpl_dict *d, const char *key, const char *val, size_t n)
{
	try {
		D(d)->set_copy(name_of(key), val, n);
	} catch (...) {
	}
}

extern "C" void tmpl_setn_borrowed(tmpl_dict *d, const char *key, const char *val, size_t n)
{
	try {
		D(d)->set(name_of(key), val, n);
	} catch (...) {
	}
}

extern "C" void tmpl_set_int(tmpl_dict *d, const char *key, long long v)
{
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
	tmpl_setn(d, key, p, (size_t)(text + sizeof text - p));
}

extern "C" void tmpl_set_global(tmpl_dict *d, const char *key, const char *val)
{
	try {
		Root *root = D(d)->root();
		size_t n = strlen(val);
		root->globals.set(root->arena, name_of(key), root->arena.copy(val, n), n);
	} catch (...) {
	}
}

extern "C" void tmpl_set_process_global(const char *key, const char *val)
{
	try {
		size_t n = strlen(val);
		process_globals.set(process_arena, name_of(key), process_arena.copy(val, n), n);
	} catch (...) {
	}
}

extern "C" void tmpl_show(tmpl_dict *d, const char *section)
{
	try {
		D(d)->show_section(name_of(section));
	} catch (...) {
	}
}

extern "C" tmpl_dict *tmpl_add(tmpl_dict *d, const char *section)
{
	try {
		return C(D(d)->add_section(name_of(section)));
	} catch (...) {
		return nullptr;
	}
}

extern "C" tmpl_dict *tmpl_include(tmpl_dict *d, const char *name, const char *file)
{
	try {
		return C(D(d)->add_include(name_of(name), file));
	} catch (...) {
		return nullptr;
	}
}

extern "C" bool tmpl_expand(const char *file, const tmpl_dict *d, tmpl_emit_fn emit, void *ctx)
{
	try {
		EmitTo out(emit, ctx);
		bool ok = ctemplate::ExpandWithData(file, ctemplate::STRIP_BLANK_LINES,
						    reinterpret_cast<const Dict *>(d), nullptr, &out);
		out.Flush();
		return ok;
	} catch (...) {
		return false;
	}
}
