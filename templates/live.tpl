{{%AUTOESCAPE context="HTML"}}<article class="live-page" id="live" data-live="{{LIVE}}" data-seq="{{SEQ}}" data-state="{{STATE}}" data-csrf="{{CSRF}}">
<h1 class="page-title live-title">{{TITLE}}</h1>
<p class="muted">Live shopping with <a href="/@{{HANDLE}}">{{CREATOR_NAME}}</a> · <span class="badge live-state live-state-{{STATE}}" id="live-state">{{STATE}}</span></p>
<p class="disclosure" role="note">{{CREATOR_NAME}} earns a commission on purchases made through this session.</p>
<p class="live-status" id="live-status" role="status" aria-live="polite"></p>
{{#ERROR}}<p class="flash error" id="live-error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#SCHEDULED}}<section class="live-soon" aria-labelledby="soon-h">
<h2 id="soon-h">Starts <time id="live-countdown" datetime="{{STARTS_AT}}">{{STARTS_TEXT}} UTC</time></h2>
<p class="muted">Reload this page at the start time to watch; with JavaScript it switches by itself.</p>
{{#REMINDED}}<p class="flash" role="status">Thanks: confirm with the link we emailed you, and we will email you when the session starts.</p>{{/REMINDED}}
<form class="form live-remind" method="post" action="/live/{{LIVE}}/remind">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="remind-email">Remind me by email</label>
<input id="remind-email" name="email" type="email" autocomplete="email" maxlength="254" required></div>
<div class="actions"><button class="button" type="submit">Remind me</button></div>
</form>
</section>{{/SCHEDULED}}
{{#ON_AIR}}<div class="live-stage">
<video id="live-player" class="video-player" controls autoplay muted playsinline src="{{SRC}}">
<p>Your browser cannot play this stream here. <a href="{{SRC}}">Open the stream</a>.</p>
</video>
</div>
<script src="{{STATIC_JS_HLS_JS}}" defer></script>
<script src="{{STATIC_JS_LIVE_PLAYER_JS}}" defer></script>{{/ON_AIR}}
{{#REPLAY}}<section class="live-replay" aria-labelledby="replay-h">
<h2 id="replay-h">Replay</h2>
{{#VIDEO}}<video id="live-replay" class="video-player" controls preload="metadata" playsinline src="{{SRC}}">
<p>Your browser cannot play this video here. <a href="{{SRC}}">Open the replay</a>.</p>
</video>{{/VIDEO}}
{{#NO_VIDEO}}<p class="muted">The replay is not available yet.</p>{{/NO_VIDEO}}
<h3>Chapters</h3>
<ol class="live-chapters" id="live-chapters">
{{#CHAPTERS}}<li data-offset="{{OFFSET}}"><a class="live-chapter" href="{{HREF}}" data-offset="{{OFFSET}}">{{AT}} {{#PIN}}Jump to the {{TITLE}}{{/PIN}}{{#DEAL}}Flash deal: {{TITLE}} at {{PRICE}}{{/DEAL}}</a></li>
{{/CHAPTERS}}</ol>
<h3>Products as they were pinned</h3>
{{#NO_MOMENTS}}<p class="muted">No products were pinned in this session.</p>{{/NO_MOMENTS}}
<ol class="live-moments" id="live-moments">
{{#MOMENTS}}<li class="live-moment" data-offset="{{OFFSET}}" data-product="{{PRODUCT}}"><p class="live-at">At <span class="live-offset">{{AT}}</span></p>
{{>PRODUCT_CARD}}</li>
{{/MOMENTS}}
</ol>
</section>{{/REPLAY}}
{{#PINNED}}<section class="live-pinned" aria-labelledby="pinned-h">
<h2 id="pinned-h">Pinned now</h2>
<ol id="live-pinned" class="live-pins">
{{#PRODUCT}}<li class="live-card" data-product="{{PRODUCT}}" data-pin="{{PIN}}">{{>PRODUCT_CARD}}</li>
{{/PRODUCT}}</ol>
{{#NO_PIN}}<p class="muted" id="live-no-pin">Nothing is pinned yet.</p>{{/NO_PIN}}
</section>{{/PINNED}}
<p class="muted live-viewers" id="live-viewers" aria-live="off"></p>
{{#REACT}}<form class="live-reactions" id="live-reactions" method="post" action="/live/{{LIVE}}/react">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="link-button" type="submit" name="emoji" value="heart" aria-label="Send a heart">&#x2764;&#xFE0F; <span class="live-react-count" data-emoji="heart"></span></button>
<button class="link-button" type="submit" name="emoji" value="fire" aria-label="Send fire">&#x1F525; <span class="live-react-count" data-emoji="fire"></span></button>
<button class="link-button" type="submit" name="emoji" value="clap" aria-label="Send applause">&#x1F44F; <span class="live-react-count" data-emoji="clap"></span></button>
<button class="link-button" type="submit" name="emoji" value="laugh" aria-label="Send a laugh">&#x1F602; <span class="live-react-count" data-emoji="laugh"></span></button>
<button class="link-button" type="submit" name="emoji" value="wow" aria-label="Send wow">&#x1F62E; <span class="live-react-count" data-emoji="wow"></span></button>
</form>{{/REACT}}
<section class="live-poll-box" id="live-poll" aria-labelledby="poll-h"{{#NO_POLL}} hidden{{/NO_POLL}}>
<h2 id="poll-h">Poll</h2>
{{#POLL}}<form class="form live-poll" method="post" action="/live/{{LIVE}}/polls/{{ID}}/vote" data-poll="{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend class="live-poll-question">{{QUESTION}}</legend>
<ul class="live-poll-options">
{{#OPTIONS}}<li><label>{{#CAN_VOTE}}<input type="radio" name="choice" value="{{CHOICE}}" required> {{/CAN_VOTE}}<span class="live-poll-text">{{TEXT}}</span></label> · <span class="live-poll-votes" data-choice="{{CHOICE}}">{{VOTES}}</span> votes</li>
{{/OPTIONS}}</ul></fieldset>
{{#VOTE}}<div class="actions"><button class="button" type="submit">Vote</button></div>{{/VOTE}}
{{#CLOSED}}<p class="muted">Voting has closed.</p>{{/CLOSED}}
</form>{{/POLL}}
</section>
<section class="live-chat" id="live-chat" aria-labelledby="chat-h">
<h2 id="chat-h">Chat</h2>
<p class="live-chat-pin" id="live-chat-pin" hidden></p>
<ol class="live-chat-list" id="live-chat-list">
{{#CHAT}}<li class="live-chat-msg" id="c-{{ID}}" data-id="{{ID}}"><span class="live-chat-name">{{NAME}}</span>: <span class="live-chat-text">{{TEXT}}</span></li>
{{/CHAT}}</ol>
{{#CHAT_FORM}}<form class="form live-chat-form" id="live-chat-form" method="post" action="/live/{{LIVE}}/chat">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#NAME_FIELD}}<div class="field"><label for="chat-name">Your display name</label>
<input id="chat-name" name="name" maxlength="{{MAX}}" required></div>{{/NAME_FIELD}}
<div class="field"><label for="chat-text">Message</label>
<input id="chat-text" name="text" maxlength="{{MAX}}" required autocomplete="off"></div>
<div class="actions"><button class="button" type="submit">Send</button></div>
</form>{{/CHAT_FORM}}
</section>
<section class="live-questions" aria-labelledby="questions-h">
<h2 id="questions-h">Questions</h2>
{{#BLOCKED}}<p class="flash error">The host has blocked you from asking questions in this session.</p>{{/BLOCKED}}
{{#ASK}}<form class="form live-ask" id="live-ask" method="post" action="/live/{{LIVE}}/ask">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#AS_USER}}<p class="muted">Asking as {{NAME}}.</p>{{/AS_USER}}
{{#NAME_FIELD}}<div class="field"><label for="ask-name">Your display name</label>
<input id="ask-name" name="name" maxlength="{{MAX}}" required></div>{{/NAME_FIELD}}
<div class="field"><label for="ask-text">Your question</label>
<textarea id="ask-text" name="text" maxlength="{{MAX}}" rows="2" required></textarea>
<p class="hint">Up to {{MAX}} characters; one question every 10 seconds.</p></div>
<div class="actions"><button class="button" type="submit">Ask</button></div>
</form>{{/ASK}}
{{#NO_QUESTIONS}}<p class="muted" id="live-no-questions">No questions yet.</p>{{/NO_QUESTIONS}}
<ol class="live-question-list" id="live-question-list">
{{#QUESTIONS}}<li class="live-question" id="q-{{ID}}" data-id="{{ID}}" data-votes="{{VOTES}}">
<p class="live-q-text">{{TEXT}}</p>
<p class="muted live-q-meta"><span class="live-q-name">{{NAME}}</span> · <span class="live-q-votes">{{VOTES}}</span> votes{{#ANSWERED}} · <span class="badge">answered</span>{{/ANSWERED}}</p>
{{#ANSWER}}<p class="live-q-answer">{{TEXT}}</p>{{/ANSWER}}
<form class="live-vote" method="post" action="/live/{{LIVE}}/questions/{{ID}}/vote"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Upvote</button></form>
</li>
{{/QUESTIONS}}
</ol>
</section>
<section class="live-lineup" aria-labelledby="lineup-h">
<h2 id="lineup-h">The lineup</h2>
<ol class="video-cards">
{{#LINEUP}}<li class="video-card live-lineup-item" data-product="{{PRODUCT}}">{{>PRODUCT_CARD}}</li>
{{/LINEUP}}
</ol>
</section>
</article>
<script src="{{STATIC_JS_LIVE_JS}}" defer></script>
{{>REPORT}}
