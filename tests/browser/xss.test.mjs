// xss.test.mjs: 500+ XSS payloads written through a creator's profile form (bio, display name, link
// labels), then the storefront that shows them opened in Chromium with dialog, console and page-error
// hooks: not one payload may run; the same for a collection's title and description. (First part of issue 9's
// corpus: notes, product text, questions and lead answers are still to come.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { BASE_URL, Client, csrfOf, newAccount } from '../http/lib/http.mjs';

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
];
// What comes before a vector: breaking out of text, attributes, elements, comments and scripts.
const PREFIXES = ['', '">', "'>", '</textarea>', '</title>', '-->', '</script>', '`', '</p>'];
const PAYLOADS = PREFIXES.flatMap((p) => VECTORS.map((v) => p + v));

const bytes = (s) => Buffer.byteLength(s);

// The payloads in form-sized rounds. slots: { name: max bytes } for one payload each, and `text`
// (max bytes) for as many as fit, one a line.
function rounds(payloads, slots, text) {
	const out = [];
	const rest = [...payloads];
	while (rest.length) {
		const r = { text: [], slots: {} };
		for (let i = 0; i < rest.length;) {
			const p = rest[i];
			const slot = Object.keys(slots).find((k) => !(k in r.slots) && bytes(p) <= slots[k]);
			if (slot)
				r.slots[slot] = p;
			else if (bytes([...r.text, p].join('\n')) <= text)
				r.text.push(p);
			else {
				i++;
				continue;
			}
			rest.splice(i, 1);
		}
		r.all = [...r.text, ...Object.values(r.slots)];
		out.push(r);
	}
	return out;
}

let browser;
before(async () => {
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
});
after(async () => {
	await browser?.close();
});

// A page with hooks that catch any payload running: xss() calls, dialogs, page errors, CSP refusals.
async function hookedPage() {
	const context = await browser.newContext({ baseURL: BASE_URL });
	const page = await context.newPage();
	const ran = [];
	await page.exposeFunction('__xssRan', (where) => ran.push(where));
	// xss() is what every payload calls; defined before any page script, outside the page's CSP.
	await page.addInitScript(() => {
		window.xss = () => window.__xssRan(location.pathname);
	});
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
	return { context, page, ran };
}

// Saves every round with save(round), then opens path until the round's payloads show as text
// (public pages are cached per worker for a second); returns what ran.
async function writeAndView(rs, save, path) {
	const { context, page, ran } = await hookedPage();
	let shown = 0;
	try {
		for (const r of rs) {
			await save(r);
			let text = '';
			for (let tries = 0; tries < 30 && !r.all.every((p) => text.includes(p)); tries++) {
				if (tries)
					await page.waitForTimeout(100);
				await page.goto(path, { waitUntil: 'load' });
				await page.waitForTimeout(50);	// autofocus and load handlers run after load
				text = await page.evaluate(() => document.documentElement.textContent);
			}
			// Every payload shows as text, so nothing was dropped on the way (that would hide a bypass).
			for (const p of r.all)
				assert.ok(text.includes(p), `payload shown as text: ${p}`);
			shown += r.all.length;
		}
	} finally {
		await context.close();
	}
	assert.equal(shown, PAYLOADS.length);
	return ran;
}

test(`${PAYLOADS.length} XSS payloads in a creator's bio, name and link labels never run on the storefront`, async () => {
	assert.ok(PAYLOADS.length >= 500);
	const c = new Client();
	const creator = await newAccount(c, 'creator');
	const slots = { display_name: 70, link_label_1: 40, link_label_2: 40, link_label_3: 40, link_label_4: 40, link_label_5: 40 };
	const ran = await writeAndView(rounds(PAYLOADS, slots, 1990), async (r) => {
		const form = await c.get('/studio/creator/profile');
		assert.equal(form.status, 200);
		const fields = { csrf: csrfOf(form.body), display_name: 'x', bio: r.text.join('\n'), avatar_url: '', ...r.slots };
		for (let i = 1; i <= 5; i++)
			if (fields[`link_label_${i}`])
				fields[`link_url_${i}`] = `https://example.com/${i}`;
		const saved = await c.post('/studio/creator/profile', fields);
		assert.equal(saved.status, 303, `profile save answered ${saved.status}: ${saved.body.slice(0, 300)}`);
	}, `/@${creator.handle}`);
	assert.deepEqual(ran, [], 'no payload ran');
});

test(`${PAYLOADS.length} XSS payloads in a collection's title and description never run on its public page`, async () => {
	const c = new Client();
	const creator = await newAccount(c, 'creator');
	const created = await c.submit('/studio/creator/collections', { title: 'XSS shelf', description: '' });
	assert.equal(created.status, 303);
	const edit = created.headers.location;
	const ran = await writeAndView(rounds(PAYLOADS, { title: 110 }, 1990), async (r) => {
		const saved = await c.submit(edit, { title: r.slots.title ?? 'XSS shelf', description: r.text.join('\n'), published: '1' });
		assert.equal(saved.status, 303, `collection save answered ${saved.status}: ${saved.body.slice(0, 300)}`);
	}, `/@${creator.handle}/xss-shelf`);
	assert.deepEqual(ran, [], 'no payload ran');
});
