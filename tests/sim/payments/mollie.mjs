// mollie.mjs: Mollie's Payments API v2 as published (docs.mollie.com): create and get a payment,
// create, list and get its refunds; amounts as {currency, value} with the currency's exact
// decimals; errors as application/hal+json {status, title, detail, field, _links}. The test-mode
// checkout page lets the tester choose the outcome (paid, failed, canceled, expired), then Mollie
// POSTs `id=tr_...` and nothing else to the payment's webhookUrl and sends the shopper back.
import { setTimeout as sleep } from 'node:timers/promises';
import { applyApiEffect, bearer, fingerprint, filterMatch, hostedPage, isApiEffect, parseBracketForm, randomId, redirect, send } from './http.mjs';
import { formatDecimal, isoExponent, MOLLIE_CURRENCIES, parseDecimal } from './money.mjs';

const HAL = { 'Content-Type': 'application/hal+json' };
const DOCS = 'https://docs.mollie.com/reference/create-payment';
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

class MollieError extends Error {
	constructor(status, title, detail, field) {
		super(detail);
		this.body = { status, title, detail, ...(field ? { field } : {}), _links: { documentation: { href: DOCS, type: 'text/html' } } };
	}
}
const unprocessable = (detail, field) => new MollieError(422, 'Unprocessable Entity', detail, field);

function iso(ms = Date.now()) { return new Date(ms).toISOString().replace(/\.\d+Z$/, '+00:00'); }

export function createMollie(ctx) {
	const cfg = ctx.config.mollie;
	const payments = new Map(); // id -> { p, minor, refunded, refunds: [] }
	const profileId = 'pfl_' + randomId('', 10, ID_CHARS);

	const tagsOf = p => ({ id: p.id, description: p.description, email: p.metadata?.email ?? p.billingEmail,
		reference: [p.description, ...Object.values(p.metadata ?? {}).filter(v => typeof v === 'string')] });

	function amountOf(a, field) {
		if (!a || typeof a !== 'object')
			throw unprocessable(`The ${field} is required`, field);
		if (!a.currency || !MOLLIE_CURRENCIES.has(a.currency))
			throw unprocessable(`The currency '${a.currency ?? ''}' is not supported`, `${field}.currency`);
		const exp = isoExponent(a.currency);
		const minor = parseDecimal(a.value, exp);
		if (minor === null)
			throw unprocessable(`The amount contains an invalid value: ${a.currency} takes a string with exactly ${exp} decimals, e.g. "${formatDecimal(10 * 10 ** exp, exp)}"`, `${field}.value`);
		return minor;
	}

	function checkUrl(url, field, required) {
		if (url === undefined || url === null) {
			if (required)
				throw unprocessable(`The ${field} is missing`, field);
			return;
		}
		try {
			const u = new URL(url);
			if (u.protocol === 'http:' || u.protocol === 'https:')
				return;
		} catch { /* falls through */ }
		throw unprocessable(`The ${field} is invalid`, field);
	}

	function create(b) {
		const minor = amountOf(b.amount, 'amount');
		if (minor <= 0)
			throw unprocessable('The amount is lower than minimum', 'amount');
		if (typeof b.description !== 'string' || !b.description.trim())
			throw unprocessable('The description is invalid', 'description');
		if (b.description.length > 255)
			throw unprocessable('The description is too long', 'description');
		checkUrl(b.redirectUrl, 'redirectUrl', true);
		checkUrl(b.cancelUrl, 'cancelUrl', false);
		checkUrl(b.webhookUrl, 'webhookUrl', false);
		if (b.metadata !== undefined && JSON.stringify(b.metadata).length > 1024)
			throw unprocessable('The metadata is too large; at most 1024 bytes are allowed', 'metadata');
		const id = 'tr_' + randomId('', 10, ID_CHARS);
		const p = { resource: 'payment', id, mode: 'test', createdAt: iso(), amount: { value: b.amount.value, currency: b.amount.currency },
			description: b.description, method: b.method ?? null, metadata: b.metadata ?? null, status: 'open', isCancelable: false,
			expiresAt: iso(Date.now() + 15 * 60000), profileId, sequenceType: 'oneoff', redirectUrl: b.redirectUrl,
			...(b.cancelUrl ? { cancelUrl: b.cancelUrl } : {}), ...(b.webhookUrl ? { webhookUrl: b.webhookUrl } : {}),
			...(b.locale ? { locale: b.locale } : {}), ...(b.billingEmail ? { billingEmail: b.billingEmail } : {}),
			_links: { self: { href: `${ctx.base}/v2/payments/${id}`, type: 'application/hal+json' },
				checkout: { href: `${ctx.base}/pay/mollie/${id}`, type: 'text/html' },
				dashboard: { href: `${ctx.base}/_sim/received?id=${id}`, type: 'text/html' },
				documentation: { href: 'https://docs.mollie.com/reference/create-payment', type: 'text/html' } } };
		payments.set(id, { p, minor, refunded: 0, refunds: [] });
		return p;
	}

	function get(id) {
		const e = payments.get(id);
		if (!e)
			throw new MollieError(404, 'Not Found', `No payment exists with token ${id}.`);
		return e;
	}

	function setStatus(e, status) {
		const p = e.p;
		p.status = status;
		delete p._links.checkout;
		const at = iso();
		if (status === 'paid') {
			Object.assign(p, { paidAt: at, method: p.method ?? 'ideal', amountRefunded: { value: formatDecimal(0, isoExponent(p.amount.currency)), currency: p.amount.currency },
				amountRemaining: { ...p.amount }, settlementAmount: { ...p.amount } });
			p.details = { consumerName: 'T. TEST', consumerAccount: 'NL72RABO0110438885', consumerBic: 'RABONL2U' };
		} else {
			p[{ failed: 'failedAt', canceled: 'canceledAt', expired: 'expiredAt' }[status]] = at;
		}
	}

	function refund(e, b, effect) {
		const p = e.p;
		if (effect)
			throw unprocessable(effect.message ?? 'The payment cannot be refunded at this moment: the balance is insufficient', 'amount');
		if (p.status !== 'paid')
			throw unprocessable(`The payment ${p.id} cannot be refunded: its status is ${p.status}`, undefined);
		const minor = amountOf(b.amount, 'amount');
		if (b.amount.currency !== p.amount.currency)
			throw unprocessable('The refund currency must be the same as the payment currency', 'amount.currency');
		const left = e.minor - e.refunded;
		if (minor <= 0)
			throw unprocessable('The amount is lower than minimum', 'amount');
		if (minor > left)
			throw unprocessable(`The amount requested to refund exceeds the remaining amount of the payment (${formatDecimal(left, isoExponent(p.amount.currency))} ${p.amount.currency})`, 'amount');
		e.refunded += minor;
		const exp = isoExponent(p.amount.currency);
		p.amountRefunded = { value: formatDecimal(e.refunded, exp), currency: p.amount.currency };
		p.amountRemaining = { value: formatDecimal(e.minor - e.refunded, exp), currency: p.amount.currency };
		p._links.refunds = { href: `${ctx.base}/v2/payments/${p.id}/refunds`, type: 'application/hal+json' };
		const id = 're_' + randomId('', 10, ID_CHARS);
		const r = { resource: 'refund', id, mode: 'test', description: b.description ?? '', amount: { value: b.amount.value, currency: b.amount.currency },
			status: 'pending', metadata: b.metadata ?? null, paymentId: p.id, createdAt: iso(),
			_links: { self: { href: `${ctx.base}/v2/payments/${p.id}/refunds/${id}`, type: 'application/hal+json' },
				payment: { href: `${ctx.base}/v2/payments/${p.id}`, type: 'application/hal+json' },
				documentation: { href: 'https://docs.mollie.com/reference/create-refund', type: 'text/html' } } };
		e.refunds.push(r);
		return r;
	}

	// A refund is "pending" when made and "refunded" once Mollie has processed it: here, by the next read.
	function processed(r) {
		const shown = structuredClone(r);
		r.status = 'refunded';
		return shown;
	}

	async function webhook(e, { hostedRedirect } = {}) {
		const p = e.p;
		if (!p.webhookUrl)
			return;
		const effect = ctx.rules.take('mollie', 'webhook', tagsOf(p)) ?? {};
		if (effect.withhold)
			return;
		const run = async () => {
			if (effect.delay_ms)
				await sleep(effect.delay_ms);
			for (let c = 0; c <= (effect.duplicate ?? 0); c++) {
				if (c && effect.duplicate_gap_ms)
					await sleep(effect.duplicate_gap_ms);
				await ctx.deliveries.post(p.webhookUrl, `id=${p.id}`, { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'Mollie.nl HTTP client/1.0' },
					{ provider: 'mollie', event_id: '', type: p.status, object_id: p.id });
			}
		};
		if (hostedRedirect && (effect.delay_ms || effect.after_redirect)) {
			run().catch(() => {});
			return;
		}
		await run();
	}

	function api(op, handler, tagsFor = () => ({})) {
		return async (req, res, params, body) => {
			try {
				const key = bearer(req);
				if (!key || (cfg.apiKey ? key !== cfg.apiKey : !/^test_\w{30,}$/.test(key)))
					throw new MollieError(401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate');
				let b = {};
				if (body) {
					const json = (req.headers['content-type'] ?? '').includes('json') || body.trimStart().startsWith('{');
					try {
						b = json ? JSON.parse(body) : parseBracketForm(body);
					} catch {
						throw new MollieError(400, 'Bad Request', 'The JSON could not be decoded');
					}
				}
				const effect = ctx.rules.take('mollie', op, tagsFor(b, params) || {}, isApiEffect);
				if (await applyApiEffect(effect, req, res, status => ({ status, title: 'Internal Server Error', detail: 'Simulated failure',
					_links: { documentation: { href: DOCS, type: 'text/html' } } })))
					return;
				const idemKey = req.method === 'POST' ? req.headers['idempotency-key'] : undefined;
				const print = fingerprint(req.method, req.url, body);
				if (idemKey) {
					const hit = ctx.idem.lookup('mollie:' + key, idemKey, print);
					if (hit && !hit.sameRequest)
						throw new MollieError(409, 'Conflict', 'The idempotency key has already been used for a different request');
					if (hit)
						return send(res, hit.status, hit.body, HAL);
				}
				let status, out;
				try {
					[status, out] = await handler(b, params, req);
				} catch (e) {
					if (!(e instanceof MollieError))
						throw e;
					[status, out] = [e.body.status, e.body];
				}
				if (idemKey)
					ctx.idem.save('mollie:' + key, idemKey, print, status, out);
				send(res, status, out, HAL);
			} catch (e) {
				if (e instanceof MollieError)
					send(res, e.body.status, e.body, HAL);
				else
					send(res, 500, { status: 500, title: 'Internal Server Error', detail: String(e.message) }, HAL);
			}
		};
	}

	const paymentTags = (b, { id }) => { const e = payments.get(id); return e ? tagsOf(e.p) : {}; };
	const r = ctx.router;
	r.add('POST', '/v2/payments', api('create', b => [201, create(b)],
		b => ({ description: b.description, reference: [b.description, ...Object.values(b.metadata ?? {}).filter(v => typeof v === 'string')], email: b.metadata?.email ?? b.billingEmail })));
	r.add('GET', '/v2/payments/:id', api('get', (b, { id }) => [200, get(id).p], paymentTags));
	r.add('POST', '/v2/payments/:id/refunds', api('refund', (b, { id }) => {
		const e = get(id);
		return [201, refund(e, b, ctx.rules.take('mollie', 'refund', tagsOf(e.p), x => !!x.refuse))];
	}, paymentTags));
	r.add('GET', '/v2/payments/:id/refunds', api('get', (b, { id }) => {
		const e = get(id);
		return [200, { count: e.refunds.length, _embedded: { refunds: e.refunds.map(processed) },
			_links: { self: { href: `${ctx.base}/v2/payments/${id}/refunds`, type: 'application/hal+json' }, previous: null, next: null,
				documentation: { href: 'https://docs.mollie.com/reference/list-refunds', type: 'text/html' } } }];
	}, paymentTags));
	r.add('GET', '/v2/payments/:id/refunds/:rid', api('get', (b, { id, rid }) => {
		const rf = get(id).refunds.find(x => x.id === rid);
		if (!rf)
			throw new MollieError(404, 'Not Found', `No refund exists with token ${rid}.`);
		return [200, processed(rf)];
	}, paymentTags));

	// The test-mode checkout: choose the outcome.
	r.add('GET', '/pay/mollie/:id', (req, res, { id }) => {
		const e = payments.get(id);
		if (!e)
			return send(res, 404, hostedPage('Mollie', ['This payment does not exist.'], []));
		if (e.p.status !== 'open')
			return send(res, 200, hostedPage('Mollie', [`This payment is ${e.p.status}.`], []));
		send(res, 200, hostedPage('Mollie test mode', [`${e.p.description}: ${e.p.amount.value} ${e.p.amount.currency}`, 'Select the payment status:'],
			['paid', 'failed', 'canceled', 'expired'].map(s => ({ action: `/pay/mollie/${id}`, label: s[0].toUpperCase() + s.slice(1), value: s }))));
	});
	r.add('POST', '/pay/mollie/:id', async (req, res, { id }, body) => {
		const e = payments.get(id);
		const choice = new URLSearchParams(body).get('choice');
		if (!e || e.p.status !== 'open' || !['paid', 'failed', 'canceled', 'expired'].includes(choice))
			return send(res, 409, hostedPage('Mollie', ['This payment cannot change now.'], []));
		setStatus(e, choice);
		await webhook(e, { hostedRedirect: true });
		redirect(res, 303, choice === 'canceled' && e.p.cancelUrl ? e.p.cancelUrl : e.p.redirectUrl);
	});
	// Control: a status change with no shopper at the page (an open payment expiring, say).
	r.add('POST', '/_sim/mollie/payments/:id/status', async (req, res, { id }, body) => {
		const e = payments.get(id);
		const status = JSON.parse(body || '{}').status;
		if (!e || e.p.status !== 'open' || !['paid', 'failed', 'canceled', 'expired'].includes(status))
			return send(res, 400, { error: 'needs an open payment and status paid|failed|canceled|expired' });
		setStatus(e, status);
		await webhook(e);
		send(res, 200, e.p);
	});

	function received(filter) {
		return [...payments.values()].filter(e => filterMatch(filter, tagsOf(e.p))).map(e => ({
			id: e.p.id, status: e.p.status, amount: e.p.amount, description: e.p.description, metadata: e.p.metadata,
			redirectUrl: e.p.redirectUrl, webhookUrl: e.p.webhookUrl ?? null, refunded: e.refunded,
			refunds: e.refunds.map(x => ({ id: x.id, amount: x.amount, status: x.status })) }));
	}

	return { received };
}
