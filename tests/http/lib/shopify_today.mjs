// shopify_today.mjs: rewrites one of Shopify's classic product exports with the header Shopify's
// admin writes today ("URL handle", "Price", "Product image URL"...), in today's column order,
// keeping every value, so a test can prove both headers import to the same catalog.

// Today's columns, in the order of Shopify's current product template.
export const TODAY_COLUMNS = [
	'Title', 'URL handle', 'Description', 'Vendor', 'Product category', 'Type', 'Tags', 'Published on online store',
	'Status', 'SKU', 'Barcode', 'Option1 name', 'Option1 value', 'Option1 Linked To', 'Option2 name', 'Option2 value',
	'Option2 Linked To', 'Option3 name', 'Option3 value', 'Option3 Linked To', 'Price', 'Compare-at price',
	'Cost per item', 'Charge tax', 'Tax code', 'Unit price total measure', 'Unit price total measure unit',
	'Unit price base measure', 'Unit price base measure unit', 'Inventory tracker', 'Inventory quantity',
	'Continue selling when out of stock', 'Weight value (grams)', 'Weight unit for display', 'Requires shipping',
	'Fulfillment service', 'Product image URL', 'Image position', 'Image alt text', 'Variant image URL', 'Gift card',
	'SEO title', 'SEO description', 'Google Shopping / Google product category', 'Google Shopping / Gender',
	'Google Shopping / Age group', 'Google Shopping / Manufacturer part number (MPN)', 'Google Shopping / Ad group name',
	'Google Shopping / Ads labels', 'Google Shopping / Condition', 'Google Shopping / Custom product',
	'Google Shopping / Custom label 0', 'Google Shopping / Custom label 1', 'Google Shopping / Custom label 2',
	'Google Shopping / Custom label 3', 'Google Shopping / Custom label 4',
];

// Today's name for each classic column that has one.
const RENAMED = {
	'Handle': 'URL handle', 'Title': 'Title', 'Body (HTML)': 'Description', 'Vendor': 'Vendor', 'Type': 'Type',
	'Tags': 'Tags', 'Published': 'Published on online store', 'Variant SKU': 'SKU', 'Variant Barcode': 'Barcode',
	'Option1 Name': 'Option1 name', 'Option1 Value': 'Option1 value', 'Option2 Name': 'Option2 name',
	'Option2 Value': 'Option2 value', 'Option3 Name': 'Option3 name', 'Option3 Value': 'Option3 value',
	'Variant Price': 'Price', 'Variant Compare At Price': 'Compare-at price', 'Variant Taxable': 'Charge tax',
	'Variant Tax Code': 'Tax code', 'Variant Inventory Tracker': 'Inventory tracker',
	'Variant Inventory Qty': 'Inventory quantity', 'Variant Inventory Policy': 'Continue selling when out of stock',
	'Variant Grams': 'Weight value (grams)', 'Variant Weight Unit': 'Weight unit for display',
	'Variant Requires Shipping': 'Requires shipping', 'Variant Fulfillment Service': 'Fulfillment service',
	'Image Src': 'Product image URL', 'Image Position': 'Image position', 'Image Alt Text': 'Image alt text',
	'Variant Image': 'Variant image URL', 'Gift Card': 'Gift card', 'SEO Title': 'SEO title',
	'SEO Description': 'SEO description',
};

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
export function parseCsv(text) {
	const rows = [];
	let row = [], field = '', quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') { row.push(field); field = ''; }
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field); rows.push(row); row = []; field = '';
		} else field += c;
	}
	if (field !== '' || row.length) { row.push(field); rows.push(row); }
	return rows;
}

export function writeCsv(rows) {
	const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

// The classic export `text` as today's export. Today's file always has a Status column: it is
// written on each product's first row from Published (true: Active, false: Draft), and the
// booleans and the inventory policy are upper-case, as Shopify writes them now.
export function toToday(text) {
	const [head, ...rows] = parseCsv(text);
	const from = new Map(head.map((h, i) => [RENAMED[h.trim()], i]));
	const at = (r, name) => (from.has(name) ? r[from.get(name)] ?? '' : '');
	const out = [TODAY_COLUMNS];
	let last = null;
	for (const r of rows) {
		const handle = at(r, 'URL handle');
		const first = handle !== last;
		last = handle;
		out.push(TODAY_COLUMNS.map((name) => {
			const v = at(r, name);
			if (name === 'Status') {
				const pub = at(r, 'Published on online store').toLowerCase();
				return first && pub ? (pub === 'true' ? 'Active' : 'Draft') : '';
			}
			if (['Published on online store', 'Charge tax', 'Requires shipping', 'Gift card',
				'Continue selling when out of stock'].includes(name))
				return v.toUpperCase();
			return v;
		}));
	}
	return writeCsv(out);
}
