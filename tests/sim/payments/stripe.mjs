// stripe.mjs: Stripe's Checkout Sessions, Refunds, PaymentIntents (read) and Events as published in
// the API reference (api.stripe.com, form-encoded requests with bracket notation, JSON answers),
// the hosted Checkout page as plain HTML, and webhook events signed as Stripe documents:
// Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the endpoint secret>.
import crypto from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyApiEffect, basicAuth, filterMatch, isApiEffect, bearer, fingerprint, hostedPage, nowSeconds, parseBracketForm, randomId, redirect,
	runConcurrently, send, shuffle } from './http.mjs';
import { STRIPE_CURRENCIES, STRIPE_MINIMUM, STRIPE_ZERO_DECIMAL } from './money.mjs';

export const STRIPE_API_VERSION = '2024-06-20';
// What the docs tell a crowdcart operator to subscribe the endpoint to; other events are kept
// (GET /v1/events) but not delivered, as for a real endpoint with chosen events.
const DEFAULT_ENABLED_EVENTS = ['checkout.session.completed', 'checkout.session.async_payment_succeeded',
	'checkout.session.async_payment_failed', 'checkout.session.expired'];

const KNOWN_PARAMS = new Set(['mode', 'line_items', 'success_url', 'cancel_url', 'client_reference_id', 'customer_email',
	'expires_at', 'metadata', 'payment_method_types', 'currency', 'locale', 'payment_intent_data', 'shipping_options',
	'submit_type', 'customer', 'billing_address_collection', 'shipping_address_collection', 'automatic_tax',
	'allow_promotion_codes', 'ui_mode', 'expand', 'phone_number_collection', 'custom_text', 'invoice_creation',
	'discounts', 'consent_collection', 'customer_creation', 'tax_id_collection', 'payment_method_options']);

export function stripeSignatureHeader(secrets, body, t = nowSeconds()) {
	const v1 = [].concat(secrets).map(s => 'v1=' + crypto.createHmac('sha256', s).update(`${t}.${body}`).digest('hex'));
	// Test-mode events also carry a v0 (a legacy scheme) that a receiver must ignore.
	const v0 = 'v0=' + crypto.createHmac('sha256', 'legacy-scheme').update(`${t}.${body}`).digest('hex');
	return [`t=${t}`, ...v1, v0].join(',');
}

class StripeError extends Error {
	constructor(status, fields) {
		super(fields.message);
		this.status = status;
		this.fields = fields;
	}
}
const invalid = (message, param, code) => new StripeError(400, { type: 'invalid_request_error', code, message, param });
const missing = param => invalid(`Missing required param: ${param}.`, param, 'parameter_missing');

function errorBody(fields) {
	const error = { type: fields.type, message: fields.message };
	if (fields.code)
		error.code = fields.code;
	if (fields.param)
		error.param = fields.param;
	if (fields.code)
		error.doc_url = `https://stripe.com/docs/error-codes/${fields.code.replace(/_/g, '-')}`;
	return { error };
}

function toInteger(value, param, { min = 0 } = {}) {
	if (typeof value !== 'string' || !/^-?\d+$/.test(value))
		throw invalid(`Invalid integer: ${value}`, param, 'parameter_invalid_integer');
	const n = Number(value);
	if (n < min)
		throw invalid(`This value must be greater than or equal to ${min}.`, param, 'parameter_invalid_integer');
	return n;
}

function checkUrl(value, param) {
	try {
		const u = new URL(value);
		if (u.protocol === 'http:' || u.protocol === 'https:')
			return;
	} catch { /* falls through to the error */ }
	throw invalid('Not a valid URL', param, 'url_invalid');
}

export function createStripe(ctx) {
	const cfg = ctx.config.stripe;
	const sessions = new Map(); // id -> { session, lineItems, pi }
	const intents = new Map(); // pi id -> { intent, sessionId, refunded, refunds: [] }
	const refunds = new Map();
	const events = []; // newest last
	const enabled = new Set(cfg.enabledEvents?.length ? cfg.enabledEvents : DEFAULT_ENABLED_EVENTS);

	function tagsOf(s) {
		return { id: [s.id, s.payment_intent].filter(Boolean), reference: [s.client_reference_id, ...Object.values(s.metadata)].filter(Boolean),
			email: s.customer_email ?? undefined };
	}

	function authenticate(req) {
		const key = basicAuth(req)?.user ?? bearer(req);
		if (!key)
			throw new StripeError(401, { type: 'invalid_request_error', message: 'You did not provide an API key. You need to ' +
				'provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').' });
		if (cfg.secretKey ? key !== cfg.secretKey : !/^sk_test_\w+$/.test(key))
			throw new StripeError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}` });
		return key;
	}

	// Every API call: auth, misbehaviour, idempotent replay for POSTs, the handler, error shape.
	function api(op, handler, tagsFor = () => ({})) {
		return async (req, res, params, body) => {
			const headers = { 'Request-Id': randomId('req_', 14), 'Stripe-Version': STRIPE_API_VERSION };
			try {
				const key = authenticate(req);
				const form = parseBracketForm(body);
				const effect = ctx.rules.take('stripe', op, tagsFor(form, params) || {}, isApiEffect);
				if (await applyApiEffect(effect, req, res, status => errorBody({ type: 'api_error', message: `Simulated ${status}.` })))
					return;
				const idemKey = req.method === 'POST' ? req.headers['idempotency-key'] : undefined;
				const print = fingerprint(req.method, req.url.split('?')[0], canonical(form));
				if (idemKey) {
					const hit = ctx.idem.lookup('stripe:' + key, idemKey, print);
					if (hit && !hit.sameRequest)
						throw new StripeError(400, { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used ' +
							`with the same parameters they were first used with. Try using a key other than '${idemKey}' if you meant to execute a different request.` });
					if (hit) {
						send(res, hit.status, hit.body, { ...headers, 'Idempotent-Replayed': 'true', 'Idempotency-Key': idemKey });
						return;
					}
				}
				let status = 200, out;
				try {
					out = await handler(form, params, req);
				} catch (e) {
					if (!(e instanceof StripeError))
						throw e;
					status = e.status;
					out = errorBody(e.fields);
				}
				if (idemKey) {
					ctx.idem.save('stripe:' + key, idemKey, print, status, out);
					headers['Idempotency-Key'] = idemKey;
				}
				send(res, status, out, headers);
			} catch (e) {
				if (e instanceof StripeError)
					send(res, e.status, errorBody(e.fields), headers);
				else
					send(res, e.status ?? 500, errorBody({ type: 'api_error', message: String(e.message) }), headers);
			}
		};
	}

	function createSession(p) {
		for (const k of Object.keys(p))
			if (!KNOWN_PARAMS.has(k))
				throw invalid(`Received unknown parameter: ${k}`, k, 'parameter_unknown');
		if (!p.mode)
			throw missing('mode');
		if (!['payment', 'setup', 'subscription'].includes(p.mode))
			throw invalid('Invalid mode: must be one of payment, setup, or subscription', 'mode');
		if (p.mode !== 'payment')
			throw invalid('The simulator implements mode=payment only.', 'mode');
		if (!p.success_url)
			throw missing('success_url');
		checkUrl(p.success_url, 'success_url');
		// Stripe itself accepts a success_url without the placeholder; the simulator does not,
		// because a return page that cannot name its session cannot settle by fetching it.
		if (!p.success_url.includes('{CHECKOUT_SESSION_ID}'))
			throw invalid('success_url must contain {CHECKOUT_SESSION_ID} (simulator rule).', 'success_url');
		if (p.cancel_url)
			checkUrl(p.cancel_url, 'cancel_url');
		if (p.customer_email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.customer_email))
			throw invalid(`Invalid email address: ${p.customer_email}`, 'customer_email', 'email_invalid');
		if (p.client_reference_id !== undefined && (p.client_reference_id.length > 200 || p.client_reference_id === ''))
			throw invalid('client_reference_id must be 1 to 200 characters.', 'client_reference_id', 'parameter_invalid_string');
		const metadata = p.metadata ?? {};
		if (typeof metadata !== 'object' || Array.isArray(metadata))
			throw invalid('Invalid object', 'metadata');
		if (Object.keys(metadata).length > 50)
			throw invalid('Metadata can have at most 50 keys.', 'metadata');
		for (const [k, v] of Object.entries(metadata)) {
			if (k.length > 40)
				throw invalid(`Metadata keys can have at most 40 characters; ${k} is too long.`, `metadata[${k}]`);
			if (typeof v !== 'string' || v.length > 500)
				throw invalid(`Metadata values can have at most 500 characters.`, `metadata[${k}]`);
		}
		const now = nowSeconds();
		let expiresAt = now + 86400;
		if (p.expires_at !== undefined) {
			expiresAt = toInteger(p.expires_at, 'expires_at');
			// A few seconds of grace for the clocks of caller and simulator.
			if (expiresAt < now + 1800 - 5)
				throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at');
			if (expiresAt > now + 86400 + 5)
				throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at');
		}
		if (!Array.isArray(p.line_items) || !p.line_items.length)
			throw invalid('You must provide at least one line item in `payment` mode.', 'line_items', 'parameter_missing');
		if (p.line_items.length > 100)
			throw invalid('A Checkout Session can have at most 100 line items.', 'line_items');
		let currency = null, subtotal = 0;
		const lineItems = p.line_items.map((li, i) => {
			const at = `line_items[${i}]`;
			if (!li || typeof li !== 'object')
				throw invalid('Invalid line item', at);
			if (li.price)
				throw invalid(`No such price: '${li.price}'`, `${at}[price]`, 'resource_missing');
			const pd = li.price_data;
			if (!pd)
				throw invalid(`You must specify either \`price\` or \`price_data\` in \`${at}\`.`, at);
			if (!pd.currency)
				throw missing(`${at}[price_data][currency]`);
			const cur = pd.currency.toLowerCase();
			if (!STRIPE_CURRENCIES.has(cur))
				throw invalid(`Invalid currency: ${pd.currency}. Stripe currently supports these currencies: ${[...STRIPE_CURRENCIES].join(', ')}`,
					`${at}[price_data][currency]`);
			if (currency && cur !== currency)
				throw invalid('All line items must have the same currency.', `${at}[price_data][currency]`);
			currency = cur;
			if (pd.unit_amount === undefined)
				throw missing(`${at}[price_data][unit_amount]`);
			const unit = toInteger(pd.unit_amount, `${at}[price_data][unit_amount]`);
			if (!pd.product_data?.name && !pd.product)
				throw missing(`${at}[price_data][product_data][name]`);
			if (pd.product)
				throw invalid(`No such product: '${pd.product}'`, `${at}[price_data][product]`, 'resource_missing');
			if (li.quantity === undefined)
				throw missing(`${at}[quantity]`);
			const quantity = toInteger(li.quantity, `${at}[quantity]`, { min: 1 });
			subtotal += unit * quantity;
			return { id: randomId('li_', 24), object: 'item', amount_discount: 0, amount_subtotal: unit * quantity,
				amount_tax: 0, amount_total: unit * quantity, currency: cur, description: pd.product_data.name,
				price: { id: randomId('price_', 24), object: 'price', currency: cur, unit_amount: unit, product: randomId('prod_', 14) },
				quantity };
		});
		let shipping = 0;
		for (const [i, so] of (p.shipping_options ?? []).entries()) {
			const amount = so?.shipping_rate_data?.fixed_amount?.amount;
			if (amount === undefined)
				throw missing(`shipping_options[${i}][shipping_rate_data][fixed_amount][amount]`);
			if (i === 0)
				shipping = toInteger(amount, `shipping_options[${i}][shipping_rate_data][fixed_amount][amount]`);
		}
		const total = subtotal + shipping;
		const minimum = STRIPE_MINIMUM[currency];
		if (minimum !== undefined && total < minimum)
			throw invalid(`The Checkout Session's total amount due must add up to at least ${minimum} ${currency} (in the currency's smallest unit${STRIPE_ZERO_DECIMAL.has(currency) ? ', which is whole units for a zero-decimal currency' : ''}).`,
				undefined, 'amount_too_small');
		const id = randomId('cs_test_', 58);
		const session = {
			id, object: 'checkout.session', after_expiration: null, allow_promotion_codes: null, amount_subtotal: subtotal,
			amount_total: total, automatic_tax: { enabled: false, liability: null, status: null }, billing_address_collection: null,
			cancel_url: p.cancel_url ?? null, client_reference_id: p.client_reference_id ?? null, consent: null,
			consent_collection: null, created: now, currency, custom_fields: [], customer: null, customer_creation: 'if_required',
			customer_details: null, customer_email: p.customer_email ?? null, expires_at: expiresAt, invoice: null,
			livemode: false, locale: p.locale ?? null, metadata, mode: 'payment',
			// Since API version 2022-08-01 the PaymentIntent is made when the customer pays, not before.
			payment_intent: null, payment_link: null, payment_method_collection: 'if_required',
			payment_method_types: p.payment_method_types ?? ['card'], payment_status: 'unpaid', phone_number_collection: { enabled: false },
			recovered_from: null, setup_intent: null, shipping_address_collection: null, shipping_cost: shipping ? { amount_subtotal: shipping, amount_tax: 0, amount_total: shipping } : null,
			shipping_details: null, shipping_options: [], status: 'open', submit_type: p.submit_type ?? null, subscription: null,
			success_url: p.success_url, total_details: { amount_discount: 0, amount_shipping: shipping, amount_tax: 0 },
			ui_mode: 'hosted', url: `${ctx.base}/pay/stripe/${id}`,
		};
		sessions.set(id, { session, lineItems });
		return session;
	}

	function getSession(id) {
		const s = sessions.get(id);
		if (!s)
			throw new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such checkout.session: '${id}'`, param: 'session' });
		expireIfDue(s);
		return s;
	}

	// A session past its expires_at expires on its own, as on Stripe (within a minute or so there).
	function expireIfDue(s) {
		if (s.session.status === 'open' && nowSeconds() >= s.session.expires_at)
			expire(s);
	}

	function expire(s) {
		s.session.status = 'expired';
		s.session.url = null;
		return deliverFor(s, [emit('checkout.session.expired', s.session)]);
	}

	function emit(type, object) {
		const ev = { id: randomId('evt_', 24), object: 'event', api_version: STRIPE_API_VERSION, created: nowSeconds(),
			data: { object: structuredClone(object) }, livemode: false, pending_webhooks: enabled.has(type) ? 1 : 0,
			request: { id: null, idempotency_key: null }, type };
		events.push(ev);
		return ev;
	}

	function signedDelivery(ev, meta = {}) {
		const body = JSON.stringify(ev, null, 2);
		const secrets = cfg.webhookSecrets ?? [];
		return () => ctx.deliveries.post(cfg.webhookUrl, body, { 'Content-Type': 'application/json; charset=utf-8',
			'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', 'Stripe-Signature': stripeSignatureHeader(secrets, body) },
		{ provider: 'stripe', event_id: ev.id, type: ev.type, object_id: ev.data.object.id, ...meta }, meta.retries !== undefined ? { retries: meta.retries } : {});
	}

	// Sends events for a session, shaped by a matching webhook rule; resolves when they are sent
	// unless the rule defers them (then the caller does not wait: the return comes first).
	function deliverFor(s, evs) {
		const wanted = evs.filter(e => enabled.has(e.type));
		if (!cfg.webhookUrl || !wanted.length)
			return Promise.resolve();
		const effect = ctx.rules.take('stripe', 'webhook', tagsOf(s.session)) ?? {};
		if (effect.withhold)
			return Promise.resolve();
		let list = effect.reverse ? [...wanted].reverse() : [...wanted];
		for (const type of effect.then ?? []) {
			const stale = { ...s.session, status: type === 'checkout.session.expired' ? 'expired' : s.session.status };
			list.push(emit(type, stale));
		}
		const copies = 1 + (effect.duplicate ?? 0);
		const run = async () => {
			if (effect.delay_ms)
				await sleep(effect.delay_ms);
			for (const ev of list)
				for (let c = 0; c < copies; c++) {
					if (c && effect.duplicate_gap_ms)
						await sleep(effect.duplicate_gap_ms);
					await signedDelivery(ev)();
				}
		};
		if (effect.delay_ms || effect.after_redirect) {
			run().catch(() => {});
			return Promise.resolve();
		}
		return run();
	}

	function markPaid(s, { async = false } = {}) {
		const sess = s.session;
		const pi = randomId('pi_', 24);
		sess.status = 'complete';
		sess.url = null;
		sess.payment_intent = pi;
		sess.payment_status = async ? 'unpaid' : 'paid';
		sess.customer_details = { address: null, email: sess.customer_email ?? 'customer@example.com', name: null, phone: null,
			tax_exempt: 'none', tax_ids: [] };
		intents.set(pi, { intent: { id: pi, object: 'payment_intent', amount: sess.amount_total, amount_received: async ? 0 : sess.amount_total,
			currency: sess.currency, status: async ? 'processing' : 'succeeded', latest_charge: async ? null : randomId('ch_', 24),
			created: nowSeconds(), livemode: false, metadata: {} }, sessionId: sess.id, refunded: 0 });
	}

	function settleAsync(s, outcome) {
		const pi = intents.get(s.session.payment_intent);
		if (outcome === 'succeeded') {
			s.session.payment_status = 'paid';
			Object.assign(pi.intent, { status: 'succeeded', amount_received: pi.intent.amount, latest_charge: randomId('ch_', 24) });
			return emit('checkout.session.async_payment_succeeded', s.session);
		}
		Object.assign(pi.intent, { status: 'requires_payment_method' });
		return emit('checkout.session.async_payment_failed', s.session);
	}

	function refund(p) {
		const piId = p.payment_intent ?? (p.charge ? [...intents.values()].find(x => x.intent.latest_charge === p.charge)?.intent.id : undefined);
		if (!p.payment_intent && !p.charge)
			throw invalid('One of the following params should be provided for this request: payment_intent or charge.', 'payment_intent', 'parameter_missing');
		const pi = intents.get(piId);
		if (!pi)
			throw new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing',
				message: p.payment_intent ? `No such payment_intent: '${p.payment_intent}'` : `No such charge: '${p.charge}'`, param: p.payment_intent ? 'payment_intent' : 'charge' });
		const s = sessions.get(pi.sessionId);
		const effect = ctx.rules.take('stripe', 'refund', tagsOf(s.session), e => !!e.refuse);
		if (effect)
			throw invalid(effect.message ?? `Charge ${pi.intent.latest_charge} has been charged back; cannot issue a refund.`, undefined, effect.code ?? 'charge_disputed');
		if (pi.intent.status !== 'succeeded')
			throw invalid(`This PaymentIntent (${piId}) does not have a successful charge to refund.`, 'payment_intent');
		const left = pi.intent.amount_received - pi.refunded;
		if (left <= 0)
			throw invalid(`Charge ${pi.intent.latest_charge} has already been refunded.`, undefined, 'charge_already_refunded');
		const amount = p.amount === undefined ? left : toInteger(p.amount, 'amount', { min: 1 });
		if (amount > left)
			throw invalid(`Refund amount (${amount} ${pi.intent.currency}) is greater than unrefunded amount on charge (${left} ${pi.intent.currency})`, 'amount', 'amount_too_large');
		pi.refunded += amount;
		const r = { id: randomId('re_', 24), object: 'refund', amount, balance_transaction: randomId('txn_', 24),
			charge: pi.intent.latest_charge, created: nowSeconds(), currency: pi.intent.currency, metadata: p.metadata ?? {},
			payment_intent: piId, reason: p.reason ?? null, receipt_number: null, source_transfer_reversal: null,
			status: 'succeeded', transfer_reversal: null };
		refunds.set(r.id, r);
		emit('refund.created', r);
		emit('charge.refunded', { id: pi.intent.latest_charge, object: 'charge', amount: pi.intent.amount, amount_refunded: pi.refunded,
			currency: pi.intent.currency, payment_intent: piId, refunded: pi.refunded === pi.intent.amount });
		return r;
	}

	function list(items, q, url) {
		const limit = q.limit === undefined ? 10 : Math.max(1, Math.min(100, toInteger(q.limit, 'limit', { min: 1 })));
		let arr = [...items].reverse(); // newest first
		if (q.type)
			arr = arr.filter(e => e.type === q.type);
		if (q.starting_after) {
			const i = arr.findIndex(e => e.id === q.starting_after);
			if (i < 0)
				throw new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such event: '${q.starting_after}'`, param: 'starting_after' });
			arr = arr.slice(i + 1);
		} else if (q.ending_before) {
			const i = arr.findIndex(e => e.id === q.ending_before);
			arr = i < 0 ? [] : arr.slice(Math.max(0, i - limit), i);
		}
		return { object: 'list', data: arr.slice(0, limit), has_more: arr.length > limit, url };
	}

	const query = req => Object.fromEntries(new URL(req.url, 'http://x').searchParams);
	const sessionTags = (form, params) => { const s = sessions.get(params.id); return s ? tagsOf(s.session) : {}; };
	const r = ctx.router;
	r.add('POST', '/v1/checkout/sessions', api('create', p => createSession(p),
		p => ({ reference: [p.client_reference_id, ...Object.values(p.metadata ?? {})].filter(Boolean), email: p.customer_email })));
	r.add('GET', '/v1/checkout/sessions/:id', api('get', (p, { id }) => getSession(id).session, sessionTags));
	r.add('GET', '/v1/checkout/sessions/:id/line_items', api('get', (p, { id }) =>
		({ object: 'list', data: getSession(id).lineItems, has_more: false, url: `/v1/checkout/sessions/${id}/line_items` }), sessionTags));
	r.add('POST', '/v1/checkout/sessions/:id/expire', api('expire', async (p, { id }) => {
		const s = getSession(id);
		if (s.session.status !== 'open')
			throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired; this one is ${s.session.status}.`, undefined, 'checkout_session_not_open');
		await expire(s);
		return s.session;
	}, sessionTags));
	r.add('GET', '/v1/payment_intents/:id', api('get', (p, { id }) => {
		const pi = intents.get(id);
		if (!pi)
			throw new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${id}'`, param: 'intent' });
		return pi.intent;
	}, (f, { id }) => { const pi = intents.get(id); return pi ? tagsOf(sessions.get(pi.sessionId).session) : {}; }));
	r.add('POST', '/v1/refunds', api('refund', p => refund(p), p => {
		const pi = intents.get(p.payment_intent);
		return pi ? tagsOf(sessions.get(pi.sessionId).session) : {};
	}));
	r.add('GET', '/v1/refunds/:id', api('get', (p, { id }) => {
		const rf = refunds.get(id);
		if (!rf)
			throw new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such refund: '${id}'`, param: 'id' });
		return rf;
	}));
	r.add('GET', '/v1/events', api('events', (p, params, req) => list(events, query(req), '/v1/events')));
	r.add('GET', '/v1/events/:id', api('events', (p, { id }) => {
		const ev = events.find(e => e.id === id);
		if (!ev)
			throw new StripeError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such event: '${id}'`, param: 'id' });
		return ev;
	}));

	// The hosted page: the session's `url`.
	r.add('GET', '/pay/stripe/:id', (req, res, { id }) => {
		const s = sessions.get(id);
		if (!s)
			return send(res, 404, hostedPage('Not found', ['This checkout session does not exist.'], []));
		expireIfDue(s);
		const ss = s.session;
		if (ss.status !== 'open')
			return send(res, 200, hostedPage('Checkout', [`This checkout session is ${ss.status}.`], []));
		const amount = STRIPE_ZERO_DECIMAL.has(ss.currency) ? String(ss.amount_total) : (ss.amount_total / 100).toFixed(2);
		send(res, 200, hostedPage('Checkout (Stripe test mode)', [`Pay ${amount} ${ss.currency.toUpperCase()}`,
			...s.lineItems.map(li => `${li.quantity} × ${li.description}`)], [
			{ action: `/pay/stripe/${id}/pay`, label: 'Pay', value: 'pay' },
			{ action: `/pay/stripe/${id}/pay`, label: 'Pay by bank debit (settles later)', value: 'async' },
			{ action: `/pay/stripe/${id}/cancel`, label: 'Cancel', value: 'cancel' },
		]));
	});
	r.add('POST', '/pay/stripe/:id/pay', async (req, res, { id }, body) => {
		const s = sessions.get(id);
		if (!s)
			return send(res, 404, hostedPage('Not found', ['This checkout session does not exist.'], []));
		expireIfDue(s);
		if (s.session.status !== 'open')
			return send(res, 409, hostedPage('Checkout', [`This checkout session is ${s.session.status}.`], []));
		const hostedEffect = ctx.rules.take('stripe', 'pay', tagsOf(s.session), e => !!e.async);
		const isAsync = new URLSearchParams(body).get('choice') === 'async' || !!hostedEffect;
		markPaid(s, { async: isAsync });
		const completed = emit('checkout.session.completed', s.session);
		await deliverFor(s, [completed]);
		if (isAsync && hostedEffect?.async_outcome) {
			const later = async () => {
				await sleep(hostedEffect.async_delay_ms ?? 200);
				await deliverFor(s, [settleAsync(s, hostedEffect.async_outcome)]);
			};
			later().catch(() => {});
		}
		redirect(res, 303, s.session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', id));
	});
	r.add('POST', '/pay/stripe/:id/cancel', (req, res, { id }) => {
		const s = sessions.get(id);
		if (!s)
			return send(res, 404, hostedPage('Not found', ['This checkout session does not exist.'], []));
		// Leaving the page does not expire the session on Stripe; it stays open until expires_at.
		redirect(res, 303, s.session.cancel_url ?? s.session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', id));
	});

	// Control: settle a pending async payment, or expire a session as if its time had run out.
	r.add('POST', '/_sim/stripe/sessions/:id/async', async (req, res, { id }, body) => {
		const s = sessions.get(id);
		const outcome = JSON.parse(body || '{}').outcome;
		if (!s || s.session.status !== 'complete' || s.session.payment_status !== 'unpaid' || !['succeeded', 'failed'].includes(outcome))
			return send(res, 400, { error: 'needs a complete, unpaid session and outcome succeeded|failed' });
		await deliverFor(s, [settleAsync(s, outcome)]);
		send(res, 200, s.session);
	});
	r.add('POST', '/_sim/stripe/sessions/:id/expire', async (req, res, { id }) => {
		const s = sessions.get(id);
		if (!s || s.session.status !== 'open')
			return send(res, 400, { error: 'needs an open session' });
		await expire(s);
		send(res, 200, s.session);
	});
	// Re-sends an event already made (a replay, as "Resend" in the dashboard does).
	r.add('POST', '/_sim/stripe/events/:id/resend', async (req, res, { id }) => {
		const ev = events.find(e => e.id === id);
		if (!ev || !cfg.webhookUrl)
			return send(res, 404, { error: 'no such event or no endpoint' });
		send(res, 200, await signedDelivery(ev)());
	});

	// The event storm: the given open sessions are paid without their events going out, then
	// every completed event, extra copies and unrelated events are sent shuffled and concurrently.
	async function storm({ sessions: ids = [], duplicates = 1, noise = 0, concurrency = 16, stale_expired = false }) {
		const deliveries = [];
		const perSession = new Map();
		for (const id of ids) {
			const s = sessions.get(id);
			if (!s || s.session.status !== 'open')
				continue;
			markPaid(s);
			const ev = emit('checkout.session.completed', s.session);
			perSession.set(id, { id, client_reference_id: s.session.client_reference_id, event_id: ev.id, acked: false });
			for (let c = 0; c <= duplicates; c++)
				deliveries.push({ ev, session: id });
			if (stale_expired)
				deliveries.push({ ev: emit('checkout.session.expired', { ...s.session, status: 'expired' }), session: null });
		}
		const paid = [...perSession.keys()];
		for (let i = 0; i < noise && paid.length; i++) {
			const s = sessions.get(paid[i % paid.length]).session;
			const pi = intents.get(s.payment_intent).intent;
			deliveries.push({ ev: emit(i % 2 ? 'payment_intent.succeeded' : 'charge.succeeded', pi), session: null });
		}
		shuffle(deliveries);
		const t0 = Date.now();
		const results = await runConcurrently(deliveries.map(d => async () => {
			const out = await signedDelivery(d.ev, { storm: true, retries: 0 })();
			const ok = out.status >= 200 && out.status < 300;
			if (ok && d.session && d.ev.type === 'checkout.session.completed')
				perSession.get(d.session).acked = true;
			return { event_id: d.ev.id, type: d.ev.type, session: d.session, status: out.status, error: out.error };
		}), concurrency);
		return { sent: results.length, acknowledged: results.filter(x => x.status >= 200 && x.status < 300).length,
			failed: results.filter(x => !(x.status >= 200 && x.status < 300)).length, ms: Date.now() - t0,
			sessions: [...perSession.values()], failures: results.filter(x => !(x.status >= 200 && x.status < 300)).slice(0, 20) };
	}

	function received(filter) {
		return [...sessions.values()].filter(({ session: s }) => filterMatch(filter, tagsOf(s))).map(({ session: s, lineItems }) => {
			const pi = s.payment_intent ? intents.get(s.payment_intent) : null;
			return { id: s.id, status: s.status, payment_status: s.payment_status, amount_total: s.amount_total, currency: s.currency,
				client_reference_id: s.client_reference_id, customer_email: s.customer_email, metadata: s.metadata,
				payment_intent: s.payment_intent, expires_at: s.expires_at,
				line_items: lineItems.map(li => ({ name: li.description, unit_amount: li.price.unit_amount, quantity: li.quantity, currency: li.currency })),
				refunds: [...refunds.values()].filter(x => pi && x.payment_intent === s.payment_intent), refunded: pi?.refunded ?? 0 };
		});
	}

	return { storm, received, events };
}

// Canonical form of parsed params for the idempotency fingerprint (key order must not matter).
function canonical(v) {
	if (Array.isArray(v))
		return '[' + v.map(canonical).join(',') + ']';
	if (v && typeof v === 'object')
		return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
	return JSON.stringify(v);
}
