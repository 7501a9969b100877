// live.js: on a live shopping page (/live/{id}), follows the session without reloading: polls
// /live/{id}/events?after=SEQ every second (and right after the viewer's own action) and applies
// new questions, votes, answers, hides and pins; turns the start time into a ticking countdown;
// in a replay shows each pinned product at its moment. Text goes in with textContent only.
// Without this file the page shows the current state and a reload shows news.
(() => {
	const root = document.getElementById('live');
	if (!root)
		return;
	const id = root.dataset.live;
	let seq = Number(root.dataset.seq);
	const state = root.dataset.state;
	const status = document.getElementById('live-status');
	const list = document.getElementById('live-question-list');
	// The page's token: the forms built here (upvotes, buy buttons of pins) post under /live/{id}/.
	const csrf = root.dataset.csrf ?? '';
	const POLL_MS = 1000;

	function el(tag, cls, text) {
		const e = document.createElement(tag);
		if (cls)
			e.className = cls;
		if (text !== undefined)
			e.textContent = text;
		return e;
	}

	function hiddenInput(name, value) {
		const i = el('input');
		i.type = 'hidden';
		i.name = name;
		i.value = String(value);
		return i;
	}

	function questionItem(q) {
		const li = el('li', 'live-question');
		li.id = `q-${q.id}`;
		li.dataset.id = q.id;
		li.append(el('p', 'live-q-text'));
		const meta = el('p', 'muted live-q-meta');
		meta.append(el('span', 'live-q-name'), ' · ', el('span', 'live-q-votes'), ' votes', el('span', 'live-q-flag'));
		li.append(meta, el('p', 'live-q-answer'));
		const form = el('form', 'live-vote');
		form.method = 'post';
		form.action = `/live/${id}/questions/${q.id}/vote`;
		const b = el('button', 'link-button', 'Upvote');
		b.type = 'submit';
		form.append(hiddenInput('csrf', csrf), b);
		li.append(form);
		return li;
	}

	function setQuestion(q) {
		if (!list)
			return;
		let li = document.getElementById(`q-${q.id}`);
		if (!li) {
			li = questionItem(q);
			list.append(li);
			document.getElementById('live-no-questions')?.remove();
		}
		li.querySelector('.live-q-text').textContent = q.text;
		li.querySelector('.live-q-name').textContent = q.name;
		li.querySelector('.live-q-votes').textContent = String(q.votes);
		li.dataset.votes = q.votes;
		let answer = li.querySelector('.live-q-answer');
		if (!answer) {
			answer = el('p', 'live-q-answer');
			li.querySelector('.live-q-meta').after(answer);
		}
		answer.textContent = q.answer;
		answer.hidden = q.answer === '';
		if (q.answered && !li.querySelector('.live-q-answered')) {
			li.querySelector('.live-q-meta').append(' · ', el('span', 'badge live-q-answered', 'answered'));
		}
		sortQuestions();
	}

	// By votes, then by age (a lower id was asked earlier), as the server orders them.
	function sortQuestions() {
		const items = [...list.children];
		const sorted = [...items].sort((a, b) => Number(b.dataset.votes) - Number(a.dataset.votes) || Number(a.dataset.id) - Number(b.dataset.id));
		if (sorted.some((li, i) => li !== items[i]))
			list.append(...sorted);
	}

	function showPin(p) {
		const box = document.getElementById('live-pinned');
		if (!box)
			return;
		box.dataset.product = p.id;
		const link = el('a', 'card-link');
		link.href = p.url;
		if (p.image) {
			const img = el('img', 'card-img');
			img.src = p.image;
			img.alt = p.alt;
			img.width = 300;
			img.height = 300;
			link.append(img);
		}
		link.append(el('h3', 'card-title', p.title));
		const parts = [link, el('p', 'card-brand', p.brand), el('p', 'price', p.price)];
		if (p.gifted) {	// as live_product.tpl: the creator received it free from the brand
			const gift = el('p', 'gifted', `Gifted by ${p.brand}`);
			gift.setAttribute('role', 'note');
			parts.push(gift);
		}
		if (p.variant) {
			const form = el('form', 'live-buy');
			form.method = 'post';
			form.action = `/live/${id}/cart`;
			const b = el('button', 'button', 'Buy: add to cart');
			b.type = 'submit';
			form.append(hiddenInput('csrf', csrf), hiddenInput('variant', p.variant), hiddenInput('quantity', 1), b);
			parts.push(form);
		} else {
			const p2 = el('p');
			p2.append(el('span', 'badge', 'Sold out'));
			parts.push(p2);
		}
		box.replaceChildren(...parts);
		status.textContent = `Pinned now: ${p.title}`;
	}

	function apply(e) {
		if (e.kind === 'state') {
			location.reload();
			return false;
		}
		if (e.kind === 'pin')
			showPin(e.product);
		else if (e.kind === 'hide')
			document.getElementById(`q-${e.id}`)?.remove();
		else
			setQuestion(e);
		return true;
	}

	// Fixed-rate: the next poll is due POLL_MS after this one started, not after it answered.
	let timer = 0;
	let busy = false;
	async function poll() {
		clearTimeout(timer);
		if (busy)
			return;
		busy = true;
		const started = Date.now();
		try {
			const res = await fetch(`/live/${id}/events?after=${seq}`, { credentials: 'same-origin', cache: 'no-store' });
			if (res.ok) {
				const data = await res.json();
				if (data.reset || data.state !== state) {
					location.reload();
					return;
				}
				for (const e of data.events)
					if (e.seq > seq && !apply(e))
						return;
				seq = Math.max(seq, data.seq);
			}
		} catch {
			// A failed poll is retried on the next tick.
		} finally {
			busy = false;
		}
		if (state !== 'ended')
			timer = setTimeout(poll, Math.max(0, started + POLL_MS - Date.now()));
	}

	// The viewer's own forms (ask, upvote, remind, buy) go with fetch; the answer is a redirect to
	// this page (ok), this page again with a message (a spent budget), or an error page whose
	// message is shown.
	document.addEventListener('submit', async (ev) => {
		const form = ev.target;
		if (!(form instanceof HTMLFormElement) || !form.closest('#live'))
			return;
		ev.preventDefault();
		const button = form.querySelector('button');
		if (button)
			button.disabled = true;
		try {
			const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' });
			if (res.ok) {
				if (form.classList.contains('live-ask')) {
					form.querySelector('textarea').value = '';
					const name = form.querySelector('#ask-name');
					name?.closest('.field')?.replaceChildren(el('p', 'muted', `Asking as ${name.value}.`));
				}
				status.textContent = form.classList.contains('live-buy') ? 'Added to your cart.' :
					form.classList.contains('live-remind') ? 'Thanks: confirm with the link we emailed you, and we will email you when the session starts.' : 'Sent.';
			} else {
				const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
				// A refused form comes back as this page with its message, other errors as an error page.
				const message = doc.querySelector('#live-error') ?? doc.querySelector('main p');
				status.textContent = message?.textContent ?? `Sorry, that did not work (${res.status}).`;
			}
		} catch {
			status.textContent = 'Sorry, that did not reach the server. Please try again.';
		} finally {
			if (button)
				button.disabled = false;
		}
		poll();
	});

	// Before the start: a ticking countdown; at zero, the page checks for the go-live.
	const countdown = document.getElementById('live-countdown');
	if (countdown) {
		const at = Date.parse(countdown.getAttribute('datetime'));
		const tick = () => {
			const s = Math.max(0, Math.round((at - Date.now()) / 1000));
			const d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60;
			const pad = (n) => String(n).padStart(2, '0');
			countdown.textContent = s > 0 ? `in ${d ? `${d} d ` : ''}${pad(h)}:${pad(m)}:${pad(s % 60)}` : 'any moment now';
		};
		tick();
		setInterval(tick, 1000);
	}

	// After the end: the replay shows each pinned product at the moment it was pinned.
	const replay = document.getElementById('live-replay');
	if (replay) {
		const moments = [...document.querySelectorAll('.live-moment')];
		const update = () => {
			const t = replay.currentTime;
			let now = null;
			for (const m of moments)
				if (Number(m.dataset.offset) <= t)
					now = m;
			for (const m of moments)
				m.classList.toggle('is-now', m === now);
		};
		replay.addEventListener('timeupdate', update);
		replay.addEventListener('seeked', update);
	}

	if (state !== 'ended')
		timer = setTimeout(poll, POLL_MS);
})();
