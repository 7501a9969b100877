// tmpl_escape.cc: ctemplate's HTML escaping, 16 bytes at a time (tmpl_escape.h).
//
// Auto-escaping HTML-escapes every value a page shows, through the library's one HtmlEscape object
// (ctemplate::html_escape; the URL modifiers chain to it too), which looks at a byte at a time: a
// sixth of a storefront view's instructions (docs/BENCHMARKS.md). The same output, found with SSE2
// compares on 16 bytes at a time, is what that object does once tmpl_escape_install() has run.
#include <new>
#include <string>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <ctemplate/template_emitter.h>
#include <ctemplate/template_modifiers.h>
#include "web/tmpl_escape.h"

namespace {

// The bytes HtmlEscape rewrites (& " ' < > to entities, \t \n \v \f \r to a space), for values
// shorter than a block: most are (a price, a width, a word).
constexpr bool is_special(unsigned char c)
{
	return c == '&' || c == '"' || c == '\'' || c == '<' || c == '>' || (c >= '\t' && c <= '\r');
}
struct SpecialTable {
	bool at[256];
	constexpr SpecialTable() : at()
	{
		for (int c = 0; c < 256; c++)
			at[c] = is_special(static_cast<unsigned char>(c));
	}
};
constexpr SpecialTable kSpecial;

#ifdef __SSE2__
// A bit per byte of the 16 at p that is special.
inline unsigned special_mask(const char *p)
{
	const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
	__m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
	// \t..\r: v - '\t' below 5, unsigned
	const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8('\t'));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t));
	return static_cast<unsigned>(_mm_movemask_epi8(m));
}
#endif

// The first special byte of [p, end), or end; in[0..end) is the whole value. A value of a block or
// more ends on a block that overlaps the bytes already seen (their bits shifted away), so nothing
// is read outside it.
inline const char *next_special(const char *in, const char *p, const char *end)
{
#ifdef __SSE2__
	if (end - in < 16) {
		while (p < end && !kSpecial.at[static_cast<unsigned char>(*p)])
			p++;
		return p;
	}
	for (; end - p >= 16; p += 16)
		if (unsigned m = special_mask(p))
			return p + __builtin_ctz(m);
	if (p == end)
		return end;
	const char *last = end - 16;
	unsigned m = special_mask(last) >> (p - last);
	return m ? p + __builtin_ctz(m) : end;
#else
	(void)in;
	while (p < end && !kSpecial.at[static_cast<unsigned char>(*p)])
		p++;
	return p;
#endif
}

class FastHtmlEscape final : public ctemplate::HtmlEscape {
public:
	void Modify(const char *in, size_t inlen, const ctemplate::PerExpandData *, ctemplate::ExpandEmitter *out,
		    const std::string &) const override
	{
		const char *end = in + inlen, *run = in;
		for (const char *p = next_special(in, in, end); p < end; p = next_special(in, run, end)) {
			if (p > run)
				out->Emit(run, static_cast<size_t>(p - run));
			switch (*p) {
			case '&': out->Emit("&amp;", 5); break;
			case '"': out->Emit("&quot;", 6); break;
			case '\'': out->Emit("&#39;", 5); break;
			case '<': out->Emit("&lt;", 4); break;
			case '>': out->Emit("&gt;", 4); break;
			default: out->Emit(' '); break;
			}
			run = p + 1;
		}
		if (end > run)
			out->Emit(run, static_cast<size_t>(end - run));
	}
};

static_assert(sizeof(FastHtmlEscape) == sizeof(ctemplate::HtmlEscape), "a new vtable pointer, nothing more");

} // namespace

extern "C" void tmpl_escape_install(void)
{
	// The library's object becomes one of ours in place: every modifier that escapes through it
	// (auto-escape's :h, and the URL ones chained to it) now calls the Modify above.
	new (&ctemplate::html_escape) FastHtmlEscape;
}

extern "C" bool tmpl_escape_same(const char *in, size_t n)
{
	std::string ours, theirs;
	ctemplate::StringEmitter to_ours(&ours), to_theirs(&theirs);
	const ctemplate::HtmlEscape original;	// a fresh object: the library's own Modify
	FastHtmlEscape().Modify(in, n, nullptr, &to_ours, std::string());
	original.Modify(in, n, nullptr, &to_theirs, std::string());
	return ours == theirs;
}
