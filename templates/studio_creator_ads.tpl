{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your ads</h1>
<p class="lead">Collection ads at <code>/ad/…</code>: a hero video or image, a Buy button and a row of products. Make your own from your approved picks of one brand's products: you are credited with their visits and sales, and the brand can see them and take them down. Views, clicks, orders and revenue per ad are on your <a href="/studio/creator/dashboard">dashboard</a>.</p>
<p><a class="button" href="/studio/creator/ads/new">New ad</a></p>
{{#NO_ADS}}<p class="muted">No ads yet.</p>{{/NO_ADS}}
<table class="data ads">
<thead><tr><th scope="col">Ad</th><th scope="col">Address</th><th scope="col">Brand</th><th scope="col">State</th><th scope="col">Created</th></tr></thead>
<tbody>
{{#OWN}}<tr class="ad-row" data-ad="{{SLUG}}"><td><a href="/studio/creator/ads/{{ID}}">{{TITLE}}</a></td><td><a href="/ad/{{SLUG}}">/ad/{{SLUG}}</a>{{>MODERATED}}</td><td>{{BRAND}}</td><td class="state">{{#STATE}}{{TEXT}}{{/STATE}}{{#TAKEN_DOWN}}taken down by the brand on {{DAY}}{{/TAKEN_DOWN}}</td><td>{{CREATED}}</td></tr>
{{/OWN}}{{#CREDITED}}<tr class="ad-row credited" data-ad="{{SLUG}}"><td>{{TITLE}} <span class="muted">(made by {{BRAND}}, crediting you)</span></td><td><a href="/ad/{{SLUG}}">/ad/{{SLUG}}</a>{{>MODERATED}}</td><td>{{BRAND}}</td><td class="state">{{#STATE}}{{TEXT}}{{/STATE}}</td><td>{{CREATED}}</td></tr>
{{/CREDITED}}</tbody></table>
