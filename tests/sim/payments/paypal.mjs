// paypal.mjs: PayPal's REST API as published (paypal-rest-api-specifications): the OAuth2
// client-credentials token, Orders v2 (create, get, capture), Payments v2 (get capture, refund),
// webhook signature verification, the buyer's approval page as plain HTML, and webhook events
// sent with the PAYPAL-TRANSMISSION-* headers. Transmissions are signed SHA256withRSA over
// "<transmission id>|<time>|<webhook id>|<crc32 of the body>" with a key of the simulator's own,
// so only POST /v1/notifications/verify-webhook-signature can say whether a notice is genuine.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyApiEffect, basicAuth, bearer, fingerprint, filterMatch, hostedPage, isApiEffect, randomId, redirect, send } from './http.mjs';
import { formatDecimal, PAYPAL_CURRENCIES, paypalExponent } from './money.mjs';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const paypalId = () => randomId('', 17, UPPER);
// The event types a crowdcart webhook subscribes to (docs/PAYMENTS.md); others are not sent.
const SUBSCRIBED = new Set(['CHECKOUT.ORDER.APPROVED', 'PAYMENT.CAPTURE.COMPLETED', 'PAYMENT.CAPTURE.DENIED', 'PAYMENT.CAPTURE.PENDING']);
const MONEY_FIELDS = ['item_total', 'shipping', 'handling', 'tax_total', 'insurance', 'shipping_discount', 'discount'];

class PayPalError extends Error {
	constructor(status, body) {
		super(body.message);
		this.status = status;
		this.body = body;
	}
}

function errorOf(status, name, message, details = []) {
	const body = { name, message, debug_id: randomId('', 13, '0123456789abcdef'), details };
	if (details[0]?.issue)
		body.links = [{ href: `https://developer.paypal.com/docs/api/orders/v2/#error-${details[0].issue}`, rel: 'information_link', method: 'GET' }];
	return new PayPalError(status, body);
}
const invalidRequest = (field, issue, description) => errorOf(400, 'INVALID_REQUEST',
	'Request is not well-formed, syntactically incorrect, or violates schema.', [{ field, location: 'body', issue, description }]);
const unprocessable = (field, issue, description, value) => errorOf(422, 'UNPROCESSABLE_ENTITY',
	'The requested action could not be performed, semantically incorrect, or failed business validation.',
	[{ field, ...(value !== undefined ? { value } : {}), location: 'body', issue, description }]);
const notFound = (field, what) => errorOf(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.',
	[{ field, value: what, location: 'path', issue: 'INVALID_RESOURCE_ID', description: 'Specified resource ID does not exist. Please check the resource ID and try again.' }]);

export function createPayPal(ctx) {
	const cfg = ctx.config.paypal;
	const tokens = new Map(); // access token -> expiry (ms)
	const orders = new Map(); // id -> { order, tags }
	const captures = new Map(); // capture id -> { capture, orderId, unit, refunded }
	const refunds = new Map();
	const events = [];
	const transmissions = new Map(); // transmission id -> { body, time, sig }
	const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
	const certId = 'CERT-360caa42-sim-' + randomId('', 8, '0123456789abcdef');
	const certUrl = () => `${ctx.base}/v1/notifications/certs/${certId}`;

	const tagsOf = o => ({
		id: [o.id, ...o.purchase_units.flatMap(u => (u.payments?.captures ?? []).map(c => c.id))],
		reference: o.purchase_units.flatMap(u => [u.reference_id, u.custom_id, u.invoice_id]).filter(Boolean),
		email: o.payment_source?.paypal?.email_address ?? o.payer?.email_address,
	});

	function money(m, field, currency) {
		if (!m || typeof m !== 'object')
			throw invalidRequest(field, 'MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.');
		if (!m.currency_code)
			throw invalidRequest(`${field}/currency_code`, 'MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.');
		if (!PAYPAL_CURRENCIES.has(m.currency_code))
			throw unprocessable(`${field}/currency_code`, 'CURRENCY_NOT_SUPPORTED', 'Currency code is not currently supported.', m.currency_code);
		if (currency && m.currency_code !== currency)
			throw unprocessable(`${field}/currency_code`, 'CURRENCY_MISMATCH', 'Currency code should be the same for all amounts in the request.', m.currency_code);
		if (typeof m.value !== 'string' || !/^\d{1,10}(\.\d+)?$/.test(m.value))
			throw invalidRequest(`${field}/value`, 'INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.');
		const exp = paypalExponent(m.currency_code);
		const decimals = m.value.split('.')[1]?.length ?? 0;
		if (exp === 0 && decimals)
			throw unprocessable(`${field}/value`, 'DECIMALS_NOT_SUPPORTED', 'Currency does not support decimals.', m.value);
		if (decimals > exp)
			throw unprocessable(`${field}/value`, 'DECIMAL_PRECISION', 'If the currency supports decimals, only two decimal place precision is supported.', m.value);
		const [whole, frac = ''] = m.value.split('.');
		return Number(whole) * 10 ** exp + Number(frac.padEnd(exp, '0') || 0);
	}

	function createOrder(b) {
		if (!b.intent)
			throw invalidRequest('/intent', 'MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.');
		if (!['CAPTURE', 'AUTHORIZE'].includes(b.intent))
			throw invalidRequest('/intent', 'INVALID_PARAMETER_VALUE', 'The value of a field is invalid.');
		if (b.intent !== 'CAPTURE')
			throw unprocessable('/intent', 'INTENT_NOT_SUPPORTED', 'The simulator implements intent CAPTURE only.', b.intent);
		const units = b.purchase_units;
		if (!Array.isArray(units) || !units.length)
			throw invalidRequest('/purchase_units', 'MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.');
		if (units.length > 10)
			throw invalidRequest('/purchase_units', 'INVALID_ARRAY_MAX_ITEMS', 'The number of items in an array parameter is too large.');
		const seen = new Set();
		let currency;
		const out = units.map((u, i) => {
			if (units.length > 1 && !u.reference_id)
				throw unprocessable(`/purchase_units/${i}/reference_id`, 'REFERENCE_ID_REQUIRED', 'Reference ID is required if there are multiple purchase units.');
			const ref = u.reference_id ?? 'default';
			if (ref.length > 256)
				throw invalidRequest(`/purchase_units/${i}/reference_id`, 'INVALID_STRING_MAX_LENGTH', 'The value of a field is too long.');
			if (seen.has(ref))
				throw unprocessable('/purchase_units', 'DUPLICATE_REFERENCE_ID', 'reference_id must be unique if multiple purchase_unit are provided.', ref);
			seen.add(ref);
			const at = `/purchase_units/@reference_id=='${ref}'/amount`;
			const total = money(u.amount, at, currency);
			currency ??= u.amount.currency_code;
			const bd = u.amount.breakdown;
			const parts = {};
			if (bd)
				for (const k of MONEY_FIELDS)
					if (bd[k] !== undefined)
						parts[k] = money(bd[k], `${at}/breakdown/${k}`, currency);
			const items = u.items ?? [];
			let itemSum = 0, itemTax = 0, itemsHaveTax = false;
			items.forEach((it, j) => {
				const f = `/purchase_units/@reference_id=='${ref}'/items/${j}`;
				if (!it.name)
					throw invalidRequest(`${f}/name`, 'MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.');
				if (typeof it.quantity !== 'string' || !/^[1-9]\d{0,9}$/.test(it.quantity))
					throw invalidRequest(`${f}/quantity`, 'INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.');
				itemSum += money(it.unit_amount, `${f}/unit_amount`, currency) * Number(it.quantity);
				if (it.tax) {
					itemsHaveTax = true;
					itemTax += money(it.tax, `${f}/tax`, currency) * Number(it.quantity);
				}
			});
			if (items.length && parts.item_total === undefined)
				throw unprocessable(`${at}/breakdown/item_total`, 'ITEM_TOTAL_REQUIRED', 'If item details are specified (items.unit_amount and items.quantity) corresponding amount.breakdown.item_total is required.');
			if (items.length && itemSum !== parts.item_total)
				throw unprocessable(`${at}/breakdown/item_total`, 'ITEM_TOTAL_MISMATCH', 'Should equal sum of (unit_amount * quantity) across all items for a given purchase_unit.', bd.item_total.value);
			if (itemsHaveTax && itemTax !== (parts.tax_total ?? 0))
				throw unprocessable(`${at}/breakdown/tax_total`, 'TAX_TOTAL_MISMATCH', 'Should equal sum of (tax * quantity) across all items for a given purchase_unit.', bd.tax_total?.value);
			if (bd) {
				const sum = (parts.item_total ?? 0) + (parts.tax_total ?? 0) + (parts.shipping ?? 0) + (parts.handling ?? 0) +
					(parts.insurance ?? 0) - (parts.shipping_discount ?? 0) - (parts.discount ?? 0);
				if (sum !== total)
					throw unprocessable(`${at}/value`, 'AMOUNT_MISMATCH', 'Should equal item_total + tax_total + shipping + handling + insurance - shipping_discount - discount.', u.amount.value);
			}
			if (total <= 0)
				throw unprocessable(`${at}/value`, 'CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero. If the currency supports decimals, only two decimal place precision is supported.', u.amount.value);
			return { reference_id: ref, amount: u.amount, payee: { email_address: 'merchant@example.com', merchant_id: 'SIMMERCHANT00' },
				...(u.description ? { description: u.description } : {}), ...(u.custom_id ? { custom_id: u.custom_id } : {}),
				...(u.invoice_id ? { invoice_id: u.invoice_id } : {}), ...(items.length ? { items } : {}), _minor: total };
		});
		const ec = b.payment_source?.paypal?.experience_context;
		const ac = b.application_context;
		const returnUrl = ec?.return_url ?? ac?.return_url;
		const cancelUrl = ec?.cancel_url ?? ac?.cancel_url;
		for (const [name, url] of [['return_url', returnUrl], ['cancel_url', cancelUrl]])
			if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
				throw invalidRequest(`/${ec ? 'payment_source/paypal/experience_context' : 'application_context'}/${name}`, 'INVALID_PARAMETER_SYNTAX', 'The value of a field does not conform to the expected format.');
		const id = paypalId();
		const order = { id, intent: b.intent, status: ec ? 'PAYER_ACTION_REQUIRED' : 'CREATED',
			...(b.payment_source ? { payment_source: b.payment_source } : {}), purchase_units: out, create_time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
			links: [{ href: `${ctx.base}/v2/checkout/orders/${id}`, rel: 'self', method: 'GET' },
				{ href: `${ctx.base}/pay/paypal/checkoutnow?token=${id}`, rel: ec ? 'payer-action' : 'approve', method: 'GET' },
				{ href: `${ctx.base}/v2/checkout/orders/${id}`, rel: 'update', method: 'PATCH' },
				{ href: `${ctx.base}/v2/checkout/orders/${id}/capture`, rel: 'capture', method: 'POST' }] };
		const entry = { order, returnUrl, cancelUrl };
		orders.set(id, entry);
		return entry;
	}

	// The order as the API shows it (without the simulator's own bookkeeping).
	function view(order) {
		return JSON.parse(JSON.stringify(order, (k, v) => (k.startsWith('_') ? undefined : v)));
	}

	function getOrder(id) {
		const e = orders.get(id);
		if (!e)
			throw notFound('order_id', id);
		return e;
	}

	function capture(e, effect) {
		const o = e.order;
		if (o.status === 'COMPLETED')
			throw unprocessable(null, 'ORDER_ALREADY_CAPTURED', 'Order already captured.If \'intent=CAPTURE\' only one capture per order is allowed.');
		if (o.status !== 'APPROVED')
			throw unprocessable(null, 'ORDER_NOT_APPROVED', 'Payer has not yet approved the Order for payment. Please redirect the payer to the \'rel\':\'approve\' url returned as part of the HATEOAS links within the Create Order call or provide a valid payment_source in the request.');
		if (effect?.capture === 'INSTRUMENT_DECLINED')
			throw unprocessable(null, 'INSTRUMENT_DECLINED', 'The instrument presented  was either declined by the processor or bank, or it can\'t be used for this payment.');
		const status = effect?.capture ?? 'COMPLETED';
		const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
		const made = [];
		for (const u of o.purchase_units) {
			const id = paypalId();
			const c = { id, status, amount: u.amount.breakdown ? { currency_code: u.amount.currency_code, value: u.amount.value } : u.amount,
				final_capture: true, seller_protection: { status: 'ELIGIBLE', dispute_categories: ['ITEM_NOT_RECEIVED', 'UNAUTHORIZED_TRANSACTION'] },
				...(status === 'PENDING' ? { status_details: { reason: 'PENDING_REVIEW' } } : {}),
				...(u.custom_id ? { custom_id: u.custom_id } : {}), ...(u.invoice_id ? { invoice_id: u.invoice_id } : {}),
				links: [{ href: `${ctx.base}/v2/payments/captures/${id}`, rel: 'self', method: 'GET' },
					{ href: `${ctx.base}/v2/payments/captures/${id}/refund`, rel: 'refund', method: 'POST' },
					{ href: `${ctx.base}/v2/checkout/orders/${o.id}`, rel: 'up', method: 'GET' }],
				create_time: now, update_time: now };
			u.payments = { captures: [c] };
			captures.set(id, { capture: c, orderId: o.id, minor: u._minor, refunded: 0, refunds: [] });
			made.push(c);
		}
		o.status = 'COMPLETED';
		o.update_time = now;
		o.links = [{ href: `${ctx.base}/v2/checkout/orders/${o.id}`, rel: 'self', method: 'GET' }];
		const type = { COMPLETED: 'PAYMENT.CAPTURE.COMPLETED', PENDING: 'PAYMENT.CAPTURE.PENDING', DECLINED: 'PAYMENT.CAPTURE.DENIED' }[status];
		return { order: o, events: made.map(c => event(type, 'capture', captureResource(c, o.id))) };
	}

	function captureResource(c, orderId) {
		return { ...structuredClone(c), supplementary_data: { related_ids: { order_id: orderId } } };
	}

	function event(type, resourceType, resource) {
		const id = `WH-${paypalId()}-${paypalId()}`;
		const ev = { id, event_version: '1.0', create_time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), resource_type: resourceType,
			resource_version: '2.0', event_type: type, summary: summaryOf(type, resource), resource,
			links: [{ href: `${ctx.base}/v1/notifications/webhooks-events/${id}`, rel: 'self', method: 'GET' },
				{ href: `${ctx.base}/v1/notifications/webhooks-events/${id}/resend`, rel: 'resend', method: 'POST' }] };
		events.push(ev);
		return ev;
	}

	function summaryOf(type, r) {
		if (type === 'CHECKOUT.ORDER.APPROVED')
			return 'An order has been approved by buyer';
		const amt = r.amount ? `${r.amount.value} ${r.amount.currency_code}` : '';
		return { 'PAYMENT.CAPTURE.COMPLETED': `Payment completed for ${amt}`, 'PAYMENT.CAPTURE.PENDING': `Payment pending for ${amt}`,
			'PAYMENT.CAPTURE.DENIED': `Payment denied for ${amt}` }[type] ?? type;
	}

	function transmit(ev, meta = {}) {
		const body = JSON.stringify(ev);
		const tid = crypto.randomUUID();
		const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
		const signed = `${tid}|${time}|${cfg.webhookId}|${zlib.crc32(body)}`;
		const sig = crypto.sign('sha256', Buffer.from(signed), keys.privateKey).toString('base64');
		transmissions.set(tid, { body, time, sig });
		return () => ctx.deliveries.post(cfg.webhookUrl, body, { 'Content-Type': 'application/json', 'User-Agent': 'PayPal/AUHD-214.0-58632042',
			'PAYPAL-TRANSMISSION-ID': tid, 'PAYPAL-TRANSMISSION-TIME': time, 'PAYPAL-TRANSMISSION-SIG': sig, 'PAYPAL-CERT-URL': certUrl(),
			'PAYPAL-AUTH-ALGO': 'SHA256withRSA', 'PAYPAL-AUTH-VERSION': 'v2' },
		{ provider: 'paypal', event_id: ev.id, type: ev.event_type, object_id: ev.resource.supplementary_data?.related_ids?.order_id ?? ev.resource.id, ...meta });
	}

	// Each delivery is a fresh transmission (PayPal re-signs a resent event), shaped by a webhook rule.
	function deliverFor(order, evs) {
		const wanted = evs.filter(e => SUBSCRIBED.has(e.event_type));
		if (!cfg.webhookUrl || !wanted.length)
			return Promise.resolve();
		const effect = ctx.rules.take('paypal', 'webhook', tagsOf(order)) ?? {};
		if (effect.withhold)
			return Promise.resolve();
		const list = effect.reverse ? [...wanted].reverse() : wanted;
		const run = async () => {
			if (effect.delay_ms)
				await sleep(effect.delay_ms);
			for (const ev of list)
				for (let c = 0; c <= (effect.duplicate ?? 0); c++) {
					if (c && effect.duplicate_gap_ms)
						await sleep(effect.duplicate_gap_ms);
					await transmit(ev)();
				}
		};
		if (effect.delay_ms || effect.after_redirect) {
			run().catch(() => {});
			return Promise.resolve();
		}
		return run();
	}

	function verify(b) {
		for (const f of ['auth_algo', 'cert_url', 'transmission_id', 'transmission_sig', 'transmission_time', 'webhook_id', 'webhook_event'])
			if (b[f] === undefined || b[f] === '')
				throw errorOf(400, 'VALIDATION_ERROR', 'Invalid request - see details', [{ field: f, location: 'body', issue: 'Required field cannot be blank' }]);
		const t = transmissions.get(b.transmission_id);
		const ok = !!t && b.auth_algo === 'SHA256withRSA' && b.cert_url === certUrl() && b.webhook_id === cfg.webhookId &&
			b.transmission_time === t.time && isDeepStrictEqual(b.webhook_event, JSON.parse(t.body)) &&
			crypto.verify('sha256', Buffer.from(`${b.transmission_id}|${b.transmission_time}|${b.webhook_id}|${zlib.crc32(t.body)}`),
				keys.publicKey, Buffer.from(String(b.transmission_sig), 'base64'));
		return { verification_status: ok ? 'SUCCESS' : 'FAILURE' };
	}

	function refund(capId, b, effect) {
		const c = captures.get(capId);
		if (!c)
			throw notFound('capture_id', capId);
		if (effect)
			throw unprocessable(null, effect.issue ?? 'REFUND_FAILED_INSUFFICIENT_FUNDS', effect.message ?? 'Capture could not be refunded due to insufficient funds.');
		if (!['COMPLETED', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(c.capture.status))
			throw unprocessable(null, 'CAPTURE_STATUS_NOT_VALID', 'Invalid capture status. Tracking information can only be added to captures in COMPLETED state.');
		const cur = c.capture.amount.currency_code;
		const left = c.minor - c.refunded;
		if (left <= 0)
			throw unprocessable(null, 'CAPTURE_FULLY_REFUNDED', 'The capture has already been fully refunded');
		const amount = b.amount === undefined ? left : money(b.amount, '/amount', cur);
		if (amount <= 0)
			throw unprocessable('/amount/value', 'CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero.', b.amount.value);
		if (amount > left)
			throw unprocessable(null, 'REFUND_AMOUNT_EXCEEDED', 'The refund amount must be less than or equal to the capture amount that has not yet been refunded.');
		c.refunded += amount;
		c.capture.status = c.refunded === c.minor ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
		const id = paypalId();
		const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
		const r = { id, amount: { currency_code: cur, value: formatDecimal(amount, paypalExponent(cur)) }, status: 'COMPLETED',
			...(b.note_to_payer ? { note_to_payer: b.note_to_payer } : {}), create_time: now, update_time: now,
			links: [{ href: `${ctx.base}/v2/payments/refunds/${id}`, rel: 'self', method: 'GET' },
				{ href: `${ctx.base}/v2/payments/captures/${capId}`, rel: 'up', method: 'GET' }] };
		refunds.set(id, r);
		c.refunds.push(r);
		// The order shows its refunds beside its captures, as GET /v2/checkout/orders/{id} does.
		const unit = orders.get(c.orderId).order.purchase_units.find(u => u.payments?.captures?.some(x => x.id === capId));
		(unit.payments.refunds ??= []).push({ id, status: r.status, amount: r.amount, create_time: now, update_time: now });
		event('PAYMENT.CAPTURE.REFUNDED', 'refund', r);
		return r;
	}

	function authToken(req) {
		const t = bearer(req);
		const exp = t && tokens.get(t);
		if (!exp || exp <= Date.now())
			throw errorOf(401, 'AUTHENTICATION_FAILURE', 'Authentication failed due to invalid authentication credentials or a missing Authorization header.');
	}

	function minimal(req, full) {
		return /return=representation/.test(req.headers.prefer ?? '') ? full : { id: full.id, status: full.status, links: full.links };
	}

	// Every API call with a bearer token: auth, misbehaviour, PayPal-Request-Id replays, errors.
	function api(op, handler, tagsFor = () => ({})) {
		return async (req, res, params, body) => {
			const headers = { 'Paypal-Debug-Id': randomId('', 13, '0123456789abcdef') };
			try {
				authToken(req);
				let b = {};
				if (body) {
					try {
						b = JSON.parse(body);
					} catch {
						throw errorOf(400, 'INVALID_REQUEST', 'Request is not well-formed, syntactically incorrect, or violates schema.',
							[{ field: '/', location: 'body', issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.' }]);
					}
				}
				const effect = ctx.rules.take('paypal', op, tagsFor(b, params) || {}, isApiEffect);
				if (await applyApiEffect(effect, req, res, status => ({ name: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred.',
					debug_id: headers['Paypal-Debug-Id'], links: [{ href: 'https://developer.paypal.com/api/rest/reference/orders/v2/errors/#INTERNAL_SERVER_ERROR', rel: 'information_link', method: 'GET' }] })))
					return;
				const reqId = req.method === 'POST' ? req.headers['paypal-request-id'] : undefined;
				const print = fingerprint(req.method, req.url, body);
				if (reqId) {
					const hit = ctx.idem.lookup('paypal', reqId + '\0' + req.url, print);
					if (hit)
						return send(res, hit.status, hit.body, headers);
				}
				let status, out;
				try {
					[status, out] = await handler(b, params, req);
				} catch (e) {
					if (!(e instanceof PayPalError))
						throw e;
					[status, out] = [e.status, { ...e.body, debug_id: headers['Paypal-Debug-Id'] }];
				}
				if (reqId)
					ctx.idem.save('paypal', reqId + '\0' + req.url, print, status, out);
				send(res, status, out, headers);
			} catch (e) {
				if (e instanceof PayPalError)
					send(res, e.status, e.body, headers);
				else
					send(res, 500, { name: 'INTERNAL_SERVER_ERROR', message: String(e.message), debug_id: headers['Paypal-Debug-Id'] }, headers);
			}
		};
	}

	const orderTags = (b, { id }) => { const e = orders.get(id); return e ? tagsOf(e.order) : {}; };
	const captureTags = (b, { id }) => { const c = captures.get(id); return c ? tagsOf(orders.get(c.orderId).order) : {}; };
	const r = ctx.router;
	r.add('POST', '/v1/oauth2/token', async (req, res, params, body) => {
		const who = basicAuth(req);
		const effect = ctx.rules.take('paypal', 'token', { id: who?.user }, isApiEffect);
		if (await applyApiEffect(effect, req, res, () => ({ error: 'server_error', error_description: 'Simulated failure' })))
			return;
		if (!who || (cfg.clientId && (who.user !== cfg.clientId || who.password !== cfg.clientSecret)))
			return send(res, 401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
		const grant = new URLSearchParams(body).get('grant_type');
		if (grant !== 'client_credentials')
			return send(res, 400, { error: 'unsupported_grant_type', error_description: grant ? 'unsupported grant_type' : 'Grant Type is NULL' });
		const token = 'A21AA' + randomId('', 92, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
		tokens.set(token, Date.now() + cfg.tokenTtl * 1000);
		send(res, 200, { scope: 'https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund https://uri.paypal.com/services/applications/webhooks',
			access_token: token, token_type: 'Bearer', app_id: 'APP-80W284485P519543T', expires_in: cfg.tokenTtl, nonce: new Date().toISOString() + randomId('', 43) });
	});
	r.add('POST', '/v2/checkout/orders', api('create', (b, p, req) => {
		const e = createOrder(b);
		return [201, minimal(req, view(e.order))];
	}, b => ({ reference: (b.purchase_units ?? []).flatMap(u => [u?.reference_id, u?.custom_id, u?.invoice_id]).filter(Boolean),
		email: b.payment_source?.paypal?.email_address })));
	r.add('GET', '/v2/checkout/orders/:id', api('get', (b, { id }) => [200, view(getOrder(id).order)], orderTags));
	r.add('POST', '/v2/checkout/orders/:id/capture', api('capture', async (b, { id }, req) => {
		const e = getOrder(id);
		const effect = ctx.rules.take('paypal', 'capture', tagsOf(e.order), x => !!x.capture);
		const { order, events: evs } = capture(e, effect);
		// PayPal notifies after it has answered: a receiver that captures from its own webhook
		// handler must not wait on its own next notice.
		setImmediate(() => deliverFor(order, evs).catch(() => {}));
		return [201, /return=minimal/.test(req.headers.prefer ?? '') ? { id: order.id, status: order.status, links: order.links } : view(order)];
	}, orderTags));
	r.add('GET', '/v2/payments/captures/:id', api('get', (b, { id }) => {
		const c = captures.get(id);
		if (!c)
			throw notFound('capture_id', id);
		return [200, captureResource(c.capture, c.orderId)];
	}, captureTags));
	r.add('POST', '/v2/payments/captures/:id/refund', api('refund', (b, { id }, req) => {
		const c = captures.get(id);
		const effect = c ? ctx.rules.take('paypal', 'refund', tagsOf(orders.get(c.orderId).order), x => !!x.refuse) : null;
		const out = refund(id, b, effect);
		return [201, minimal(req, out)];
	}, captureTags));
	r.add('GET', '/v2/payments/refunds/:id', api('get', (b, { id }) => {
		if (!refunds.has(id))
			throw notFound('refund_id', id);
		return [200, refunds.get(id)];
	}));
	r.add('POST', '/v1/notifications/verify-webhook-signature', api('verify', b => [200, verify(b)],
		b => { const oid = b.webhook_event?.resource?.supplementary_data?.related_ids?.order_id ?? b.webhook_event?.resource?.id;
			const e = orders.get(oid); return e ? tagsOf(e.order) : {}; }));
	r.add('GET', '/v1/notifications/webhooks-events/:id', api('get', (b, { id }) => {
		const ev = events.find(e => e.id === id);
		if (!ev)
			throw notFound('event_id', id);
		return [200, ev];
	}));
	r.add('GET', '/v1/notifications/certs/:id', (req, res) => send(res, 200, keys.publicKey.export({ type: 'spki', format: 'pem' }),
		{ 'Content-Type': 'application/x-pem-file' }));

	// The buyer's side: the approve link, then back to return_url with token and PayerID.
	r.add('GET', '/pay/paypal/checkoutnow', (req, res) => {
		const id = new URL(req.url, 'http://x').searchParams.get('token');
		const e = orders.get(id);
		if (!e)
			return send(res, 404, hostedPage('PayPal', ['This order does not exist.'], []));
		if (!['CREATED', 'PAYER_ACTION_REQUIRED'].includes(e.order.status))
			return send(res, 200, hostedPage('PayPal', [`This order is ${e.order.status}.`], []));
		send(res, 200, hostedPage('PayPal (sandbox)', e.order.purchase_units.map(u => `${u.reference_id}: ${u.amount.value} ${u.amount.currency_code}`), [
			{ action: `/pay/paypal/${id}/approve`, label: 'Approve', value: 'approve' },
			{ action: `/pay/paypal/${id}/cancel`, label: 'Cancel', value: 'cancel' }]));
	});
	r.add('POST', '/pay/paypal/:id/approve', async (req, res, { id }) => {
		const e = orders.get(id);
		if (!e || !['CREATED', 'PAYER_ACTION_REQUIRED'].includes(e.order.status))
			return send(res, 409, hostedPage('PayPal', ['This order cannot be approved now.'], []));
		const payerId = randomId('', 13, UPPER);
		e.order.status = 'APPROVED';
		e.order.payer = { name: { given_name: 'Sim', surname: 'Buyer' }, email_address: e.order.payment_source?.paypal?.email_address ?? 'buyer@example.com', payer_id: payerId };
		await deliverFor(e.order, [event('CHECKOUT.ORDER.APPROVED', 'checkout-order', view(e.order))]);
		redirect(res, 302, appendQuery(e.returnUrl ?? `${ctx.base}/_sim/no-return-url`, { token: id, PayerID: payerId }));
	});
	r.add('POST', '/pay/paypal/:id/cancel', (req, res, { id }) => {
		const e = orders.get(id);
		if (!e)
			return send(res, 404, hostedPage('PayPal', ['This order does not exist.'], []));
		redirect(res, 302, appendQuery(e.cancelUrl ?? e.returnUrl ?? `${ctx.base}/_sim/no-cancel-url`, { token: id }));
	});

	// Control: a pending capture resolved later, and tokens withdrawn before their expiry.
	r.add('POST', '/_sim/paypal/captures/:id/resolve', async (req, res, { id }, body) => {
		const c = captures.get(id);
		const status = JSON.parse(body || '{}').status;
		if (!c || c.capture.status !== 'PENDING' || !['COMPLETED', 'DECLINED'].includes(status))
			return send(res, 400, { error: 'needs a PENDING capture and status COMPLETED|DECLINED' });
		c.capture.status = status;
		delete c.capture.status_details;
		const o = orders.get(c.orderId).order;
		await deliverFor(o, [event(status === 'COMPLETED' ? 'PAYMENT.CAPTURE.COMPLETED' : 'PAYMENT.CAPTURE.DENIED', 'capture', captureResource(c.capture, o.id))]);
		send(res, 200, captureResource(c.capture, o.id));
	});
	r.add('POST', '/_sim/paypal/tokens/revoke', (req, res) => { tokens.clear(); send(res, 200, { revoked: true }); });

	function received(filter) {
		return [...orders.values()].filter(e => filterMatch(filter, tagsOf(e.order))).map(({ order: o }) => ({
			id: o.id, status: o.status, purchase_units: o.purchase_units.map(u => ({ reference_id: u.reference_id, amount: u.amount,
				items: u.items, captures: (u.payments?.captures ?? []).map(c => ({ id: c.id, status: c.status, amount: c.amount,
					refunds: captures.get(c.id).refunds.map(x => ({ id: x.id, amount: x.amount, status: x.status })) })) })),
		}));
	}

	return { received, events, tokenCount: () => tokens.size };
}

function appendQuery(url, params) {
	const u = new URL(url);
	for (const [k, v] of Object.entries(params))
		u.searchParams.set(k, v);
	return u.toString();
}

function isDeepStrictEqual(a, b) {
	return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v) {
	if (Array.isArray(v))
		return v.map(sortKeys);
	if (v && typeof v === 'object')
		return Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys(v[k])]));
	return v;
}
