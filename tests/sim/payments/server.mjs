// server.mjs: the payment provider simulator for tests and development: Stripe, PayPal and Mollie
// on one port, told apart by path as on the real hosts (/v1/checkout..., /v1/refunds... Stripe;
// /v1/oauth2, /v1/notifications, /v2/checkout/orders, /v2/payments/captures... PayPal;
// /v2/payments and /v2/payments/{tr_...}... Mollie), their hosted pages under /pay/<provider>/,
// and a control API under /_sim/ (misbehaviour rules, what was received, webhook deliveries,
// the event storm). Read docs/PAYMENTS.md ("The simulator") for how the tests use it.
//
// usage: node tests/sim/payments/server.mjs --port 8296 --stripe-webhook-url URL --stripe-webhook-secret whsec_...
//        (every flag also reads from the environment: --stripe-webhook-url is SIM_STRIPE_WEBHOOK_URL)
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { Deliveries, filterMatch, IdempotencyStore, readBody, Router, Rules, send } from './http.mjs';
import { createMollie } from './mollie.mjs';
import { createPayPal } from './paypal.mjs';
import { createStripe } from './stripe.mjs';

const FLAGS = ['port', 'host', 'public-base', 'stripe-secret-key', 'stripe-webhook-url', 'stripe-webhook-secret',
	'paypal-client-id', 'paypal-client-secret', 'paypal-webhook-id', 'paypal-webhook-url', 'paypal-token-ttl', 'mollie-api-key'];

export function configFrom(argv = process.argv.slice(2), env = process.env) {
	const o = {};
	for (const f of FLAGS)
		o[f] = env['SIM_' + f.toUpperCase().replace(/-/g, '_')];
	for (let i = 0; i < argv.length; i++) {
		const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!m || !FLAGS.includes(m[1]))
			throw new Error(`unknown argument ${argv[i]} (flags: ${FLAGS.map(f => '--' + f).join(' ')})`);
		o[m[1]] = m[2] ?? argv[++i];
	}
	return {
		port: Number(o.port ?? 0), host: o.host ?? '127.0.0.1', publicBase: o['public-base'],
		stripe: { secretKey: o['stripe-secret-key'], webhookUrl: o['stripe-webhook-url'],
			webhookSecrets: o['stripe-webhook-secret'] ? o['stripe-webhook-secret'].split(',') : [] },
		paypal: { clientId: o['paypal-client-id'], clientSecret: o['paypal-client-secret'], webhookId: o['paypal-webhook-id'],
			webhookUrl: o['paypal-webhook-url'], tokenTtl: Number(o['paypal-token-ttl'] ?? 32400) },
		mollie: { apiKey: o['mollie-api-key'] },
	};
}

export async function startSim(config) {
	const router = new Router();
	const ctx = { config, router, rules: new Rules(), idem: new IdempotencyStore(), deliveries: new Deliveries(), base: null, requests: [] };
	const server = http.createServer(async (req, res) => {
		const path = req.url.split('?')[0];
		try {
			const body = await readBody(req);
			if (!path.startsWith('/_sim/')) {
				ctx.requests.push({ method: req.method, path, idempotency_key: req.headers['idempotency-key'] ?? req.headers['paypal-request-id'] ?? null,
					at: new Date().toISOString() });
				if (ctx.requests.length > 50000)
					ctx.requests.splice(0, 10000);
			}
			const m = router.match(req.method, path);
			if (!m.handler)
				return send(res, m.pathMatched ? 405 : 404, { error: `${req.method} ${path}: ${m.pathMatched ? 'method not allowed' : 'no such route'}` });
			await m.handler(req, res, m.params, body);
		} catch (e) {
			if (!res.headersSent)
				send(res, e.status ?? 500, { error: String(e.message) });
		}
	});
	// Test files block their event loop in crowdcartctl runs of several seconds; a connection the sim
	// closed meanwhile (node's default: idle for 5 s) is then reused by their fetch and fails, so idle
	// connections are kept for a minute (real providers keep them far longer than 5 s too).
	server.keepAliveTimeout = 60000;
	server.headersTimeout = 65000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, resolve);
	});
	const { port } = server.address();
	ctx.base = config.publicBase ?? `http://${config.host}:${port}`;
	const providers = { stripe: createStripe(ctx), paypal: createPayPal(ctx), mollie: createMollie(ctx) };
	control(ctx, providers);
	return {
		url: `http://${config.host}:${port}`, port, ctx, providers,
		close: () => new Promise(resolve => { server.closeAllConnections(); server.close(resolve); }),
	};
}

function control(ctx, providers) {
	const r = ctx.router;
	const json = body => JSON.parse(body || '{}');
	const query = req => Object.fromEntries(new URL(req.url, 'http://x').searchParams);
	r.add('GET', '/_sim/health', (req, res) => send(res, 200, { ok: true, providers: Object.keys(providers) }));
	r.add('POST', '/_sim/rules', (req, res, p, body) => {
		try {
			send(res, 201, ctx.rules.add(json(body)));
		} catch (e) {
			send(res, 400, { error: e.message });
		}
	});
	r.add('GET', '/_sim/rules', (req, res) => send(res, 200, ctx.rules.list()));
	r.add('DELETE', '/_sim/rules/:id', (req, res, { id }) => { ctx.rules.remove(Number(id)); send(res, 204, ''); });
	// What the providers were asked to charge and refund, filtered by reference, email or id.
	r.add('GET', '/_sim/received', (req, res) => {
		const { provider, ...filter } = query(req);
		const out = {};
		for (const [name, p] of Object.entries(providers))
			if (!provider || provider === name)
				out[name] = p.received(filter);
		send(res, 200, out);
	});
	r.add('GET', '/_sim/deliveries', (req, res) => send(res, 200, ctx.deliveries.log.filter(d => filterMatch(query(req), d))));
	r.add('GET', '/_sim/requests', (req, res) => {
		const { path_prefix: prefix } = query(req);
		send(res, 200, ctx.requests.filter(x => !prefix || x.path.startsWith(prefix)));
	});
	r.add('POST', '/_sim/storm', async (req, res, p, body) => {
		const { provider = 'stripe', ...opts } = json(body);
		if (!providers[provider]?.storm)
			return send(res, 400, { error: `no storm for ${provider}` });
		send(res, 200, await providers[provider].storm(opts));
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const sim = await startSim(configFrom());
	console.log(`payment simulator listening on ${sim.url}`);
	for (const sig of ['SIGTERM', 'SIGINT'])
		process.on(sig, () => sim.close().then(() => process.exit(0)));
}
