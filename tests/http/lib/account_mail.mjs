// account_mail.mjs: the one-time links the studio mails (sign-in, password reset), read from the outbox
// as the mail sender would find them.
import { lit, sql } from './fulfilment.mjs';

// The path (/login/link/TOKEN, /login/reset/TOKEN or /login/verify/TOKEN) of the latest link of that kind mailed to email,
// or undefined when none was queued.
export function mailedLink(email, kind) {
	const rows = sql(`SELECT REGEXP_SUBSTR(body_text, 'https?://[^[:space:]]+/login/${kind}/[A-Za-z0-9_-]+')
		FROM outbox WHERE to_addr = ${lit(email)} AND body_text LIKE ${lit(`%/login/${kind}/%`)} ORDER BY id DESC LIMIT 1`);
	const url = rows[0]?.[0];
	return url ? new URL(url).pathname : undefined;
}

// How many mails were queued to email, of those with this subject if one is given.
export function mailCount(email, subject) {
	const which = subject === undefined ? '' : ` AND subject = ${lit(subject)}`;
	return Number(sql(`SELECT COUNT(*) FROM outbox WHERE to_addr = ${lit(email)}${which}`)[0][0]);
}

// Every link of the account not yet used is made to have expired a second ago.
export function expireLinks(email) {
	sql(`UPDATE account_tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND
		WHERE used_at IS NULL AND user_id = (SELECT id FROM users WHERE email = ${lit(email)})`);
}

export { lit, sql };
