// targets.mjs: the scan suite's list of what to attack: every route of the routing tables that takes a
// parameter (a declared field or a path segment), filled with real ids of throwaway accounts made here,
// written as one Burp-style request log that sqlmap reads with -l. No route with a parameter is left out.
// usage: node tests/scan/targets.mjs OUT_LOG   (env BASE_URL, ROOT, VAR as for tests/http)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_URL, Client, ROOT, csrfOf, newAccount, unique } from '../http/lib/http.mjs';
import { createKey, seedOrder } from '../http/lib/catalog.mjs';
import { brandWithOpenProduct } from '../http/lib/creators.mjs';
import { brandWithForm, lit, sql, submitLead } from '../http/lib/leads.mjs';

const files = (dir) => readdirSync(path.join(ROOT, dir), { recursive: true }).filter((f) => /\.[ch]$/.test(f)).map((f) => path.join(ROOT, dir, f));

// Field names of every `struct field NAME[] = { ... };` in the sources, macros of field rows expanded.
function fieldLists() {
	const text = files('src').map((f) => readFileSync(f, 'utf8')).join('\n');
	const macros = {};
	for (const m of text.matchAll(/#define (\w+) \\\n((?:.*\\\n)*.*)/g))
		macros[m[1]] = m[2];
	const lists = {};
	for (const m of text.matchAll(/struct field (\w+)\[\] = \{([^;]*)\};/g)) {
		const body = m[2].replace(/\b([A-Z][A-Z0-9_]+)\b/g, (w) => macros[w] ?? w);
		lists[m[1]] = [...body.matchAll(/\bF_(?!ONE_OF|END)\w+\("(\w+)"/g)].map((f) => f[1]);
	}
	return lists;
}

// Every row of a routing table: method, path, needs and the names of its fields.
export function routes() {
	const lists = fieldLists();
	const out = [];
	for (const file of ['src/shop/main.c', 'src/studio/main.c', 'src/api/main.c']) {
		const text = readFileSync(path.join(ROOT, file), 'utf8');
		// `[NAME] = { .pat = { HTTP_..., "/path" }, .fn = handler, .needs = ..., .fields = LIST, ... },`;
		// no .needs is none, no .fields is no fields.
		const rows = [...text.matchAll(/^\t\[\w+\] = \{ \.pat = \{ (HTTP_\w+), "([^"]+)" \},([^]*?) \},$/gm)]
			.map((m) => [m[0], m[1], m[2], m[3].match(/\.needs = ([A-Z_| 0]+?),? *(?:\n|\.|$)/)?.[1]?.trim() ?? '0',
				m[3].match(/\.fields = (\w+)/)?.[1]]);
		// A row written some other way would escape the scan silently: refuse instead.
		const written = (text.match(/^\s*\[\w+\] = \{/gm) ?? []).length;
		if (rows.length !== written)
			throw new Error(`${file}: ${written} routing rows, but only ${rows.length} could be read`);
		for (const m of rows) {
			if (m[4] !== undefined && !(m[4] in lists))
				throw new Error(`${file}: field list ${m[4]} not found in the sources`);
			out.push({ method: m[1].replace('HTTP_', ''), path: m[2], needs: m[3], fields: m[4] === undefined ? [] : lists[m[4]], file });
		}
	}
	return out;
}

// Values for fields by name; anything else gets "test". Valid values let a request reach the queries.
function value(name, ctx) {
	const v = {
		variant: ctx.variantId, quantity: 1, product_id: ctx.productId, email: 'scan@example.com', password: 'not-the-password',
		country: 'US', provider: 'test', postal: '97201', number: 'AAAAAAAAAAAAAAAAAAAA', dir: 'up', position: 1,
		role: 'shopper', handle: `s${unique()}`, title: 'Scan', slug: `scan-${unique()}`, label: 'scan', target: 'storefront',
		action: 'publish', decision: 'approve', from: '2026-01-01', to: '2026-12-31', paid: 1, saved: 1, added: 1, status: 'active',
		limit: 5, url: 'https://example.com/hook', format: 'shopify', creator_id: ctx.creatorId, commission_percent: '10',
		via: 'lena', utm_source: 'scan', utm_medium: 'scan', utm_campaign: 'scan', next: '/studio', done: 1,
		v_price: '10.00', v_stock: 5, v_policy: 'deny', marketplace_open: 'yes', approval_required: 'no', type: 'text',
		...ctx.lead,
	}[name];
	return String(v ?? 'test');
}

// Path segment values and the signed-in client for a route.
function bind(route, ctx) {
	const p = route.path;
	const id = p.startsWith('/studio/products') || p.startsWith('/studio/marketplace') ? ctx.productId
		: p.startsWith('/studio/api-keys') ? ctx.spareKeyId
			: p.startsWith('/studio/creator/picks') ? ctx.pickId
				: p.startsWith('/studio/creator/collections') ? ctx.collectionId
					: p.startsWith('/studio/forms') ? ctx.formId
						: p.startsWith('/studio/leads') ? ctx.leadId
							: p.startsWith('/api/v1/variants') ? ctx.variantId
								: p.startsWith('/api/v1/products') ? ctx.productId
									: p.startsWith('/api/v1/orders') ? ctx.orderId
										: p.startsWith('/studio/brand/pick-requests') ? ctx.pickId : 1;
	const seg = {
		id, brand: ctx.brandSlug, product: p.startsWith('/studio') ? ctx.productId : ctx.productHandle,
		handle: ctx.creatorHandle, collection: ctx.collectionSlug, slug: ctx.formSlug, code: ctx.shortCode,
		ref: ctx.checkoutRef, number: ctx.orderNumber, field: ctx.fieldId, provider: 'test',
	};
	// "*" after each segment value is sqlmap's custom injection mark: path segments are parameters too.
	const url = p.replace(/\{(\w+)\}/g, (_, n) => `${encodeURIComponent(seg[n] ?? '1')}*`);
	const who = p.startsWith('/api/') ? 'api'
		: /^\/(login|signup|logout)$/.test(p) ? 'visitor'
			: /^\/studio\/(forms|leads)/.test(p) ? 'formBrand'
				: /NEED_CREATOR/.test(route.needs) || p.startsWith('/studio/videos') ? 'creator'
					: /NEED_BRAND/.test(route.needs) ? 'brand' : 'shopper';
	return { url, who };
}

// A request in Burp's proxy-log format (what sqlmap -l reads).
function entry(method, url, headers, body) {
	const bar = '='.repeat(54);
	const lines = [`${method} ${url} HTTP/1.1`, `Host: ${new URL(BASE_URL).host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
	if (body !== undefined)
		lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
	return `${bar}\n00:00:00  ${BASE_URL}  [127.0.0.1]\n${bar}\n${lines.join('\n')}\n\n${body ?? ''}\n${bar}\n\n\n`;
}

async function fixtures() {
	const ctx = {};
	const b = await brandWithOpenProduct();
	ctx.brand = b.client;
	ctx.productId = b.productId;
	[[ctx.brandSlug, ctx.productHandle, ctx.variantId]] = sql(`SELECT b.slug, p.handle, v.id FROM products p
		JOIN brands b ON b.id = p.brand_id JOIN variants v ON v.product_id = p.id WHERE p.id = ${+b.productId} LIMIT 1`);
	ctx.apiKey = (await createKey(b.client, 'scan')).key;
	const orderId = seedOrder(ctx.brandSlug);
	[[ctx.orderNumber, ctx.checkoutRef]] = sql(`SELECT o.number, c.public_ref FROM orders o JOIN checkouts c ON c.id = o.checkout_id
		WHERE o.id = ${orderId}`);
	ctx.orderId = orderId;
	await createKey(b.client, 'scan spare');
	[[ctx.spareKeyId]] = sql(`SELECT k.id FROM api_keys k JOIN brands br ON br.id = k.brand_id
		WHERE br.slug = ${lit(ctx.brandSlug)} AND k.label = 'scan spare'`);

	const c = new Client();
	const creator = await newAccount(c, 'creator');
	ctx.creator = c;
	ctx.creatorHandle = creator.handle;
	[[ctx.creatorId]] = sql(`SELECT id FROM creators WHERE handle = ${lit(creator.handle)}`);
	await c.submit('/studio/creator/picks', { product_id: b.productId }, { formPath: '/studio/creator/marketplace' });
	[[ctx.pickId]] = sql(`SELECT id FROM picks WHERE creator_id = ${+ctx.creatorId} LIMIT 1`);
	const coll = await c.submit('/studio/creator/collections', { title: 'Scan shelf', description: '' });
	ctx.collectionId = +coll.headers.location.split('/').pop();
	ctx.collectionSlug = 'scan-shelf';
	await c.submit(`/studio/creator/collections/${ctx.collectionId}`, { title: 'Scan shelf', description: '', published: '1' });
	await c.submit(`/studio/creator/collections/${ctx.collectionId}/items`, { product_id: b.productId },
		{ formPath: `/studio/creator/collections/${ctx.collectionId}` });
	await c.submit('/studio/creator/links', { target: 'storefront', label: 'scan' }, { formPath: '/studio/creator/links' });
	[[ctx.shortCode]] = sql(`SELECT code FROM short_links WHERE creator_id = ${+ctx.creatorId} LIMIT 1`);

	const f = await brandWithForm({ fresh: true, fields: [{ type: 'text', label: 'Name' }, { type: 'email', label: 'Email', required: 'yes' }] });
	ctx.formBrand = f.brand;
	ctx.formId = f.id;
	ctx.formSlug = f.slug;
	[[ctx.fieldId]] = sql(`SELECT id FROM lead_form_fields WHERE form_id = ${+f.id} LIMIT 1`);
	ctx.lead = { q1: 'Scan', q2: 'scan@example.com', consent: 'yes', t: '' };
	const sent = await submitLead(f.slug, { q1: 'Scan', q2: 'lead@example.com', consent: 'yes' });
	if (sent.status >= 400)
		throw new Error(`the scan's lead answered ${sent.status}`);
	[[ctx.leadId]] = sql(`SELECT id FROM leads WHERE form_id = ${+f.id} LIMIT 1`);

	ctx.shopper = new Client();
	ctx.visitor = new Client();
	for (const who of ['brand', 'creator', 'formBrand', 'shopper', 'visitor']) {
		const page = await ctx[who].get(who === 'visitor' ? '/login' : who === 'shopper' ? '/orders/lookup' : '/studio/api-keys');
		ctx[`${who}Csrf`] = csrfOf(page.body) ?? csrfOf((await ctx[who].get('/studio/creator/links')).body);
		if (!ctx[`${who}Csrf`])
			throw new Error(`no csrf token for ${who}`);
	}
	return ctx;
}

// The form stamp of a lead form for this session: a fresh GET issues one.
async function stamp(ctx) {
	const page = await ctx.shopper.get(`/f/${ctx.formSlug}`);
	return /<input type="hidden" name="t" value="([^"]*)">/.exec(page.body)?.[1] ?? '';
}

export async function main(out) {
	const ctx = await fixtures();
	ctx.lead.t = await stamp(ctx);
	// An API write's parameters are its JSON body's members.
	const table = routes().filter((r) => r.fields.length || r.path.includes('{') || (r.path.startsWith('/api/') && r.method !== 'GET'));
	const log = [], scanned = [], destructive = [];
	for (const r of table) {
		const key = `${r.method} ${r.path}`;
		const { url, who } = bind(r, ctx);
		const fields = Object.fromEntries(r.fields.map((n) => [n, value(n, ctx)]));
		let req;
		if (who === 'api') {
			const h = { Authorization: `Bearer ${ctx.apiKey}`, Accept: 'application/json' };
			if (r.method === 'GET' || r.method === 'DELETE') {
				const q = new URLSearchParams(fields).toString();
				req = entry(r.method, url + (q ? `?${q}` : ''), h);
			} else {
				const body = JSON.stringify({ title: 'Scan', handle: `scan-${unique()}`, description_html: '<p>x</p>', status: 'draft',
					price: '10.00', currency: 'USD', sku: `SCAN-${unique()}`, stock: 5 });
				req = entry(r.method, url, { ...h, 'Content-Type': 'application/json' }, body);
			}
		} else {
			const client = ctx[who];
			const h = { Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
			if (r.method === 'GET') {
				const q = new URLSearchParams(fields).toString();
				req = entry('GET', url + (q ? `?${q}` : ''), h);
			} else if (r.needs.includes('NEED_MULTIPART')) {
				const B = `scan${unique()}`;
				const body = [`--${B}`, 'Content-Disposition: form-data; name="csrf"', '', ctx[`${who}Csrf`],
					...r.fields.flatMap((n) => [`--${B}`, `Content-Disposition: form-data; name="${n}"`, '', value(n, ctx)]),
					`--${B}`, 'Content-Disposition: form-data; name="file"; filename="scan.csv"', 'Content-Type: text/csv', '',
					'Handle,Title\nscan,Scan', `--${B}--`, ''].join('\r\n');
				req = entry('POST', url, { ...h, 'Content-Type': `multipart/form-data; boundary=${B}` }, body);
			} else {
				const body = new URLSearchParams({ csrf: ctx[`${who}Csrf`], ...fields }).toString();
				req = entry(r.method, url, { ...h, 'Content-Type': 'application/x-www-form-urlencoded' }, body);
			}
		}
		// What removes the fixtures runs last, so the other targets still find them.
		(/remove|delete|revoke/.test(r.path) || r.method === 'DELETE' ? destructive : log).push(req);
		scanned.push(key);
	}
	writeFileSync(out, [...log, ...destructive].join(''));
	console.log(`targets: all ${scanned.length} routes with a parameter, written to ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname))
	await main(process.argv[2] ?? 'targets.log');
