// make_env.test.mjs: the Makefile variables the README documents (PORT, DB_PORT, and VAR for
// where state lives) are taken from the environment as written (`PORT=9090 make run`), not only
// from make's command line. Reads what make would run (make -n), so nothing is started.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { ROOT } from './lib/http.mjs';

// What `make -n TARGET` prints with env on top of this process's environment (undefined: unset),
// minus what an enclosing make (make test) passes down, which would stand in for the command line.
function planned(target, env, args = []) {
	const { MAKEFLAGS, MFLAGS, MAKELEVEL, ...outer } = process.env;
	const merged = Object.fromEntries(Object.entries({ ...outer, ...env }).filter(([, v]) => v !== undefined));
	return execFileSync('make', ['-n', '--no-print-directory', target, ...args], { cwd: ROOT, env: merged, encoding: 'utf8' });
}

test('PORT=9090 DB_PORT=4444 make run: the database, the web server and the printed address use them', () => {
	const plan = planned('run', { PORT: '9090', DB_PORT: '4444', VAR: 'var' });
	assert.match(plan, /^VAR=var DB_PORT=4444 scripts\/db\.sh start$/m);
	assert.match(plan, /^VAR=var DB_PORT=4444 scripts\/db\.sh grants$/m);
	assert.match(plan, /^VAR=var PORT=9090 scripts\/web\.sh start lighttpd$/m);
	assert.match(plan, /http:\/\/127\.0\.0\.1:9090\/@lena/);
	assert.doesNotMatch(plan, /PORT=8080|DB_PORT=3307/);
});

test('without them, make run keeps its defaults: 8080, 3307 and var/', () => {
	const plan = planned('run', { PORT: undefined, DB_PORT: undefined, VAR: undefined });
	assert.match(plan, /^VAR=var DB_PORT=3307 scripts\/db\.sh start$/m);
	assert.match(plan, /^VAR=var PORT=8080 scripts\/web\.sh start lighttpd$/m);
});

test('VAR from the environment moves the state of make run and make stop together', () => {
	const env = { VAR: 'var/elsewhere', PORT: '9191', DB_PORT: '4545' };
	assert.match(planned('run', env), /^bin\/crowdcartctl --conf var\/elsewhere\/crowdcart\.conf migrate$/m);
	const stop = planned('stop', env);
	assert.match(stop, /^VAR=var\/elsewhere scripts\/web\.sh stop$/m);
	assert.match(stop, /^VAR=var\/elsewhere scripts\/db\.sh stop$/m);
});

test('the command line still wins over the environment', () => {
	const plan = planned('run', { PORT: '9090' }, ['PORT=9292']);
	assert.match(plan, /^VAR=\S+ PORT=9292 scripts\/web\.sh start lighttpd$/m);
});
