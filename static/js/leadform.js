// leadform.js: shows and hides a lead form's conditional questions as the answers change, by the
// rule of src/domain/leads/lead_condition.c. Without this file the server asks a newly shown
// question as a next step; with it, a hidden question's inputs are disabled, so its answers and
// its "shown" marker are not sent, and the server drops them anyway.
(() => {
	const form = document.querySelector('form[data-leadform]');
	if (!form)
		return;
	const conditional = [...form.querySelectorAll('[data-show-if]')];
	const answers = (name) => [...form.elements]
		.filter((e) => e.name === name && !e.disabled && (e.type !== 'radio' && e.type !== 'checkbox' || e.checked))
		.map((e) => e.value);
	const update = () => {
		// In page order: a question's source comes before it, so its state is already settled.
		for (const field of conditional) {
			const values = field.dataset.showValues.split('\n').map((v) => v.replace(/\r$/, ''));
			const show = answers(field.dataset.showIf).some((v) => values.includes(v));
			field.hidden = !show;
			for (const input of field.querySelectorAll('input, select, textarea'))
				input.disabled = !show;
		}
	};
	form.addEventListener('change', update);
	update();
})();
