// openapi.test.mjs: docs/openapi.yaml is a valid OpenAPI 3.1 document (checked by a real schema
// validator), and it documents exactly the routes src/api/main.c serves, no more and no fewer.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import YAML from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = `${ROOT}docs/openapi.yaml`;

test('docs/openapi.yaml validates against the OpenAPI 3.1 schema', async () => {
	const validator = new Validator();
	const res = await validator.validate(DOC);
	assert.equal(validator.version, '3.1', 'the document is OpenAPI 3.1');
	assert.ok(res.valid, JSON.stringify(res.errors, null, 2));
});

test('the validator does refuse a broken document', async () => {
	const res = await new Validator().validate({ openapi: '3.1.0', info: { title: 'x' }, paths: { '/a': { get: { responses: 5 } } } });
	assert.equal(res.valid, false);
});

test('every route of the API program is documented, and nothing else', () => {
	const doc = YAML.parse(fs.readFileSync(DOC, 'utf8'));
	const documented = new Set();
	for (const [path, item] of Object.entries(doc.paths))
		for (const m of ['get', 'post', 'put', 'patch', 'delete'])
			if (item[m])
				documented.add(`${m.toUpperCase()} ${item.servers?.[0].url ?? '/api/v1'}${path}`);
	const src = fs.readFileSync(`${ROOT}src/api/main.c`, 'utf8');
	const served = new Set();
	for (const m of src.matchAll(/\.pat = \{ HTTP_(GET|POST|PUT|PATCH|DELETE), "([^"]+)" \}/g))
		served.add(`${m[1]} ${m[2]}`);
	assert.ok(served.size > 0);
	assert.deepEqual([...documented].sort(), [...served].sort());
});
