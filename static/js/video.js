// video.js: on a shoppable video page, highlights the card of the product shown at the current
// moment, shows a "Shop" overlay over the player that jumps to it, and adds to the cart with fetch
// so the video keeps playing. Without this file the cards and their forms work as they are.
(() => {
	const player = document.getElementById('video-player');
	const overlay = document.getElementById('video-overlay');
	const status = document.getElementById('video-status');
	const cards = [...document.querySelectorAll('.video-card')];
	if (!player)
		return;

	let current = null;
	function update() {
		const t = player.currentTime;
		const now = cards.find((c) => t >= Number(c.dataset.start) && t < Number(c.dataset.end)) ?? null;
		if (now === current)
			return;
		if (current)
			current.classList.remove('is-now');
		current = now;
		if (now) {
			now.classList.add('is-now');
			const title = now.querySelector('.card-title')?.textContent ?? '';
			overlay.textContent = `Shop: ${title}`;
			overlay.href = `#${now.id}`;
			overlay.hidden = false;
		} else {
			overlay.hidden = true;
		}
	}
	player.addEventListener('timeupdate', update);
	player.addEventListener('seeked', update);

	// The add answers with a redirect to the cart page; its header carries the new item count.
	function refreshCount(html) {
		const doc = new DOMParser().parseFromString(html, 'text/html');
		const fresh = doc.querySelector('.site-nav a[href="/cart"]');
		const link = document.querySelector('.site-nav a[href="/cart"]');
		if (fresh && link)
			link.replaceChildren(...fresh.childNodes);
	}

	document.addEventListener('submit', async (e) => {
		const form = e.target;
		if (!(form instanceof HTMLFormElement) || !form.classList.contains('video-buy'))
			return;
		e.preventDefault();
		const button = form.querySelector('button');
		button.disabled = true;
		try {
			const res = await fetch(form.action, {
				method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
			});
			const title = form.closest('.video-card')?.querySelector('.card-title')?.textContent ?? 'It';
			if (res.ok) {
				status.textContent = `${title} is in your cart.`;
				form.closest('.video-card')?.classList.add('is-added');
				refreshCount(await res.text());
			} else {
				status.textContent = `Sorry, ${title} could not be added (${res.status}). Open the product to choose another option.`;
			}
		} catch {
			form.submit();	// offline or blocked: the ordinary form post still works
		} finally {
			button.disabled = false;
		}
	});
})();
