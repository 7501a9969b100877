{{%AUTOESCAPE context="HTML"}}<section class="live-ingest" id="live-ingest" aria-labelledby="ingest-h">
<h2 id="ingest-h">Go live from OBS or any RTMP encoder</h2>
<p>Server: <code id="live-ingest-url">{{INGEST}}</code></p>
{{#ENDED}}<p class="muted">This session has ended; its stream key no longer works.{{#REPLAY_PENDING}} The recording is being turned into the replay.{{/REPLAY_PENDING}}</p>{{/ENDED}}
{{#FORMS}}{{#HAS_KEY}}<p>Stream key: set {{MADE}} UTC (shown only when it was made). Publishing with it takes the session live; stopping the stream ends it.</p>
<form class="inline" method="post" action="/studio/live/{{LIVE}}/stream-key/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit" id="live-key-revoke">Revoke the key</button></form>{{/HAS_KEY}}
{{#NO_KEY}}<p class="muted" id="live-no-key">No stream key yet.</p>{{/NO_KEY}}
<form class="inline" method="post" action="/studio/live/{{LIVE}}/stream-key"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit" id="live-key-new">Make a new stream key</button></form>
<p class="hint">A new key replaces the old one at once.</p>{{/FORMS}}
</section>
