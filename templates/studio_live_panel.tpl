{{%AUTOESCAPE context="HTML"}}<article class="live-panel" id="live-panel" data-live="{{LIVE}}" data-seq="{{SEQ}}">
<h1 class="page-title">{{TITLE}}</h1>
<p class="lead">State: <span class="badge" id="live-panel-state">{{STATE}}</span> · starts {{STARTS}} UTC · viewer page: <a href="/live/{{LIVE}}">/live/{{LIVE}}</a> · reminders confirmed: {{REMINDERS}}</p>
<p class="muted">Stream: {{STREAM_URL}}</p>
{{>STREAM_BOX}}
{{#GO_LIVE}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/state"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="to" value="live"><button class="button" type="submit">Go live</button></form>{{/GO_LIVE}}
{{#END}}<form class="inline" method="post" action="/studio/live/{{LIVE}}/state"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="to" value="ended"><button class="button" type="submit">End the session</button></form>{{/END}}
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
<section aria-labelledby="settings-h">
<h2 id="settings-h">Replay and blocked words</h2>
<form class="form" method="post" action="/studio/live/{{LIVE}}/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="live-replay">Replay video address (shown after the end)</label>
<input id="live-replay" name="replay_url" maxlength="500" value="{{REPLAY_URL}}"></div>
<div class="field"><label for="live-words">Blocked words for questions (comma-separated)</label>
<input id="live-words" name="blocked_words" maxlength="1000" value="{{BLOCKED_WORDS}}"></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
</section>
</article>
<script src="{{STATIC_JS_LIVE_STUDIO_JS}}" defer></script>
