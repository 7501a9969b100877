// order_reference_studio.test.mjs: the reference people read out (CC-7KQ4-M2XP) is what the
// studio's order list and order page show and what the mails say: the shopper's confirmation, the
// brand's new-order notice, the creator's sale and the shipping mail, through the SMTP simulator.
// An old order without one keeps showing its number; links keep the number.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client, uniqueEmail } from './lib/http.mjs';
import { usesDatabase } from './lib/dblock.mjs';
import { address, csrf, lit, orderRef, reviewed, sql } from './lib/commerce.mjs';
import { formState, newBrand } from './lib/fulfilment.mjs';
import { checkoutOrders } from './lib/paid.mjs';
import { confWith, ctl, parseMessage, parts } from './lib/mail.mjs';
import { startSmtp } from '../sim/smtp/server.mjs';

usesDatabase();

let smtp;
before(async () => {
	smtp = await startSmtp({ port: 0 });
});
after(() => smtp.close());

const REF = /^CC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function mailed(t, to) {
	const conf = confWith(t, `mail_transport = smtp\nsmtp_url = smtp://127.0.0.1:${smtp.port}\nsmtp_starttls = off\nsmtp_timeout = 20`);
	const run = await ctl(conf, 'send-mail', '--to', to);
	assert.equal(run.code, 0, run.stderr);
	return smtp.to(to).map((m) => {
		const msg = parseMessage(m.text);
		return { subject: msg.header('subject'), text: parts(msg)[0].text };
	});
}

test('a new order is known by its reference in the studio and in every mail about it', async (t) => {
	const b = await newBrand();
	const email = uniqueEmail('ref');
	const shopper = new Client();
	const placed = await shopper.post('/checkout/place', (await reviewed(shopper, [[b.variantId, 1]], address(email))).fields);
	assert.equal(placed.status, 303);
	const [number] = checkoutOrders(placed.headers.location);
	const ref = orderRef(number);
	assert.match(ref, REF);

	// the studio's list: the reference is the link's text, the number its address and the line below
	const list = (await b.client.get('/studio/orders')).body;
	assert.match(list, new RegExp(`<td class="stack-title"><a href="/studio/orders/${number}" class="order-ref">${ref}</a>` +
		`( <span class="badge test-badge">Test</span>)?<br><span class="muted order-number">${number}</span></td>`));
	const page = (await b.client.get(`/studio/orders/${number}`)).body;
	assert.match(page, new RegExp(`<h1 class="page-title">Order <span class="order-ref">${ref}</span>`));
	assert.match(page, new RegExp(`<p class="muted">Order number ${number}</p>`));
	assert.match(page, new RegExp(`<title>Order ${ref}`));

	// the brand's notice: the reference in the words, the number in the link to the studio
	const [brandMail] = (await mailed(t, b.account.email)).filter((m) => m.subject.startsWith('New order'));
	assert.ok(brandMail, 'the brand owner was told of the order');
	assert.match(brandMail.subject, new RegExp(`^New order ${ref}: \\$`));
	assert.ok(brandMail.text.includes(`Order ${ref} is paid`), brandMail.text);
	assert.ok(brandMail.text.includes(`/studio/orders/${number}`), brandMail.text);

	// the shopper's confirmation, then the shipping mail
	const [confirmation] = await mailed(t, email);
	assert.equal(confirmation.subject, 'Your crowdcart order');
	assert.ok(confirmation.text.includes(`Order ${ref} from `), confirmation.text);
	assert.ok(!confirmation.text.includes(number), 'the 20-digit number is not what the shopper is given');
	const s = await formState(b.client, number);
	const ship = await b.client.post(`/studio/orders/${number}/transition`,
		{ csrf: s.csrf, version: s.version, action: 'ship', carrier: 'ups', tracking_number: '1Z 999-AA1 0123456784' });
	assert.equal(ship.status, 303);
	const shipped = (await mailed(t, email)).find((m) => m.subject.startsWith('Your order has shipped'));
	assert.ok(shipped, 'the shipping mail went out');
	assert.equal(shipped.subject, `Your order has shipped (order ${ref})`);
	assert.ok(shipped.text.includes(`Order number: ${ref}`), shipped.text);
	// and the shopper's lookup takes what the mail says
	const look = new Client();
	const found = await look.post('/orders/lookup', { csrf: await csrf(look), number: ref.toLowerCase(), email });
	assert.equal(found.status, 200);
	assert.ok(found.body.includes(ref));
});

test('an order placed before references keeps showing its number in the studio', async () => {
	const b = await newBrand();
	const shopper = new Client();
	const placed = await shopper.post('/checkout/place',
		(await reviewed(shopper, [[b.variantId, 1]], address(uniqueEmail('old')))).fields);
	const [number] = checkoutOrders(placed.headers.location);
	sql(`UPDATE orders SET reference = NULL WHERE number = ${lit(number)}`);
	const list = (await b.client.get('/studio/orders')).body;
	assert.match(list, new RegExp(`<a href="/studio/orders/${number}" class="order-ref">${number}</a>`));
	assert.doesNotMatch(list, new RegExp(`<span class="muted order-number">${number}</span>`));
	const page = (await b.client.get(`/studio/orders/${number}`)).body;
	assert.match(page, new RegExp(`<h1 class="page-title">Order <span class="order-ref">${number}</span>`));
	assert.doesNotMatch(page, /<p class="muted">Order number /);
});
