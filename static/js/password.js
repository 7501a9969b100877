// password.js: a "Show password" switch beside every password field, and under a new password a
// line saying how it measures against the rule (12 characters at least, counted as the server
// counts them) and how to make it stronger (ASVS 2.1.8, 2.1.12). Without this file the fields work
// as before, and the server applies the rule either way.
(() => {
	// Characters as the server counts them: code points, a run of spaces as one.
	const length = (s) => [...s.replace(/ {2,}/g, ' ')].length;
	for (const input of document.querySelectorAll('input[type="password"]')) {
		if (input.dataset.enhanced)
			continue;
		input.dataset.enhanced = 'yes';
		const reveal = document.createElement('label');
		reveal.className = 'password-reveal';
		const box = document.createElement('input');
		box.type = 'checkbox';
		box.addEventListener('change', () => {
			input.type = box.checked ? 'text' : 'password';
		});
		reveal.append(box, ' Show password');
		input.after(reveal);
		// Sent masked, so the browser offers to save it as a password.
		input.form?.addEventListener('submit', () => {
			input.type = 'password';
			box.checked = false;
		});
		if (input.autocomplete !== 'new-password')
			continue;
		const meter = document.createElement('p');
		meter.className = 'hint password-meter';
		meter.id = `${input.id}-meter`;
		meter.setAttribute('aria-live', 'polite');
		// After the field's own hint, so the rule reads first and the verdict on it second.
		const hint = document.getElementById((input.getAttribute('aria-describedby') ?? '').split(' ')[0]);
		(hint && input.closest('.field')?.contains(hint) ? hint : reveal).after(meter);
		input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${meter.id}`.trim());
		const min = input.minLength > 0 ? input.minLength : 12;
		const email = input.form?.querySelector('input[type="email"]');
		const say = () => {
			const v = input.value, n = length(v), missing = min - n;
			if (!v)
				meter.textContent = '';
			else if (missing > 0)
				meter.textContent = `Too short: ${missing} more character${missing === 1 ? '' : 's'}.`;
			else if (email && v.toLowerCase() === email.value.trim().toLowerCase())
				meter.textContent = 'Your password cannot be your email address.';
			else if (n < 16)
				meter.textContent = 'Long enough. Another word or a few more characters make it stronger.';
			else
				meter.textContent = 'Strong: a long password is the hardest to guess.';
			meter.dataset.level = !v ? '' : missing > 0 ? 'short' : n < 16 ? 'fair' : 'strong';
		};
		input.addEventListener('input', say);
		say();
	}
})();
