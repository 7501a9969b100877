{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/brand/payouts">← Payouts</a></p>
<h1 class="page-title">Payout batch {{PERIOD}}</h1>
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>{{/FLASH}}
<dl class="totals"><dt>Status</dt><dd class="batch-status">{{STATUS}}</dd><dt>Total</dt><dd class="batch-total">{{TOTAL}}</dd><dt>Made</dt><dd>{{CREATED}}</dd><dt>Paid</dt><dd>{{PAID_AT}}</dd></dl>
<div class="table-scroll"><table class="data stack"><caption>Who this batch pays ({{CURRENCY}}), net of clawbacks carried from refunds</caption>
<thead><tr><th scope="col">Creator</th><th scope="col">Amount</th><th scope="col">Paid by</th><th scope="col">Order lines</th></tr></thead>
<tbody>{{#LINES}}<tr class="batch-line" data-handle="{{HANDLE}}"><td class="stack-title">@{{HANDLE}}</td><td data-label="Amount" class="amount">{{AMOUNT}}</td><td data-label="Paid by">{{METHOD}}</td>
<td data-label="Order lines"><ul class="plain">{{#ITEMS}}<li>{{NUMBER}} {{PRODUCT}}: {{AMOUNT}}{{#CARRIED}} (carried from a refund){{/CARRIED}}</li>{{/ITEMS}}</ul></td></tr>
{{/LINES}}</tbody></table></div>
{{#EXPORTABLE}}<h2>Payment files</h2>
{{#PAYPAL_PARTS}}<form class="inline" method="post" action="/studio/brand/payouts/{{ID}}/export"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="format" value="paypal"><input type="hidden" name="part" value="{{PART}}"><button class="button small secondary" type="submit">PayPal Payouts CSV, file {{PART}}</button></form>
{{/PAYPAL_PARTS}}{{#SEPA}}<form class="inline" method="post" action="/studio/brand/payouts/{{ID}}/export"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="format" value="sepa"><button class="button small secondary" type="submit">SEPA transfer file (pain.001)</button></form>{{/SEPA}}
{{/EXPORTABLE}}
{{#OPEN}}<h2>Settle</h2>
<p>Mark it paid once the payments have gone out: each order line's commission is then recorded as paid in the ledger. Void it instead to drop it before it is paid; the period can then be run again.</p>
<form class="inline" method="post" action="/studio/brand/payouts/{{ID}}/paid"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Mark paid</button></form>
<form class="inline" method="post" action="/studio/brand/payouts/{{ID}}/void"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button secondary" type="submit">Void</button></form>
{{/OPEN}}
