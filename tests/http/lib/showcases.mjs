// showcases.mjs: fixtures for the dynamic-showcase suites: a brand account with products written
// straight into MariaDB (tags, type, price, stock of the test's choosing), the studio's showcase
// form (save or preview), and the card titles of one carousel on a page.
import { Client, newAccount, unique } from './http.mjs';
import { lit, sql } from './fulfilment.mjs';

export { sql, lit, unique };

// A new brand account signed in on its own client: { client, account, id, slug }.
export async function showcaseBrand() {
	const client = new Client();
	const account = await newAccount(client, 'brand');
	const [[id, slug]] = sql(`SELECT b.id, b.slug FROM brands b JOIN users u ON u.id = b.owner_user_id
		WHERE u.email = ${lit(account.email)}`);
	return { client, account, id: Number(id), slug };
}

// An active product of brand b (one variant): { productId, variantId, handle, title, slug, url }.
export function product(b, { tags = '', type = '', price = 1000, stock = 10, currency = 'USD', title } = {}) {
	const handle = `sc-${unique()}`;
	const name = title ?? `Showcase test ${handle}`;
	const [[productId, variantId]] = sql(`
		INSERT INTO products (brand_id, handle, title, description_html, product_type, tags, status, price_min, currency, stock_total)
		  VALUES (${b.id}, ${lit(handle)}, ${lit(name)}, '', ${lit(type)}, ${lit(tags)}, 'active', ${price}, ${lit(currency)}, ${stock});
		SET @p = LAST_INSERT_ID();
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock)
		  VALUES (@p, 1, ${lit(`SKU-${handle}`)}, 'One', ${price}, ${lit(currency)}, ${stock});
		SELECT @p, LAST_INSERT_ID();`);
	return { productId: Number(productId), variantId: Number(variantId), handle, title: name, slug: b.slug,
		url: `/p/${b.slug}/${handle}`, id: b.id, price };
}

// The form's fields with defaults; `fields` overrides them.
export function showcaseFields(fields = {}) {
	return {
		title: `Showcase ${unique()}`, brand_id: '', tags: '', type: '', price_min: '', price_max: '', currency: '',
		best_sellers_days: '', sort: 'featured', limit: '12', slot: '', action: 'save', ...fields,
	};
}

// Posts the studio form (new, or an existing showcase's); returns { res, id } (id of a new one, by title).
export async function saveShowcase(client, fields = {}, id = null) {
	const f = showcaseFields(fields);
	const path = id ? `/studio/showcases/${id}` : '/studio/showcases';
	const res = await client.submit(path, f, { formPath: id ? path : '/studio/showcases/new' });
	let newId = id;
	if (!id && res.status === 303)
		newId = Number(sql(`SELECT id FROM showcases WHERE title = ${lit(f.title)} ORDER BY id DESC LIMIT 1`)[0][0]);
	return { res, id: newId, title: f.title };
}

// Previews the form without saving; returns the response and the preview's card titles.
export async function preview(client, fields = {}) {
	const res = await client.submit('/studio/showcases', showcaseFields({ ...fields, action: 'preview' }),
		{ formPath: '/studio/showcases/new' });
	const at = res.body.indexOf('class="showcase-preview"');
	return { res, titles: at < 0 ? [] : cardTitles(res.body.slice(at)) };
}

// Card titles of every card in html, in order.
export function cardTitles(html) {
	return [...html.matchAll(/<h3 class="card-title">([^<]*)<\/h3>/g)].map((m) => m[1]);
}

// The carousel on a page whose heading is `title`: { titles, hrefs }, or null when absent.
export function carousel(html, title) {
	const sections = html.split('<section class="showcase"').slice(1).map((s) => s.slice(0, s.indexOf('</section>')));
	const esc = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	const mine = sections.find((s) => s.includes(`-h">${esc}</h2>`));
	if (!mine)
		return null;
	return { titles: cardTitles(mine), hrefs: [...mine.matchAll(/class="card-link" href="([^"]*)"/g)].map((m) => m[1]) };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
