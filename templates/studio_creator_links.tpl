{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your short links</h1>
<p>Share these anywhere. A visit through one is counted on your dashboard and credits you with the sale.</p>
{{#DELETED}}<p class="flash ok" role="status">Link deleted: it no longer leads anywhere. Visits and sales it already brought stay on your dashboard.</p>{{/DELETED}}
{{#EMPTY}}<p class="muted">No short links yet.</p>{{/EMPTY}}
<table class="data">
<caption>Short links</caption>
<thead><tr><th scope="col">Link</th><th scope="col">Leads to</th><th scope="col">Label</th><th scope="col">Visits (last 30 days)</th><th scope="col">Visits (all time)</th><th scope="col"><span class="visually-hidden">Delete</span></th></tr></thead>
<tbody>
{{#LINKS}}<tr><td><a class="short-link" href="{{PATH}}">{{PATH}}</a></td><td>{{TARGET}}</td><td>{{LABEL}}</td><td class="link-visits-30">{{VISITS_30}}</td><td class="link-visits">{{VISITS}}</td>
<td><form method="post" action="/studio/creator/links/{{CODE}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button link-delete" type="submit">Delete</button></form></td></tr>
{{/LINKS}}</tbody>
</table>
<h2>New short link</h2>
<form class="form" method="post" action="/studio/creator/links">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="target">Leads to</label>
<select id="target" name="target">
<option value="storefront">Your storefront</option>
{{#COLLECTIONS}}<option value="c{{ID}}">Collection: {{TITLE}}</option>
{{/COLLECTIONS}}{{#PRODUCTS}}<option value="p{{ID}}">Product: {{TITLE}}</option>
{{/PRODUCTS}}</select></div>
<div class="field"><label for="label">Label (for you)</label>
<input id="label" name="label" maxlength="80"></div>
<div class="actions"><button class="button" type="submit">Create link</button></div>
</form>
