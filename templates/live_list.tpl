{{%AUTOESCAPE context="HTML"}}<section class="surface-list live-list" aria-labelledby="live-list-h">
<h2 id="live-list-h">Live shopping</h2>
<ul class="surface-row">
{{#SESSIONS}}<li class="surface-tile"><a href="/live/{{ID}}"><span class="surface-title">{{TITLE}}</span></a>
<span class="muted">with {{BY}} · {{#NOW}}<span class="badge live-state live-state-live">live now</span>{{/NOW}}{{#SOON}}starts <time datetime="{{STARTS_AT}}">{{STARTS_TEXT}} UTC</time>: countdown and “remind me” inside{{/SOON}}{{#REPLAY}}replay with the products as they were pinned{{/REPLAY}}</span></li>
{{/SESSIONS}}
</ul>
</section>
