// search.js: product titles suggested as a search box is typed in (a datalist the browser shows),
// from /search/suggest.json. Without this file the box is a plain form that searches on submit.
(() => {
	const WAIT_MS = 150;
	for (const input of document.querySelectorAll('input[data-suggest]')) {
		const list = document.createElement('datalist');
		list.id = `${input.id}-suggestions`;
		input.after(list);
		input.setAttribute('list', list.id);
		let timer = 0;
		let asked = '';
		// A search sent needs no more suggestions.
		input.form?.addEventListener('submit', () => clearTimeout(timer));
		input.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(async () => {
				const q = input.value.trim();
				if (q.length < 3 || q === asked)
					return;
				asked = q;
				try {
					const res = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(q)}`, { credentials: 'omit' });
					if (!res.ok)
						return;
					const { products } = await res.json();
					list.replaceChildren(...products.map((p) => {
						const o = document.createElement('option');
						o.value = p.title;
						return o;
					}));
				} catch {
					// Offline or refused: the box still searches on submit.
				}
			}, WAIT_MS);
		});
	}
})();
