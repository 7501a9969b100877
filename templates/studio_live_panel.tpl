{{%AUTOESCAPE context="HTML"}}<article class="live-panel" id="live-panel" data-live="{{LIVE}}" data-seq="{{SEQ}}">
<h1 class="page-title">{{TITLE}}</h1>
<p class="lead">State: <span class="badge" id="live-panel-state">{{STATE}}</span> · starts {{STARTS}} UTC · viewer page: <a href="/live/{{LIVE}}">/live/{{LIVE}}</a> · reminders confirmed: {{REMINDERS}}</p>
<p class="muted">Stream: {{STREAM_URL}}</p>
{{>STREAM_BOX}}
{{#GO_LIVE}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/state"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="to" value="live"><button class="button" type="submit">Go live</button></form>{{/GO_LIVE}}
{{#END}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/state"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="to" value="ended"><button class="button" type="submit">End the session</button></form>{{/END}}
<section aria-labelledby="current-h" id="live-panel-pins">
<h2 id="current-h">Pinned now (up to 3)</h2>
{{#NO_CURRENT}}<p class="muted">Nothing is pinned.</p>{{/NO_CURRENT}}
<ol class="live-panel-current">
{{#CURRENT}}<li data-product="{{PRODUCT}}">{{TITLE}}
<form class="inline" method="post" action="/studio/live/{{LIVE}}/pins/{{PIN}}/unpin"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Unpin</button></form>
{{#UP}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/pins/{{PIN}}/up"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Move up</button></form>{{/UP}}
{{#DEAL_RUNNING}}<span class="badge">flash deal until {{UNTIL}} UTC</span>{{/DEAL_RUNNING}}
{{#DEAL_FORM}}<details><summary>Start a flash deal</summary>
<form class="form live-deal-form" method="post" action="/studio/live/{{LIVE}}/deals">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="product" value="{{PRODUCT}}">
<div class="field"><label for="deal-price-{{PRODUCT}}">Deal price</label><input id="deal-price-{{PRODUCT}}" name="price" inputmode="decimal" maxlength="20" required></div>
<div class="field"><label for="deal-seconds-{{PRODUCT}}">Runs for (seconds, 10 to 300)</label><input id="deal-seconds-{{PRODUCT}}" name="seconds" type="number" min="10" max="300" value="60" required></div>
<div class="field"><label for="deal-stock-{{PRODUCT}}">Deal stock</label><input id="deal-stock-{{PRODUCT}}" name="stock" type="number" min="1" max="100000" value="20" required></div>
<div class="field"><label for="deal-limit-{{PRODUCT}}">Per buyer</label><input id="deal-limit-{{PRODUCT}}" name="per_buyer" type="number" min="1" max="10" value="1" required></div>
<div class="actions"><button class="button" type="submit">Start the deal</button></div>
</form></details>{{/DEAL_FORM}}
</li>
{{/CURRENT}}</ol>
</section>
<section aria-labelledby="poll-h" id="live-panel-poll">
<h2 id="poll-h">Poll</h2>
{{#POLL}}<p>Current: {{QUESTION}} {{#CLOSE}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/polls/{{ID}}/close"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Close voting</button></form>{{/CLOSE}}{{#CLOSED}}<span class="badge">closed</span>{{/CLOSED}}</p>{{/POLL}}
{{#POLL_FORM}}<form class="form" method="post" action="/studio/live/{{LIVE}}/polls">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="poll-q">Question</label><input id="poll-q" name="question" maxlength="140" required></div>
<div class="field"><label for="poll-1">Option 1</label><input id="poll-1" name="option1" maxlength="60" required></div>
<div class="field"><label for="poll-2">Option 2</label><input id="poll-2" name="option2" maxlength="60" required></div>
<div class="field"><label for="poll-3">Option 3 (optional)</label><input id="poll-3" name="option3" maxlength="60"></div>
<div class="field"><label for="poll-4">Option 4 (optional)</label><input id="poll-4" name="option4" maxlength="60"></div>
<div class="actions"><button class="button" type="submit">Ask the viewers</button></div>
</form>{{/POLL_FORM}}
</section>
<section aria-labelledby="lineup-h">
<h2 id="lineup-h">Lineup</h2>
<ul class="live-panel-lineup">
{{#LINEUP}}<li>{{TITLE}} {{#PINNED}}<span class="badge">pinned now</span>{{/PINNED}}{{#PIN}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/pin"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="product" value="{{PRODUCT}}"><button class="link-button" type="submit">Pin</button></form>{{/PIN}}</li>
{{/LINEUP}}
</ul>
<h3>Pin history</h3>
{{#NO_PINS}}<p class="muted">Nothing pinned yet (products are pinned while live).</p>{{/NO_PINS}}
<ol class="live-pin-history">
{{#PINS}}<li>{{TIME}} UTC ({{OFFSET}} into the session): {{TITLE}}</li>
{{/PINS}}
</ol>
</section>
<section aria-labelledby="questions-h" id="live-panel-questions">
<h2 id="questions-h">Questions, by votes then time</h2>
{{#NO_QUESTIONS}}<p class="muted">No questions yet.</p>{{/NO_QUESTIONS}}
<ol class="live-question-list">
{{#QUESTIONS}}<li class="live-question{{#HIDDEN}} is-hidden{{/HIDDEN}}" id="q-{{ID}}">
<p class="live-q-text">{{TEXT}}</p>
<p class="muted"><span class="live-q-name">{{NAME}}</span> · {{AT}} UTC · <span class="live-q-votes">{{VOTES}}</span> votes{{#ANSWERED}} · <span class="badge">answered</span>{{/ANSWERED}}{{#HIDDEN}} · <span class="badge">hidden</span>{{/HIDDEN}}</p>
{{#ANSWER}}<p class="live-q-answer">{{TEXT}}</p>{{/ANSWER}}
{{#ACTIONS}}<form class="form live-answer" method="post" action="/studio/live/{{LIVE}}/questions/{{ID}}/answer">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label class="visually-hidden" for="answer-{{ID}}">Answer</label>
<textarea id="answer-{{ID}}" name="answer" maxlength="{{MAX}}" rows="2" required></textarea>
<button class="button" type="submit">Answer</button>
</form>
{{#MARK}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/questions/{{ID}}/answered"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Mark answered</button></form>{{/MARK}}
<form class="inline" method="post" action="/studio/live/{{LIVE}}/questions/{{ID}}/hide"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Hide</button></form>
<form class="inline" method="post" action="/studio/live/{{LIVE}}/questions/{{ID}}/block"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Block this viewer</button></form>{{/ACTIONS}}
</li>
{{/QUESTIONS}}
</ol>
</section>
<section aria-labelledby="chat-h" id="live-panel-chat">
<h2 id="chat-h">Chat, newest first</h2>
<p><a href="/studio/live/{{LIVE}}/chat.csv">Download the chat and questions (CSV)</a></p>
{{#NO_CHAT}}<p class="muted">No messages yet.</p>{{/NO_CHAT}}
<ol class="live-panel-chat">
{{#CHAT}}<li class="live-chat-msg{{#HIDDEN}} is-hidden{{/HIDDEN}}" id="c-{{ID}}"><span class="muted">{{AT}}</span> <span class="live-chat-name">{{NAME}}</span>: <span class="live-chat-text">{{TEXT}}</span>{{#HIDDEN}} <span class="badge">hidden</span>{{/HIDDEN}}
{{#ACTIONS}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/chat/{{ID}}/pin"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">{{PIN_LABEL}}</button></form>
<form class="inline" method="post" action="/studio/live/{{LIVE}}/chat/{{ID}}/hide"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Hide</button></form>
<form class="inline" method="post" action="/studio/live/{{LIVE}}/chat/{{ID}}/block"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Block this viewer</button></form>{{/ACTIONS}}</li>
{{/CHAT}}</ol>
</section>
<section aria-labelledby="settings-h">
<h2 id="settings-h">Replay, blocked words and slow mode</h2>
<form class="form" method="post" action="/studio/live/{{LIVE}}/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="live-replay">Replay video address (shown after the end)</label>
<input id="live-replay" name="replay_url" maxlength="500" value="{{REPLAY_URL}}"></div>
<div class="field"><label for="live-words">Blocked words for questions and chat (comma-separated)</label>
<input id="live-words" name="blocked_words" maxlength="1000" value="{{BLOCKED_WORDS}}"></div>
<div class="field"><label for="live-slow">Chat slow mode: seconds between a viewer's messages (0 for off)</label>
<input id="live-slow" name="chat_slow_s" type="number" min="0" max="{{CHAT_SLOW_MAX}}" value="{{CHAT_SLOW_S}}"></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
</section>
</article>
<script src="{{STATIC_JS_LIVE_STUDIO_JS}}" defer></script>
