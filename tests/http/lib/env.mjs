// env.mjs: where the stack under test is, from the variables tests/run.sh exports (defaults: the t-http stack).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8370').replace(/\/+$/, '');
export const SERVER = process.env.SERVER ?? 'lighttpd';
export const ROOT = process.env.ROOT ?? fileURLToPath(new URL('../../..', import.meta.url));
export const VAR = path.resolve(ROOT, process.env.VAR ?? 'var');
