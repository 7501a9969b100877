{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your domains</h1>
<p class="lead">Ads of {{BRAND}} link out, and lead forms redirect, only to addresses on a verified domain or one of its subdomains.</p>
{{#ADDED}}<div class="flash notice domain-added" role="status"><p>Added <strong>{{NAME}}</strong>. To verify it, publish this DNS TXT record on {{NAME}}, then ask the site operator to confirm it:</p>
<p><code class="txt-record">crowdcart-verification={{TOKEN}}</code></p></div>{{/ADDED}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/studio/domains">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="domain">Add a domain</label>
<input id="domain" name="domain" maxlength="253" required value="{{DOMAIN}}" placeholder="shop.example.com"{{#ERROR}} aria-invalid="true" aria-describedby="domain-error"{{/ERROR}}>
{{#ERROR}}<p class="field-error" id="domain-error">{{TEXT}}</p>{{/ERROR}}</div>
<div class="actions"><button class="button" type="submit">Add domain</button></div>
</form>
{{#NO_DOMAINS}}<p class="muted">No domains yet.</p>{{/NO_DOMAINS}}
<table class="data domains">
<caption>Domains and their verification record</caption>
<thead><tr><th scope="col">Domain</th><th scope="col">TXT record</th><th scope="col">Status</th><th scope="col"></th></tr></thead>
<tbody>
{{#DOMAINS}}<tr class="domain-row" data-domain="{{NAME}}"><td>{{NAME}}</td><td><code>crowdcart-verification={{TOKEN}}</code></td>
<td class="status">{{#VERIFIED}}verified {{AT}}{{/VERIFIED}}{{#PENDING}}waiting for verification{{/PENDING}}</td>
<td><form class="inline" method="post" action="/studio/domains/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button small" type="submit">Remove</button></form></td></tr>
{{/DOMAINS}}</tbody></table>
