// server.mjs: a small SMTP server for the mail tests: it speaks enough of RFC 5321 for libcurl
// (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT), offers
// STARTTLS only when given a key and certificate (tls: { key, cert }), keeps what it received in
// memory (each message says whether it came over TLS), and answers some recipients as a real server would
// answer trouble: a local part starting "defer-" gets 451 the first time it is seen, one starting
// "reject-" gets 550 every time.
import net from 'node:net';
import tls from 'node:tls';

export async function startSmtp({ port, host = '127.0.0.1', user = 'crowdcart', password = 'smtp-test-password', tls: keys = null }) {
	const secureContext = keys && tls.createSecureContext(keys);
	const messages = [];
	const logins = [];
	const deferred = new Set();
	const server = net.createServer((socket) => session(socket));
	const sockets = new Set();

	function session(plain) {
		let socket = plain;
		sockets.add(plain);
		plain.on('close', () => sockets.delete(plain));
		plain.on('error', () => {});
		let buffered = '';
		let state = { from: null, to: [], data: null, authUser: null, pendingAuth: null, tls: false };
		const say = (line) => socket.write(`${line}\r\n`);
		const read = (chunk) => {
			buffered += chunk.toString('latin1');
			let nl;
			while ((nl = buffered.indexOf('\r\n')) >= 0) {
				const line = buffered.slice(0, nl);
				buffered = buffered.slice(nl + 2);
				handle(line);
			}
		};
		say('220 crowdcart-test-smtp ESMTP');
		plain.on('data', read);

		// RFC 3207: after 220 the dialogue starts again over TLS, forgetting what came before.
		function startTls() {
			say('220 2.0.0 Ready to start TLS');
			plain.removeListener('data', read);
			buffered = '';
			socket = new tls.TLSSocket(plain, { isServer: true, secureContext });
			socket.on('error', () => {});
			socket.on('data', read);
			state = { from: null, to: [], data: null, authUser: null, pendingAuth: null, tls: true };
		}

		function login(u, p) {
			logins.push({ user: u, ok: u === user && p === password });
			if (u === user && p === password) {
				state.authUser = u;
				say('235 2.7.0 Authentication successful');
			} else {
				say('535 5.7.8 Authentication credentials invalid');
			}
		}

		function handle(line) {
			if (state.data !== null) {
				if (line === '.') {
					// The message as sent (latin1 kept the bytes; utf8 for the test to read).
					const raw = Buffer.from(state.data.join('\r\n') + '\r\n', 'latin1');
					messages.push({ from: state.from, to: state.to, authUser: state.authUser, tls: state.tls, raw,
						text: raw.toString('utf8') });
					state = { ...state, from: null, to: [], data: null };
					say('250 2.0.0 Ok: queued');
				} else {
					state.data.push(line.startsWith('.') ? line.slice(1) : line);
				}
				return;
			}
			if (state.pendingAuth === 'plain') {
				state.pendingAuth = null;
				const [, u, p] = Buffer.from(line, 'base64').toString('utf8').split('\0');
				return login(u, p);
			}
			if (state.pendingAuth === 'login-user') {
				state.pendingAuth = { user: Buffer.from(line, 'base64').toString('utf8') };
				return say('334 UGFzc3dvcmQ6');
			}
			if (state.pendingAuth?.user !== undefined) {
				const u = state.pendingAuth.user;
				state.pendingAuth = null;
				return login(u, Buffer.from(line, 'base64').toString('utf8'));
			}
			const [verb, ...rest] = line.split(' ');
			const arg = rest.join(' ');
			switch (verb.toUpperCase()) {
			case 'EHLO':
				return socket.write(`250-crowdcart-test-smtp\r\n${secureContext && !state.tls ? '250-STARTTLS\r\n' : ''}`
					+ '250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n');
			case 'STARTTLS':
				if (!secureContext || state.tls)
					return say('502 5.5.1 STARTTLS not offered');
				return startTls();
			case 'HELO':
				return say('250 crowdcart-test-smtp');
			case 'AUTH': {
				const [mech, initial] = arg.split(' ');
				if (/^plain$/i.test(mech)) {
					if (!initial) {
						state.pendingAuth = 'plain';
						return say('334 ');
					}
					const [, u, p] = Buffer.from(initial, 'base64').toString('utf8').split('\0');
					return login(u, p);
				}
				if (/^login$/i.test(mech)) {
					if (initial) {
						state.pendingAuth = { user: Buffer.from(initial, 'base64').toString('utf8') };
						return say('334 UGFzc3dvcmQ6');
					}
					state.pendingAuth = 'login-user';
					return say('334 VXNlcm5hbWU6');
				}
				return say('504 5.5.4 Unrecognized authentication type');
			}
			case 'MAIL':
				state.from = /<([^>]*)>/.exec(arg)?.[1] ?? '';
				state.to = [];
				return say('250 2.1.0 Ok');
			case 'RCPT': {
				const to = /<([^>]*)>/.exec(arg)?.[1] ?? '';
				if (to.startsWith('reject-'))
					return say('550 5.1.1 No such user here');
				if (to.startsWith('defer-') && !deferred.has(to)) {
					deferred.add(to);
					return say('451 4.3.0 Try again later');
				}
				state.to.push(to);
				return say('250 2.1.5 Ok');
			}
			case 'DATA':
				if (!state.to.length)
					return say('554 5.5.1 No valid recipients');
				state.data = [];
				return say('354 End data with <CR><LF>.<CR><LF>');
			case 'RSET':
				state = { ...state, from: null, to: [], data: null };
				return say('250 2.0.0 Ok');
			case 'NOOP':
				return say('250 2.0.0 Ok');
			case 'QUIT':
				say('221 2.0.0 Bye');
				return socket.end();
			default:
				return say('502 5.5.2 Command not recognized');
			}
		}
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	return {
		port: server.address().port,
		messages,
		logins,
		// The messages received for one recipient.
		to: (addr) => messages.filter((m) => m.to.includes(addr)),
		close: () => new Promise((resolve) => {
			for (const s of sockets)
				s.destroy();
			server.close(resolve);
		}),
	};
}
