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

	// A pinned product's card, as live_product.tpl draws it (with its flash deal, if any).
	function pinCard(p) {
		const li = el('li', 'live-card');
		li.dataset.product = p.id;
		li.dataset.pin = p.pin;
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
		li.append(link, el('p', 'card-brand', p.brand), el('p', 'price', p.price));
		if (p.gifted) {	// as live_product.tpl: the creator received it free from the brand
			const gift = el('p', 'gifted', `Gifted by ${p.brand}`);
			gift.setAttribute('role', 'note');
			li.append(gift);
		}
		const buy = (cls, action, label, variant) => {
			const form = el('form', cls);
			form.method = 'post';
			form.action = action;
			const b = el('button', 'button', label);
			b.type = 'submit';
			form.append(hiddenInput('csrf', csrf), hiddenInput('variant', variant), hiddenInput('quantity', 1), b);
			return form;
		};
		if (p.variant) {
			li.append(buy('live-buy', `/live/${id}/cart`, 'Buy: add to cart', p.variant));
		} else {
			const p2 = el('p');
			p2.append(el('span', 'badge live-sold-out', 'Sold out'));
			li.append(p2);
		}
		if (p.deal) {
			const d = el('div', 'live-deal');
			d.dataset.deal = p.deal.id;
			const price = el('p', 'live-deal-price', 'Flash deal: ');
			price.append(el('strong', '', p.deal.price), ' ', el('s', '', p.price));
			const meta = el('p', 'muted', 'Ends in ');
			const cd = el('span', 'live-deal-countdown');
			cd.dataset.ends = p.deal.ends;
			meta.append(cd, ' · ', el('span', 'live-deal-left', String(p.deal.left)), ` left · up to ${p.deal.per_buyer} per buyer`);
			d.append(price, meta);
			if (p.deal.left > 0 && p.variant)
				d.append(buy('live-deal-take', `/live/${id}/deals/${p.deal.id}`, 'Buy at the deal price', p.variant));
			else {
				const gone = el('p');
				gone.append(el('span', 'badge', 'Deal sold out'));
				d.append(gone);
			}
			li.append(d);
		}
		return li;
	}

	// The pins, redrawn only when what they show changed (a redraw would reset a focused button).
	let pinsShown = null;
	function showPins(pins) {
		const box = document.getElementById('live-pinned');
		if (!box)
			return;
		const sig = JSON.stringify(pins.map((p) => [p.pin, p.variant, p.price, p.deal && [p.deal.id, p.deal.left]]));
		if (sig === pinsShown)
			return;
		const first = pinsShown === null;
		pinsShown = sig;
		// the page drew the pins of its moment: a pin made between that and this first poll is not there
		const drawn = [...box.querySelectorAll('li[data-pin]')].map((li) => li.dataset.pin).join();
		if (first && drawn === pins.map((p) => String(p.pin)).join())
			return;
		box.replaceChildren(...pins.map(pinCard));
		document.getElementById('live-no-pin')?.toggleAttribute('hidden', pins.length > 0);
		tickDeals();
	}

	// Flash-deal countdowns run on the server's clock (the offset of the last poll's "now.at").
	let skew = 0;
	function tickDeals() {
		for (const cd of document.querySelectorAll('.live-deal-countdown')) {
			const left = Math.max(0, Math.ceil((Number(cd.dataset.ends) - (Date.now() + skew)) / 1000));
			cd.textContent = left > 0 ? `${left} s` : 'ended';
			if (left === 0)
				cd.closest('.live-deal')?.querySelector('.live-deal-take')?.remove();
		}
	}
	setInterval(tickDeals, 250);

	function showPoll(poll) {
		const box = document.getElementById('live-poll');
		if (!box || !poll)
			return;
		box.hidden = false;
		let form = box.querySelector('form.live-poll');
		if (!form || form.dataset.poll !== String(poll.id)) {
			form = el('form', 'form live-poll');
			form.method = 'post';
			form.action = `/live/${id}/polls/${poll.id}/vote`;
			form.dataset.poll = poll.id;
			const fs = el('fieldset');
			fs.append(el('legend', 'live-poll-question', poll.question));
			const ul = el('ul', 'live-poll-options');
			poll.options.forEach((o, i) => {
				const li = el('li');
				const label = el('label');
				if (!poll.closed) {
					const r = el('input');
					r.type = 'radio';
					r.name = 'choice';
					r.value = String(i + 1);
					r.required = true;
					label.append(r, ' ');
				}
				label.append(el('span', 'live-poll-text', o.text));
				const v = el('span', 'live-poll-votes');
				v.dataset.choice = i + 1;
				li.append(label, ' · ', v, ' votes');
				ul.append(li);
			});
			fs.append(ul);
			form.append(hiddenInput('csrf', csrf), fs);
			if (!poll.closed) {
				const b = el('button', 'button', 'Vote');
				b.type = 'submit';
				const actions = el('div', 'actions');
				actions.append(b);
				form.append(actions);
			}
			box.querySelector('form.live-poll')?.remove();
			box.append(form);
		}
		poll.options.forEach((o, i) => {
			const v = form.querySelector(`.live-poll-votes[data-choice="${i + 1}"]`);
			if (v)
				v.textContent = String(o.votes);
		});
		if (poll.closed)
			for (const x of form.querySelectorAll('input[type=radio], button'))
				x.remove();
	}

	// Reactions: each complete second counted once, shown as that second's taps per emoji.
	let reactedUpTo = 0;
	function showReactions(list) {
		for (const sec of list) {
			if (sec.at <= reactedUpTo)
				continue;
			reactedUpTo = sec.at;
			for (const span of document.querySelectorAll('.live-react-count')) {
				const n = sec[span.dataset.emoji] ?? 0;
				span.textContent = n ? `+${n}` : '';
			}
		}
	}

	function chatItem(e) {
		const li = el('li', 'live-chat-msg');
		li.id = `c-${e.id}`;
		li.dataset.id = e.id;
		li.append(el('span', 'live-chat-name', e.name), ': ', el('span', 'live-chat-text', e.text));
		return li;
	}

	function showNow(now) {
		if (!now)
			return;
		skew = now.at - Date.now();
		showPins(now.pins);
		showPoll(now.poll);
		showReactions(now.reactions);
		const viewers = document.getElementById('live-viewers');
		if (viewers && state === 'live')
			viewers.textContent = `${now.viewers} watching`;
		const cp = document.getElementById('live-chat-pin');
		if (cp) {
			cp.hidden = !now.chat_pin;
			cp.textContent = now.chat_pin ? `Pinned: ${now.chat_pin.name}: ${now.chat_pin.text}` : '';
		}
	}

	function apply(e) {
		if (e.kind === 'state') {
			location.reload();
			return false;
		}
		if (e.kind === 'pin')
			status.textContent = `Pinned now: ${e.product.title}`;
		else if (e.kind === 'hide')
			document.getElementById(`q-${e.id}`)?.remove();
		else if (e.kind === 'chat_hide')
			document.getElementById(`c-${e.id}`)?.remove();
		else if (e.kind === 'chat') {
			const chat = document.getElementById('live-chat-list');
			if (chat && !document.getElementById(`c-${e.id}`)) {
				chat.append(chatItem(e));
				while (chat.children.length > 100)
					chat.firstElementChild.remove();
			}
		} else if (e.kind === 'question' || e.kind === 'answer' || e.kind === 'vote')
			setQuestion(e);
		// unpin, poll, deal: what they changed arrives in "now"
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
				showNow(data.now);
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
		// A reaction is a tap: no message, no redraw, and the emoji is the button that was pressed.
		if (form.classList.contains('live-reactions')) {
			const body = new URLSearchParams({ csrf, emoji: ev.submitter?.value ?? 'heart', js: '1' });
			fetch(form.action, { method: 'POST', body, credentials: 'same-origin' }).catch(() => {});
			return;
		}
		const button = form.querySelector('button');
		if (button)
			button.disabled = true;
		try {
			const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' });
			if (res.ok) {
				// The name typed with a first question or message is bound now: neither form asks again.
				if (form.classList.contains('live-ask') || form.classList.contains('live-chat-form')) {
					const typed = form.querySelector('#ask-name, #chat-name')?.value;
					const askName = document.getElementById('ask-name');
					askName?.closest('.field')?.replaceChildren(el('p', 'muted', `Asking as ${typed ?? askName.value}.`));
					document.getElementById('chat-name')?.closest('.field')?.remove();
				}
				if (form.classList.contains('live-ask'))
					form.querySelector('textarea').value = '';
				if (form.classList.contains('live-chat-form'))
					form.querySelector('#chat-text').value = '';
				status.textContent = form.classList.contains('live-buy') || form.classList.contains('live-deal-take') ? 'Added to your cart.' :
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

	// Replay chapters jump within the player rather than opening the video on its own.
	document.addEventListener('click', (ev) => {
		const a = ev.target instanceof Element ? ev.target.closest('.live-chapter') : null;
		if (!a || !replay)
			return;
		ev.preventDefault();
		replay.currentTime = Number(a.dataset.offset);
		replay.play().catch(() => {});
	});

	// The viewer count: a heartbeat while the page is open and live (a POST: polls never write).
	const HERE_MS = 20000;
	const here = () => fetch(`/live/${id}/here`, { method: 'POST', body: new URLSearchParams({ csrf }), credentials: 'same-origin' }).catch(() => {});
	if (state === 'live') {
		here();
		setInterval(here, HERE_MS);
	}

	if (state !== 'ended')
		timer = setTimeout(poll, POLL_MS);
	tickDeals();
})();
