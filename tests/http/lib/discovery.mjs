// discovery.mjs: helpers for the search, category and brand page suites: a page's <main> and its
// product cards, a word no demo product has, and a published product made in the studio.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Client } from './http.mjs';
import { postProduct, productForm } from './catalog.mjs';

export async function get(path, status = 200) {
	const res = await new Client().get(path);
	assert.equal(res.status, status, `GET ${path}`);
	return res;
}

// The <main> element only, so the layout's header search box cannot satisfy an assertion.
export function main(html) {
	const m = /<main id="main">([\s\S]*)<\/main>/.exec(html);
	assert.ok(m, 'the page has a <main id="main">');
	return m[1];
}

// The product cards of a page as { url, title, price } (price as a number of dollars).
export function cards(html) {
	return [...html.matchAll(/<article class="card">([\s\S]*?)<\/article>/g)].map(([, c]) => ({
		url: /<a class="card-link" href="([^"]*)"/.exec(c)?.[1],
		title: /<h3 class="card-title">([^<]*)<\/h3>/.exec(c)?.[1],
		price: Number(/<p class="price">[^0-9]*([0-9.,]+)/.exec(c)?.[1].replace(/,/g, '')),
	}));
}

export const titles = (html) => cards(main(html)).map((c) => c.title);

// Letters only, so the search tokeniser keeps it whole, and unlike any word of the demo.
export function strangeWord() {
	return `zq${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

// Creates a product in the brand's studio (a draft) and returns its id; `act` publishes,
// unpublishes or archives it.
export async function studioProduct(client, { title, description = '', product_type = '', price = '25' }) {
	const form = productForm({
		title, description, product_type, vendor: '', tags: '', options: [],
		variants: [{ option1: '', sku: '', price, stock: '5' }], images: [],
	});
	const res = await postProduct(client, '/studio/products', form);
	assert.equal(res.status, 303, res.body);
	const id = /^\/studio\/products\/(\d+)\?saved=1$/.exec(res.headers.location)?.[1];
	assert.ok(id, res.headers.location);
	const act = async (action) => {
		const r = await client.submit(`/studio/products/${id}/status`, { action }, { formPath: `/studio/products/${id}` });
		assert.equal(r.status, 303);
	};
	return { id, act };
}
