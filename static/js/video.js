// video.js: on a shoppable video page, highlights the card of the product shown at the current
// moment, shows a "Shop" overlay over the player that jumps to it, shows each hotspot (a dot at its
// place in the frame) during its tag's time range and opens the product's card in a dialog when it
// is tapped, shows the video's products over the last frame when it ends, and adds to the cart with
// fetch into the cart drawer so the video keeps playing. Without this file the cards and their
// forms work as they are, and the add comes back to the page with the drawer open.
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

	// Hotspots: placed by their percentages (the CSP allows no style attribute in the markup), shown
	// while the current time is in their range.
	const spots = [...document.querySelectorAll('.video-spot')];
	for (const s of spots) {
		s.style.left = `${s.dataset.x}%`;
		s.style.top = `${s.dataset.y}%`;
	}
	function showSpots() {
		const t = player.currentTime;
		for (const s of spots)
			s.hidden = !(t >= Number(s.dataset.start) && t < Number(s.dataset.end));
	}
	player.addEventListener('timeupdate', showSpots);
	player.addEventListener('seeked', showSpots);
	player.addEventListener('loadedmetadata', showSpots);

	// A tapped hotspot opens its product's card in a dialog: the card itself moves in (so its form,
	// picker and ids stay one of a kind) and goes back to its place when the dialog closes.
	const dialog = document.getElementById('video-spot-dialog');
	let moved = null;
	function openCard(card) {
		if (!dialog || typeof dialog.showModal !== 'function')
			return false;
		player.pause();
		const mark = document.createComment('card');
		card.before(mark);
		moved = { card, mark };
		dialog.prepend(card);
		card.classList.add('is-open');
		dialog.showModal();
		return true;
	}
	dialog?.addEventListener('close', () => {
		if (!moved)
			return;
		moved.card.classList.remove('is-open');
		moved.mark.replaceWith(moved.card);
		moved = null;
	});
	for (const s of spots) {
		s.addEventListener('click', (e) => {
			const card = document.getElementById(s.dataset.card);
			if (card && openCard(card))
				e.preventDefault();
		});
	}

	// When the video ends: its products over the last frame, a row to swipe, and a way to watch again.
	const endcard = document.getElementById('video-endcard');
	function showEndcard() {
		if (!endcard || !cards.length)
			return;
		const heading = document.createElement('p');
		heading.className = 'video-endcard-title';
		heading.textContent = 'Shop this video';
		const list = document.createElement('ul');
		list.className = 'video-endcard-row';
		for (const c of cards) {
			const li = document.createElement('li');
			const link = c.querySelector('.card-link').cloneNode(true);
			const price = c.querySelector('.price')?.cloneNode(true);
			if (price) {
				price.removeAttribute('id');	// the card's own keeps following its picker
				link.append(price);
			}
			li.append(link);
			list.append(li);
		}
		const again = document.createElement('button');
		again.type = 'button';
		again.className = 'button secondary video-endcard-again';
		again.textContent = 'Watch again';
		again.addEventListener('click', () => {
			endcard.hidden = true;
			player.currentTime = 0;
			player.play();
		});
		endcard.replaceChildren(heading, list, again);
		endcard.hidden = false;
	}
	player.addEventListener('ended', showEndcard);
	player.addEventListener('play', () => { if (endcard) endcard.hidden = true; });

	// The add answers with a redirect back to this page; its header carries the new item count and
	// its cart drawer the new lines.
	function refresh(html) {
		const doc = new DOMParser().parseFromString(html, 'text/html');
		const fresh = doc.querySelector('.site-nav a[href="/cart"]');
		const link = document.querySelector('.site-nav a[href="/cart"]');
		if (fresh && link)
			link.replaceChildren(...fresh.childNodes);
		const drawer = doc.getElementById('cart-drawer');
		const mine = document.getElementById('cart-drawer');
		if (!drawer)
			return;
		drawer.open = true;
		if (mine)
			mine.replaceWith(drawer);
		else
			document.querySelector('.video-page')?.append(drawer);
	}

	// "Large / Moss": the values of a picker's option groups, or the chosen variant's name.
	function chosenName(form) {
		const values = [...form.querySelectorAll('input[name^="option"]:checked, select[name^="option"]')].map((el) => el.value);
		if (values.length)
			return values.join(' / ');
		const chosen = form.querySelector('input[name="variant"]:checked, select[name="variant"]');
		return chosen?.closest('label')?.querySelector('.choice-name')?.textContent
			?? chosen?.selectedOptions?.[0]?.textContent.split(' — ')[0] ?? '';
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
			const card = form.closest('.video-card');
			const title = card?.querySelector('.card-title')?.textContent ?? 'It';
			if (res.ok) {
				status.textContent = `${title}${chosenName(form) ? ` — ${chosenName(form)}` : ''} is in your cart.`;
				card?.classList.add('is-added');
				refresh(await res.text());
				if (moved)
					dialog.close();
			} else {
				// a refused add answers with this page, the reason beside the card's picker
				const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
				const why = card && doc.getElementById(card.id)?.querySelector('.field-error')?.textContent;
				status.textContent = why ? `${title}: ${why}`
					: `Sorry, ${title} could not be added (${res.status}). Open the product to choose another option.`;
			}
		} catch {
			form.submit();	// offline or blocked: the ordinary form post still works
		} finally {
			button.disabled = false;
		}
	});
})();
