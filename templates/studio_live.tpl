{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Live shopping</h1>
<p class="lead">Schedule a session, share its page, then run it from its control panel.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<section aria-labelledby="sessions-h">
<h2 id="sessions-h">Your sessions</h2>
{{#NO_SESSIONS}}<p class="muted">No sessions yet.</p>{{/NO_SESSIONS}}
<ul class="studio-links live-sessions">
{{#SESSIONS}}<li><a href="/studio/live/{{ID}}">{{TITLE}}</a> · {{STARTS}} UTC · <span class="badge">{{STATE}}</span> · viewers: <a href="/live/{{ID}}">/live/{{ID}}</a>{{>MODERATED}}</li>
{{/SESSIONS}}
</ul>
</section>
<section aria-labelledby="schedule-h">
<h2 id="schedule-h">Schedule a session</h2>
<form class="form" method="post" action="/studio/live">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="live-title">Title</label>
<input id="live-title" name="title" maxlength="200" required value="{{TITLE}}"></div>
<div class="field"><label for="live-starts">Starts at (UTC)</label>
<input id="live-starts" name="starts_at" type="datetime-local" required value="{{STARTS_AT}}"></div>
<div class="field"><label for="live-stream">Stream address (optional: leave it empty to go live from OBS or another encoder with the session's stream key; else HLS .m3u8 or MP4, an https:// link or a /media/ file)</label>
<input id="live-stream" name="stream_url" maxlength="500" value="{{STREAM_URL}}"></div>
<div class="field"><label for="live-replay">Replay video address (optional; can be set later)</label>
<input id="live-replay" name="replay_url" maxlength="500" value="{{REPLAY_URL}}"></div>
<div class="field"><label for="live-words">Blocked words for questions (comma-separated)</label>
<input id="live-words" name="blocked_words" maxlength="1000" value="{{BLOCKED_WORDS}}"></div>
<fieldset class="field"><legend>Lineup (your approved picks, up to 20)</legend>
{{#NO_PICKS}}<p class="muted">You have no approved picks yet: <a href="/studio/creator/marketplace">pick products</a> first.</p>{{/NO_PICKS}}
{{#PICKS}}<label><input type="checkbox" name="product" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{TITLE}}</label>
{{/PICKS}}
</fieldset>
<div class="actions"><button class="button" type="submit">Schedule</button></div>
</form>
</section>
