{{%AUTOESCAPE context="HTML"}}<article class="live-stream-key">
<h1 class="page-title">Your stream key</h1>
<p class="flash" role="status">Copy the key now: it is shown only this once. Anyone with it can broadcast as this session, so keep it private; if it leaks, make a new one.</p>
<div class="field"><label for="stream-server">Server (OBS: Settings, Stream, Service "Custom")</label>
<input id="stream-server" readonly value="{{INGEST}}"></div>
<div class="field"><label for="stream-key">Stream key</label>
<input id="stream-key" readonly autocomplete="off" spellcheck="false" value="{{KEY}}"></div>
<p>Start streaming in your encoder: the session goes live for viewers; stop streaming and it ends, and the recording becomes the replay.</p>
<p><a class="button" href="/studio/live/{{LIVE}}">Back to the control panel</a></p>
</article>
