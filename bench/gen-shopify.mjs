// gen-shopify.mjs: writes a Shopify product CSV of N products x 3 variants (Size S/M/L, one
// image each) and, for the LOAD DATA ceiling, the same catalog as tab-separated rows of the
// products, variants, product_images and product_options tables.
// Usage: node bench/gen-shopify.mjs N OUTDIR   (writes shopify.csv, ld_*.tsv)
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const n = Number(process.argv[2] ?? 100000);
const dir = process.argv[3] ?? '.';
const open = (name) => createWriteStream(`${dir}/${name}`);
const files = { csv: open('shopify.csv'), p: open('ld_products.tsv'), v: open('ld_variants.tsv'),
	i: open('ld_images.tsv'), o: open('ld_options.tsv') };

// Streams respect back-pressure so the generator itself stays small.
async function put(stream, s) {
	if (!stream.write(s))
		await once(stream, 'drain');
}

await put(files.csv, 'Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,' +
	'Variant SKU,Variant Inventory Qty,Variant Inventory Policy,Variant Price,Variant Compare At Price,' +
	'Image Src,Image Position,Image Alt Text\n');
const sizes = ['S', 'M', 'L'];
for (let k = 1; k <= n; k++) {
	const handle = `bench-product-${k}`, title = `Bench Product ${k}`;
	const body = `<p>Generated product ${k}, <strong>soft</strong> and sturdy.</p>`;
	const img = `https://cdn.example.com/bench/${k}.jpg`;
	let rows = '', vrows = '';
	for (let s = 0; s < 3; s++) {
		const price = ((k % 9000) + 100 + s * 50) / 100;
		const cents = Math.round(price * 100);
		const stock = (k + s) % 40;
		rows += s === 0
			? `${handle},${title},"${body}",Bench Co,Shirts,"bench, generated",true,Size,${sizes[s]},BP-${k}-${sizes[s]},${stock},deny,${price.toFixed(2)},,${img},1,${title}\n`
			: `${handle},,,,,,,,${sizes[s]},BP-${k}-${sizes[s]},${stock},deny,${price.toFixed(2)},,,,\n`;
		vrows += `${k}\t${s + 1}\tBP-${k}-${sizes[s]}\t${sizes[s]}\t${cents}\tUSD\t${stock}\tdeny\n`;
	}
	await put(files.csv, rows);
	const min = Math.round(((k % 9000) + 100) / 100 * 100);
	await put(files.p, `${k}\t1\t${handle}\t${title}\t${body}\tShirts\tBench Co\tbench, generated\tactive\t${min}\tUSD\t${(k % 40) + ((k + 1) % 40) + ((k + 2) % 40)}\n`);
	await put(files.v, vrows);
	await put(files.i, `${k}\t1\t${img}\t${title}\n`);
	await put(files.o, `${k}\t1\tSize\n`);
}
for (const f of Object.values(files)) {
	f.end();
	await once(f, 'finish');
}
