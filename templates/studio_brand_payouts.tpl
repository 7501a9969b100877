{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/brand/dashboard">Creator sales</a> · <a href="/studio/brand/creator-program">Creator program</a></p>
<h1 class="page-title">Payouts for {{BRAND}}</h1>
<p class="ledger-status{{#LEDGER_FAILED}} error{{/LEDGER_FAILED}}" role="status">{{LEDGER_STATUS}}</p>
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>{{/FLASH}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<h2>Creators</h2>
<p>Balances in {{CURRENCY}}, outside batches not yet paid. A creator is paid when their payable balance, less what refunds after an earlier payout took back (carried), reaches {{THRESHOLD_TEXT}}, and you have their tax form.</p>
{{#NO_CREATORS}}<p class="muted">No creator has commission with you yet.</p>{{/NO_CREATORS}}
<div class="table-scroll"><table class="data stack"><caption>Per creator</caption>
<thead><tr><th scope="col">Creator</th><th scope="col">Pending</th><th scope="col">Payable</th><th scope="col">Carried from refunds</th><th scope="col">Balance</th><th scope="col">Paid by</th><th scope="col">Tax form</th><th scope="col">This run</th></tr></thead>
<tbody>{{#CREATORS}}<tr class="payout-creator" data-handle="{{HANDLE}}"><td class="stack-title">@{{HANDLE}}</td><td data-label="Pending" class="pending">{{PENDING}}</td><td data-label="Payable" class="payable">{{PAYABLE}}</td><td data-label="Carried from refunds" class="carried">{{CARRIED}}</td><td data-label="Balance" class="balance">{{BALANCE}}</td><td data-label="Paid by">{{METHOD}}</td>
<td data-label="Tax form"><form class="inline" method="post" action="/studio/brand/payouts/tax-forms"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="creator_id" value="{{CREATOR_ID}}">{{#TAX_YES}}received <input type="hidden" name="received" value="no"><button class="button small secondary" type="submit" aria-label="Mark missing: the tax form of @{{HANDLE}}">Mark missing</button>{{/TAX_YES}}{{#TAX_NO}}missing <input type="hidden" name="received" value="yes"><button class="button small" type="submit" aria-label="Mark received: the tax form of @{{HANDLE}}">Mark received</button>{{/TAX_NO}}</form></td>
<td data-label="This run" class="hold">{{STATUS}}</td></tr>
{{/CREATORS}}</tbody></table></div>
<form class="form" method="post" action="/studio/brand/payouts/run">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p>Running the batch for {{PERIOD}} again finds the same batch: nobody is paid twice.</p>
<div class="actions"><button class="button" type="submit">Run the payout batch for {{PERIOD}}</button></div>
</form>
<h2>Batches</h2>
{{#NO_BATCHES}}<p class="muted">No payout batch yet.</p>{{/NO_BATCHES}}
<ul class="batches">{{#BATCHES}}<li><a href="/studio/brand/payouts/{{ID}}">{{PERIOD}}</a>: {{STATUS}}, {{CREATORS}} creator(s), {{TOTAL}} <span class="muted">({{CREATED}})</span></li>
{{/BATCHES}}</ul>
<h2>Settings</h2>
<form class="form" method="post" action="/studio/brand/payouts/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="threshold">Payout threshold ({{CURRENCY}})</label>
<input id="threshold" name="threshold" inputmode="decimal" required value="{{THRESHOLD}}" aria-describedby="threshold-hint">
<p class="hint" id="threshold-hint">Smaller balances wait for the next run.</p></div>
<fieldset class="field"><legend>Schedule</legend>
<label><input type="radio" name="schedule" value="monthly"{{#MONTHLY}} checked{{/MONTHLY}}> Monthly</label>
<label><input type="radio" name="schedule" value="twice_monthly"{{#TWICE}} checked{{/TWICE}}> Twice monthly (1st–15th, 16th–end)</label></fieldset>
<p class="hint">Your own account, for SEPA bank transfer files (euro batches):</p>
<div class="field"><label for="debtor_name">Account holder</label><input id="debtor_name" name="debtor_name" maxlength="70" value="{{DEBTOR_NAME}}"></div>
<div class="field"><label for="debtor_iban">IBAN</label><input id="debtor_iban" name="debtor_iban" maxlength="42" value="{{DEBTOR_IBAN}}" autocomplete="off"></div>
<div class="field"><label for="debtor_bic">BIC</label><input id="debtor_bic" name="debtor_bic" maxlength="14" value="{{DEBTOR_BIC}}" autocomplete="off"></div>
<div class="actions"><button class="button" type="submit">Save settings</button></div>
</form>
