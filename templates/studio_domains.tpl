{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your domains</h1>
<p class="lead">Ads of {{BRAND}} link out, and lead forms redirect, only to addresses on a verified domain or one of its subdomains.</p>
<p class="muted domain-checks-note">To verify a domain, publish its TXT record in your DNS. Checks run in the background: a new domain is checked within a minute, then after 1, 5 and 30 minutes, hourly for its first week and daily after that; a verified domain is checked again every day, and loses its verification if the record is missing on 3 checks in a row over at least 48 hours (a check that gets no answer never counts). "Check now" asks for the next check at once.</p>
{{#ADDED}}<div class="flash notice domain-added" role="status"><p>Added <strong>{{NAME}}</strong>. To verify it, publish this DNS TXT record; it is checked within a minute, and again later if it is not there yet:</p>
<p>Name <code class="txt-name">{{NAME}}</code>, type <code>TXT</code>, value <code class="txt-record">crowdcart-verification={{TOKEN}}</code></p></div>{{/ADDED}}
{{#QUEUED}}<p class="flash notice domain-queued" role="status">A check of <strong>{{NAME}}</strong> is queued; it runs in the background within a minute. Reload this page to see its result.</p>{{/QUEUED}}
{{#CHECK_ERROR}}<p class="flash error domain-check-error" role="alert">{{TEXT}}</p>{{/CHECK_ERROR}}
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
<caption>Domains, the TXT record each must publish, and their last check</caption>
<thead><tr><th scope="col">Domain</th><th scope="col">TXT record to publish</th><th scope="col">Status</th><th scope="col">Last check</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
{{#DOMAINS}}<tr class="domain-row" data-domain="{{NAME}}"><td>{{NAME}}</td>
<td class="txt">name <code class="txt-name">{{NAME}}</code><br>type <code>TXT</code><br>value <code>crowdcart-verification={{TOKEN}}</code></td>
<td class="status">{{#VERIFIED}}verified {{AT}}{{/VERIFIED}}{{#PENDING}}waiting for verification{{/PENDING}}{{#LOST}}<br><span class="domain-lost">verification withdrawn {{AT}}: {{REASON}}</span>{{/LOST}}</td>
<td class="check">{{#RESULT}}<span class="check-result">{{TEXT}}</span>{{#CHECKED}}<br><span class="muted check-time">{{AT}} UTC</span>{{/CHECKED}}{{/RESULT}}{{#NOT_CHECKED}}<span class="check-result">not checked yet</span>{{/NOT_CHECKED}}{{#DUE}}<br><span class="muted check-due">next check queued</span>{{/DUE}}</td>
<td><form class="inline" method="post" action="/studio/domains/{{ID}}/check"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button small secondary" type="submit">Check now</button></form>
<form class="inline" method="post" action="/studio/domains/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button small" type="submit">Remove</button></form></td></tr>
{{/DOMAINS}}</tbody></table>
