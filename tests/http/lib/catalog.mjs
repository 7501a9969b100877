// catalog.mjs: helpers for the brand-studio and Shopping API suites: a signed-in brand, its API
// key made in the studio, JSON calls to the API, and the product editor's form fields.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client, newAccount, BASE_URL, ROOT, VAR } from './http.mjs';

export const API_URL = (process.env.API_URL ?? BASE_URL).replace(/\/+$/, '');

// A new brand account, signed in, with the client and the brand's slug.
export async function newBrand() {
	const client = new Client();
	const account = await newAccount(client, 'brand');
	const slug = account.brand_name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return { client, account, slug };
}

// Creates an API key in the studio and returns it as shown (once) on the page.
export async function createKey(client, label = 'test key') {
	const res = await client.submit('/studio/api-keys', { label });
	if (res.status !== 201)
		throw new Error(`creating a key answered ${res.status}`);
	const key = /<code class="api-key">([^<]+)<\/code>/.exec(res.body)?.[1];
	if (!key)
		throw new Error('no key on the page');
	return { key, page: res.body };
}

export async function brandWithKey() {
	const b = await newBrand();
	b.key = (await createKey(b.client)).key;
	return b;
}

// One API call: JSON body in, parsed JSON (or null) out.
export async function api(method, path, { key, body, headers = {}, raw } = {}) {
	const h = { ...headers };
	if (key)
		h.authorization = `Bearer ${key}`;
	let payload = raw;
	if (body !== undefined) {
		payload = JSON.stringify(body);
		h['content-type'] ??= 'application/json';
	}
	const res = await fetch(`${API_URL}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
	const text = await res.text();
	let json = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		json = null;
	}
	return { status: res.status, headers: res.headers, text, json };
}

// The editor's fields for a product: one variant row per entry of `variants`, one image row per image.
export function productForm({ title, description = '', product_type = '', vendor = '', tags = '', options = [], variants = [], images = [] }) {
	const p = new URLSearchParams();
	p.append('title', title);
	p.append('description', description);
	p.append('product_type', product_type);
	p.append('vendor', vendor);
	p.append('tags', tags);
	for (let k = 0; k < 3; k++)
		p.append(`option${k + 1}_name`, options[k] ?? '');
	for (const v of variants) {
		p.append('v_id', v.id ?? '');
		p.append('v_opt1', v.option1 ?? '');
		p.append('v_opt2', v.option2 ?? '');
		p.append('v_opt3', v.option3 ?? '');
		p.append('v_sku', v.sku ?? '');
		p.append('v_barcode', v.barcode ?? '');
		p.append('v_price', v.price ?? '');
		p.append('v_compare', v.compare ?? '');
		p.append('v_stock', v.stock ?? '');
		p.append('v_policy', v.policy ?? 'deny');
	}
	for (const im of images) {
		p.append('i_url', im.url);
		p.append('i_alt', im.alt ?? '');
	}
	return p;
}

// Posts the editor form with the csrf of the given page.
export async function postProduct(client, path, form, formPath = '/studio/products/new') {
	const csrf = await client.csrf(formPath);
	form.set('csrf', csrf);
	return client.post(path, form.toString());
}

// The <main> element of a page.
export function main(html) {
	return /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

// Runs SQL as the database's root through scripts/db.sh (tests that need rows no page makes yet).
export function sql(text) {
	return execFileSync(path.join(ROOT, 'scripts/db.sh'), ['client', '--batch', '--skip-column-names'],
		{ input: text, env: { ...process.env, VAR }, encoding: 'utf8', maxBuffer: 1 << 28 });	// every product of a full run's database
}

// An order of `brandSlug` with one line per item ({ title, sku, unit, qty }), placed through SQL
// because orders come from the checkout; returns its id.
export function seedOrder(brandSlug, { status = 'paid', items = [{ title: 'Seeded mug', sku: 'SEED-1', unit: 1250, qty: 2 }] } = {}) {
	const ref = randomBytes(13).toString('hex').slice(0, 26);
	const number = randomBytes(10).toString('hex').slice(0, 20).toUpperCase();
	const subtotal = items.reduce((s, i) => s + i.unit * i.qty, 0);
	const lines = items.map((i) => `(@o, '${i.title}', '${i.sku}', ${i.unit}, ${i.qty}, ${i.unit * i.qty})`).join(', ');
	const out = sql(`
		INSERT INTO checkouts (public_ref, idem_hash, email, payment_provider, created_at)
		  VALUES ('${ref}', UNHEX(SHA2('${ref}', 256)), 'buyer@test.crowdcart.test', 'test', UTC_TIMESTAMP());
		SET @c = LAST_INSERT_ID();
		INSERT INTO orders (number, checkout_id, brand_id, status, email, ship_name, ship_line1, ship_city, ship_postal,
		  ship_country, currency, subtotal, shipping, tax, total, payment_provider, created_at, updated_at)
		  SELECT '${number}', @c, id, '${status}', 'buyer@test.crowdcart.test', 'Bo Buyer', '1 Test Street', 'Testville',
		  '12345', 'US', currency, ${subtotal}, 500, 0, ${subtotal + 500}, 'test', UTC_TIMESTAMP(), UTC_TIMESTAMP()
		  FROM brands WHERE slug = '${brandSlug}';
		SET @o = LAST_INSERT_ID();
		INSERT INTO order_lines (order_id, title, sku, unit_price, quantity, line_total) VALUES ${lines};
		SELECT @o;`);
	return Number(out.trim().split('\n').pop());
}
