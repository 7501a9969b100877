{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/creator/marketplace">Marketplace</a></p>
<h1 class="page-title">Your picks</h1>
<p>Your storefront, <a href="/@{{HANDLE}}">/@{{HANDLE}}</a>, shows your approved picks in this order.</p>
{{#NOTICES}}<section class="notice" role="note" aria-label="Notice from a brand, {{DAY}}"><p class="muted">{{DAY}}</p><div class="notice-body">{{#LINE}}<p>{{TEXT}}</p>{{/LINE}}</div></section>
{{/NOTICES}}{{#EMPTY}}<p class="muted">No picks yet: add some from the <a href="/studio/creator/marketplace">marketplace</a>.</p>{{/EMPTY}}
<table class="data stack">
<caption>Picks, in storefront order</caption>
<thead><tr><th scope="col">Product</th><th scope="col">Brand</th><th scope="col">State</th><th scope="col">Commission</th><th scope="col">Actions</th></tr></thead>
<tbody>
{{#PICKS}}<tr><td class="stack-title"><a href="{{URL}}">{{TITLE}}</a></td><td data-label="Brand">{{BRAND}}</td><td data-label="State">{{STATUS}}</td><td class="rate{{#COMING}} rate-coming{{/COMING}}" data-label="Commission">{{RATE}}</td>
<td class="row-actions">{{#MOVABLE}}<form class="inline" method="post" action="/studio/creator/picks/{{ID}}/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dir" value="up"><button class="button small secondary" type="submit">Up<span class="visually-hidden">: {{TITLE}}</span></button></form>
<form class="inline" method="post" action="/studio/creator/picks/{{ID}}/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dir" value="down"><button class="button small secondary" type="submit">Down<span class="visually-hidden">: {{TITLE}}</span></button></form>{{/MOVABLE}}
<form class="inline" method="post" action="/studio/creator/picks/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button small secondary" type="submit">Remove<span class="visually-hidden">: {{TITLE}}</span></button></form></td></tr>
{{/PICKS}}</tbody>
</table>
