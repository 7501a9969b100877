// outage.mjs: the end of a test that stopped MariaDB. A worker that met the outage waits up to a
// second before it connects again (db.c's backoff), so one 200 from one worker does not mean the
// next test file will get one: before giving the database back, every worker of every program must
// answer. Concurrent bursts spread the requests over all of a program's workers.
import { Client } from './http.mjs';
import { until } from './eventually.mjs';

const PATHS = ['/_health', '/studio/_health', '/api/_health'];
const BURST = 32;	// more than a program's workers (cores + 1, src/web/worker.c) on the machines that run the suites

function burst(path) {
	return Promise.all(Array.from({ length: BURST },
		() => new Client().get(path).catch(() => ({ status: 0 }))));
}

// Resolves once two bursts in a row of every program's health check all answer 200.
export async function everyWorkerBack({ timeout = 20_000 } = {}) {
	for (const path of PATHS)
		for (let round = 0; round < 2; round++)
			await until(() => burst(path), (answers) => answers.every((res) => res.status === 200),
				{ timeout, interval: 200 });
}
