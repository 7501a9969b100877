{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">CRM webhook</h1>
<p><a href="/studio/leads">Leads</a> · <a href="/studio/forms">Forms</a></p>
<p>Each lead is POSTed as JSON to this URL with the headers <code>X-Crowdcart-Timestamp</code> and <code>X-Crowdcart-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + body)</code>, retried with backoff until it is answered with a 2xx.</p>
<form class="form" method="post" action="/studio/leads/webhook">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="url">CRM URL (https://, or http:// on a network you trust)</label>
<input id="url" name="url" maxlength="500" value="{{URL}}"{{#ERROR}} aria-invalid="true" aria-describedby="url-error"{{/ERROR}}>
{{#ERROR}}<p class="field-error" id="url-error">{{TEXT}}</p>{{/ERROR}}</div>
<div class="field"><label><input type="checkbox" name="rotate" value="yes"> Make a new secret</label></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
{{#SECRET}}<p>Signing secret: <code class="webhook-secret">{{VALUE}}</code></p>
<form method="post" action="/studio/leads/webhook"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="remove" value="yes"><button class="button" type="submit">Remove the webhook</button></form>{{/SECRET}}
<h2>Deliveries</h2>
<table class="table"><thead><tr><th>Delivery</th><th>Lead</th><th>Event</th><th>Status</th><th>Attempts</th><th>Last answer</th><th>Queued (UTC)</th><th>Next try</th><th>Delivered</th></tr></thead><tbody>
{{#DELIVERY}}<tr><td>{{ID}}</td><td>{{#LEAD_LINK}}<a href="/studio/leads/{{LEAD}}">{{LEAD}}</a>{{/LEAD_LINK}}{{#LEAD_GONE}}erased{{/LEAD_GONE}}</td><td>{{EVENT}}</td><td class="delivery-status">{{STATUS}}</td><td>{{ATTEMPTS}}</td><td>{{LAST}}</td><td>{{CREATED}}</td><td>{{NEXT}}</td><td>{{DELIVERED}}</td></tr>
{{/DELIVERY}}</tbody></table>
{{#EMPTY}}<p>No deliveries yet.</p>{{/EMPTY}}
