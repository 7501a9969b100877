// chromium.mjs: what every browser test starts from: the site under test, the screenshot folder,
// and Debian's Chromium launched with the flags that work on these machines.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8370').replace(/\/+$/, '');
export const SHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

// playwright's own browser download does not work here; without the background-networking flags
// Chromium's own connections are refused by the machine's closed network, many at a time.
export function launchChromium(extraArgs = []) {
	return chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
	});
}
