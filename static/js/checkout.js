// checkout.js: a second click on "Place order" while the first is on its way does nothing.
// Only a courtesy: the server's one-time token already turns repeats into the same order.
document.addEventListener('submit', (e) => {
	const form = e.target;
	if (!(form instanceof HTMLFormElement) || !form.querySelector('button[data-once]'))
		return;
	if (form.getAttribute('aria-busy') === 'true') {
		e.preventDefault();
		return;
	}
	form.setAttribute('aria-busy', 'true');
});
