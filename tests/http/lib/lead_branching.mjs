// lead_branching.mjs: a live lead form with conditional questions, for the HTTP and browser tests.
import assert from 'node:assert/strict';
import { brandWithForm } from './leads.mjs';

// A live form: "Who are you?" (Person / Business), then "Team size" only for a business (required),
// then "Enterprise contact" only for a team of 50+; returns brandWithForm's result.
export async function branchingForm() {
	const f = await brandWithForm({ fields: [
		{ type: 'email', label: 'Email', required: 'yes' },
		{ type: 'choice', label: 'Who are you?', options: 'Person\nBusiness', required: 'yes' },
	] });
	const edit = await f.brand.get(f.formPath);
	const who = /<option value="(\d+)">Who are you\?<\/option>/.exec(edit.body)[1];
	const size = await f.brand.submit(`${f.formPath}/fields`, { type: 'choice', label: 'Team size', options: '1-49\n50+',
		required: 'yes', position: '5', show_if_field: who, show_if_options: 'Business' }, { formPath: f.formPath });
	assert.equal(size.status, 303);
	const sizeId = /<option value="(\d+)">Team size<\/option>/.exec((await f.brand.get(f.formPath)).body)[1];
	const ent = await f.brand.submit(`${f.formPath}/fields`, { type: 'text', label: 'Enterprise contact', position: '6',
		show_if_field: sizeId, show_if_options: '50+' }, { formPath: f.formPath });
	assert.equal(ent.status, 303);
	return { ...f, who };
}
