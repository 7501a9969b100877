// xss.mjs: the XSS corpus (500+ payloads) and the one call that pushes it through a field: pack the
// payloads into form-sized rounds, save each round, open every page that shows it in Chromium with
// dialog, console and page-error hooks, and report what ran. A new field is one xssThrough() call.
import assert from 'node:assert/strict';
import { BASE_URL, eventually, useChromium } from './chromium.mjs';

// Ways to run script, each calling xss() (a dialog, and a mark the page can be searched for).
const VECTORS = [
	'<script>xss()</script>', '<script src=data:,xss()></script>', '<img src=x onerror=xss()>',
	'<img src="x" onerror="xss()">', '<svg onload=xss()>', '<svg><script>xss()</script></svg>',
	'<body onload=xss()>', '<iframe src="javascript:xss()"></iframe>', '<iframe srcdoc="<script>parent.xss()</script>">',
	'<a href="javascript:xss()" id=x>x</a>', '<details open ontoggle=xss()>', '<input autofocus onfocus=xss()>',
	'<video><source onerror=xss()></video>', '<audio src=x onerror=xss()>', '<marquee onstart=xss()>',
	'<object data="javascript:xss()">', '<embed src="javascript:xss()">', '<math><a xlink:href="javascript:xss()">x</a></math>',
	'<form action="javascript:xss()"><button>x</button></form>', '<isindex action=javascript:xss() type=image>',
	'<select autofocus onfocus=xss()>', '<textarea autofocus onfocus=xss()>', '<keygen autofocus onfocus=xss()>',
	'<div style="background:url(javascript:xss())">', '<style>@import "javascript:xss()";</style>',
	'<link rel=stylesheet href="javascript:xss()">', '<meta http-equiv="refresh" content="0;url=javascript:xss()">',
	'<base href="javascript:xss()//">', '<img src=x:x onerror=eval(atob("eHNzKCk="))>', '<svg><animate onbegin=xss() attributeName=x dur=1s>',
	'<svg><set onbegin=xss() attributename=x>', '"><script>xss()</script>', "'><script>xss()</script>",
	'<scr<script>ipt>xss()</script>', '<SCRIPT>xss()</SCRIPT>', '<ScRiPt>xss()</sCrIpT>', '<script\x20type="text/javascript">xss()</script>',
	'<img src=`x` onerror=xss()>', '<img/src=x/onerror=xss()>', '<img src=x onerror=&#x78;ss()>', '<img src=x onerror=\\u0078ss()>',
	'javascript:xss()', 'jav&#x09;ascript:xss()', '&lt;script&gt;xss()&lt;/script&gt;', '%3Cscript%3Exss()%3C/script%3E',
	'<noscript><p title="</noscript><img src=x onerror=xss()>">', '<template><script>xss()</script></template>',
	'<table background="javascript:xss()">', '<td background="javascript:xss()">', '<xss onpointerover=xss()>hover</xss>',
	'{{xss()}}', '${xss()}', '<!--<img src="--><img src=x onerror=xss()//">', '<![CDATA[<script>xss()</script>]]>',
	'<svg/onload=xss()//', '<img src=x onerror=xss()//', '<a href=" &#14;  javascript:xss()">x</a>', '<iframe src=data:text/html,<script>parent.xss()</script>>',
	// out of a JSON-LD data block in <head> (the meta tags and structured data of public pages)
	'"}]}</script><script>xss()</script>', '\u2028<!--<script>xss()</script>',
];
// What comes before a vector: breaking out of text, attributes, elements, comments and scripts.
const PREFIXES = ['', '">', "'>", '</textarea>', '</title>', '-->', '</script>', '`', '</p>'];
export const PAYLOADS = PREFIXES.flatMap((p) => VECTORS.map((v) => p + v));

const bytes = (s) => Buffer.byteLength(s);

// The payloads in form-sized rounds. boxes: { name: [max bytes, separator] }; a box with a
// separator takes as many payloads as fit, joined by it, one without takes one payload. Each round
// is { fields: { name: text }, all: [payloads in it] }; a field no payload fitted is left out.
export function pack(payloads, boxes) {
	const out = [];
	const rest = [...payloads];
	while (rest.length) {
		const got = Object.fromEntries(Object.keys(boxes).map((k) => [k, []]));
		for (let i = 0; i < rest.length;) {
			const p = rest[i];
			const box = Object.keys(boxes).find((k) => {
				const [max, sep] = boxes[k];
				return sep == null ? got[k].length === 0 && bytes(p) <= max : bytes([...got[k], p].join(sep)) <= max;
			});
			if (!box) {
				i++;
				continue;
			}
			got[box].push(p);
			rest.splice(i, 1);
		}
		const all = Object.values(got).flat();
		if (!all.length)
			throw new Error(`a payload fits no box: ${rest[0]}`);
		const fields = Object.fromEntries(Object.entries(got).filter(([, v]) => v.length).map(([k, v]) => [k, v.join(boxes[k][1] ?? '')]));
		out.push({ fields, all });
	}
	return out;
}

// One Chromium for the test file, as every browser test has (chromium.mjs); called at its top.
let browser = () => {
	throw new Error('useXssChromium() was not called at the top of the test file');
};
export function useXssChromium() {
	browser = useChromium();
}

// Pages with hooks that catch any payload running: xss() calls, dialogs, page errors, CSP refusals.
// With a client, the pages carry its cookies (a signed-in studio user). Several pages, so that the
// pages of a round load side by side.
const PAGES = 3;
async function hookedPages(client) {
	const context = await browser().newContext({ baseURL: BASE_URL });
	if (client)
		await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: BASE_URL })));
	const ran = [];
	await context.exposeFunction('__xssRan', (where) => ran.push(where));
	// xss() is what every payload calls; defined before any page script, outside the page's CSP.
	await context.addInitScript(() => {
		window.xss = () => window.__xssRan(location.pathname);
	});
	const pages = [];
	for (let i = 0; i < PAGES; i++) {
		const page = await context.newPage();
		page.on('dialog', (d) => {
			ran.push(`dialog ${d.type()}: ${d.message()}`);
			d.dismiss().catch(() => {});
		});
		page.on('pageerror', (e) => ran.push(`page error: ${e.message}`));
		// A payload that became markup but was stopped by the CSP is a finding too: escaping failed.
		page.on('console', (m) => {
			if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
				ran.push(`console: ${m.text()}`);
		});
		// The hook itself works: a call of xss() from the page is seen.
		await page.goto('/static/style.css');
		await page.evaluate(() => window.xss());
		assert.equal(ran.length, 1, 'the xss() hook reports');
		ran.length = 0;
		pages.push(page);
	}
	return { context, pages, ran };
}

// The text of every path, each opened in one of the pages (PAGES at a time).
async function texts(pages, paths) {
	const out = new Array(paths.length).fill('');
	let next = 0;
	await Promise.all(pages.map(async (page) => {
		for (let i = next++; i < paths.length; i = next++) {
			const res = await page.goto(paths[i], { waitUntil: 'load' });
			assert.equal(res.status(), 200, `GET ${paths[i]}`);
			await page.waitForTimeout(50);	// autofocus and load handlers run after load
			out[i] = await page.evaluate(() => document.documentElement.textContent);
		}
	}));
	return out.join('');
}

// Pushes `payloads` (default: the corpus) through a field. boxes: see pack(). save(round) writes
// round.fields and may return state for pages(round, state), the paths that show the round.
// asText: every payload must show as text on those pages together (nothing dropped on the way,
// which would hide a bypass); false where the field is sanitised rich text. client: whose cookies
// the browser carries. Returns what ran (expected: nothing).
export async function xssThrough({ boxes, save, pages, asText = true, client, payloads = PAYLOADS }) {
	const { context, pages: tabs, ran } = await hookedPages(client);
	let shown = 0;
	try {
		for (const r of pack(payloads, boxes)) {
			const paths = pages(r, await save(r));
			// Public pages are cached per worker for a second: retry until the round shows.
			await eventually(async () => {
				const text = await texts(tabs, paths);
				if (asText)
					for (const p of r.all)
						assert.ok(text.includes(p), `payload shown as text on ${paths.join(' ')}: ${p}`);
			}, { timeout: 10000, interval: 100 });
			shown += r.all.length;
		}
	} finally {
		await context.close();
	}
	assert.equal(shown, payloads.length);
	return ran;
}
