// money.mjs: currency exponents as each provider applies them, and decimal strings <-> minor units.

// ISO 4217 exponents other than 2, for the currencies a shop is likely to use.
const ISO_EXPONENT = { BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0,
	UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3 };

export function isoExponent(code) { return ISO_EXPONENT[code.toUpperCase()] ?? 2; }

// Stripe's published zero-decimal currencies: amounts are whole units (documented list).
export const STRIPE_ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf',
	'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

// Stripe's minimum charge for the currencies the tests use (its "minimum and maximum charge amounts").
export const STRIPE_MINIMUM = { usd: 50, eur: 50, gbp: 30, jpy: 50, cad: 50, aud: 50, chf: 50 };

export const STRIPE_CURRENCIES = new Set(['usd', 'eur', 'gbp', 'jpy', 'cad', 'aud', 'chf', 'sek', 'nok', 'dkk', 'pln',
	'czk', 'huf', 'nzd', 'sgd', 'hkd', 'mxn', 'brl', 'krw', 'clp', 'ron', 'bgn', 'isk', 'ils', 'inr', 'try', 'zar']);

// PayPal's currency codes table: these three take no decimals.
export const PAYPAL_EXPONENT = { HUF: 0, JPY: 0, TWD: 0 };
export const PAYPAL_CURRENCIES = new Set(['AUD', 'BRL', 'CAD', 'CNY', 'CZK', 'DKK', 'EUR', 'HKD', 'HUF', 'ILS', 'JPY',
	'MYR', 'MXN', 'TWD', 'NZD', 'NOK', 'PHP', 'PLN', 'GBP', 'SGD', 'SEK', 'CHF', 'THB', 'USD']);
export function paypalExponent(code) { return PAYPAL_EXPONENT[code] ?? 2; }

export const MOLLIE_CURRENCIES = new Set(['AED', 'AUD', 'BGN', 'BRL', 'CAD', 'CHF', 'CZK', 'DKK', 'EUR', 'GBP', 'HKD',
	'HUF', 'ILS', 'ISK', 'JPY', 'MXN', 'MYR', 'NOK', 'NZD', 'PHP', 'PLN', 'RON', 'RUB', 'SEK', 'SGD', 'THB', 'TWD', 'USD', 'ZAR']);

// "10.00" with exactly `exponent` decimals -> 1000; anything else (10.0, 10, 1e3, -1.00) -> null.
export function parseDecimal(value, exponent) {
	if (typeof value !== 'string')
		return null;
	const re = exponent === 0 ? /^(\d{1,15})$/ : new RegExp(`^(\\d{1,15})\\.(\\d{${exponent}})$`);
	const m = re.exec(value);
	if (!m)
		return null;
	return Number(m[1]) * 10 ** exponent + (exponent ? Number(m[2]) : 0);
}

export function formatDecimal(minor, exponent) {
	if (exponent === 0)
		return String(minor);
	const s = String(Math.abs(minor)).padStart(exponent + 1, '0');
	return (minor < 0 ? '-' : '') + s.slice(0, -exponent) + '.' + s.slice(-exponent);
}
