{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your ads</h1>
<p class="lead">Collection ads of {{BRAND}}: a hero video or image, a Buy button and a row of products at <code>/ad/…</code>, with a link out to your own site through a signed, checked redirect. Links out go only to <a href="/studio/domains">verified domains</a>. Views, clicks, orders and revenue per ad are on the <a href="/studio/brand/dashboard">dashboard</a>.</p>
<p>Creators with approved picks of your products may make their own ads of them; they are listed here "by @handle". You cannot edit those, but you can take one down: it leaves the site at once and its creator cannot put it back. "Allow again" returns it to its creator as a draft.</p>
<p><a class="button" href="/studio/ads/new">New ad</a></p>
{{#NO_ADS}}<p class="muted">No ads yet.</p>{{/NO_ADS}}
<table class="data ads">
<thead><tr><th scope="col">Ad</th><th scope="col">Address</th><th scope="col">State</th><th scope="col">Credited creator</th><th scope="col">Created</th><th scope="col">Creators' ads</th></tr></thead>
<tbody>
{{#ADS}}<tr class="ad-row" data-ad="{{SLUG}}">{{#BY_BRAND}}<td><a href="/studio/ads/{{ID}}">{{TITLE}}</a></td>{{/BY_BRAND}}{{#BY_CREATOR}}<td>{{TITLE}} <span class="by-creator">by @{{HANDLE}}</span></td>{{/BY_CREATOR}}<td><a href="/ad/{{SLUG}}">/ad/{{SLUG}}</a>{{>MODERATED}}</td><td class="state">{{STATE}}</td><td>{{CREATOR}}</td><td>{{CREATED}}</td><td>{{#BY_CREATOR}}<form class="ad-state" method="post" action="/studio/ads/{{ID}}/state">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#TAKE_DOWN}}<button class="button small danger" type="submit" name="state" value="blocked">Take down</button>{{/TAKE_DOWN}}{{#ALLOW}}<button class="button small secondary" type="submit" name="state" value="draft">Allow again</button>{{/ALLOW}}
</form>{{/BY_CREATOR}}</td></tr>
{{/ADS}}</tbody></table>
