{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/creator/dashboard">Dashboard</a></p>
<h1 class="page-title">Payouts</h1>
<p class="ledger-status{{#LEDGER_FAILED}} error{{/LEDGER_FAILED}}" role="status">{{LEDGER_STATUS}}</p>
{{#SAVED}}<p class="flash" role="status">Saved.</p>{{/SAVED}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<h2>How you are paid</h2>
{{#NO_DETAILS}}<p>Brands hold your payouts until you say how to pay you.</p>{{/NO_DETAILS}}
<form class="form" method="post" action="/studio/creator/payouts/details">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field"><legend>Method</legend>
<label><input type="radio" name="method" value="paypal"{{#PAYPAL_CHECKED}} checked{{/PAYPAL_CHECKED}}> PayPal</label>
<label><input type="radio" name="method" value="sepa"{{#SEPA_CHECKED}} checked{{/SEPA_CHECKED}}> Bank transfer (SEPA, euros)</label></fieldset>
<div class="field"><label for="paypal_email">PayPal email</label><input id="paypal_email" name="paypal_email" type="email" maxlength="254" value="{{PAYPAL_EMAIL}}"></div>
<div class="field"><label for="iban">IBAN</label><input id="iban" name="iban" maxlength="42" autocomplete="off" aria-describedby="iban-hint">
<p class="hint" id="iban-hint">{{#IBAN_ON_FILE}}On file: <span class="iban-masked">•••• {{LAST4}}</span>. Enter it again only to change it.{{/IBAN_ON_FILE}} Stored encrypted; only its last four characters are ever shown.</p></div>
<div class="field"><label for="bic">BIC</label><input id="bic" name="bic" maxlength="14" autocomplete="off" value="{{BIC}}"></div>
<div class="field"><label for="account_name">Account holder</label><input id="account_name" name="account_name" maxlength="70" value="{{ACCOUNT_NAME}}"></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
<h2>Your payouts</h2>
<p><a href="/studio/creator/payouts.csv">Download your statement (CSV)</a>: every commission entry, payout and clawback.</p>
{{#NO_PAYOUTS}}<p class="muted">No payout yet.</p>{{/NO_PAYOUTS}}
{{#PAYOUTS}}<details class="payout" id="payout-{{ID}}"><summary>{{BRAND}}, {{PERIOD}}: <span class="amount">{{AMOUNT}}</span> ({{STATUS}}; made {{CREATED}}, paid {{PAID_AT}})</summary>
<ul class="plain">{{#ITEMS}}<li>{{NUMBER}} {{PRODUCT}}: {{AMOUNT}}{{#CARRIED}} (taken back: refunded after an earlier payout){{/CARRIED}}</li>{{/ITEMS}}</ul></details>
{{/PAYOUTS}}
