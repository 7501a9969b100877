{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/orders">← All orders</a></p>
<h1 class="page-title">Order <span class="order-ref">{{REF}}</span>{{#TEST_ORDER}} <span class="badge test-badge">Test</span>{{/TEST_ORDER}}</h1>
{{#HAS_REF}}<p class="muted">Order number {{NUMBER}}</p>{{/HAS_REF}}
{{#TEST_ORDER}}<p class="flash note" id="test-order">Test order: paid with the test provider, so no money was received. It earns no commission and is left out of dashboards, best sellers and payouts.</p>{{/TEST_ORDER}}
<p class="lead">Placed {{PLACED}} UTC · <span class="order-status status-{{STATUS}}">{{STATUS_LABEL}}</span> · payment: {{PROVIDER}}</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#DONE}}<p class="flash" role="status">{{TEXT}}</p>{{/DONE}}
{{#REFUND_NEEDED}}<p class="flash error" role="alert" id="refund-needed">Refund needed: the shopper's payment arrived after the order's items were released or the order was cancelled, and the goods cannot be sent. Refund the order below; the money goes back through the payment provider.</p>{{/REFUND_NEEDED}}
{{#REFUND_NEEDED_CANCELLED}}<p class="flash error" role="alert" id="refund-needed">Refund needed: the shopper paid after this order was cancelled. A cancelled order cannot be refunded here: refund the payment in the payment provider's dashboard.</p>{{/REFUND_NEEDED_CANCELLED}}
<div class="order-columns">
<section aria-labelledby="ship-h">
<h2 id="ship-h">Ship to</h2>
<address class="order-address">{{#ADDRESS_LINES}}{{LINE}}{{#ADDRESS_LINES_separator}}<br>{{/ADDRESS_LINES_separator}}{{/ADDRESS_LINES}}</address>
<p>Email: <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></p>
{{#SHIPPED_WITH}}<p>Shipped with {{SHIP_CARRIER}}, tracking number <strong class="tracking">{{SHIP_TRACKING}}</strong></p>{{/SHIPPED_WITH}}
</section>
<section aria-labelledby="totals-h">
<h2 id="totals-h">Totals</h2>
<dl class="order-totals">
{{#DISCOUNT}}<dt>Items</dt><dd>{{ITEMS}}</dd>
<dt>Discount</dt><dd class="discount">{{AMOUNT}}</dd>{{/DISCOUNT}}
<dt>Subtotal</dt><dd>{{SUBTOTAL}}</dd>
<dt>Shipping</dt><dd>{{SHIPPING}}</dd>
{{#TAX_ADDED}}<dt>{{LABEL}}</dt><dd>{{AMOUNT}}</dd>{{/TAX_ADDED}}
<dt>Total</dt><dd><strong>{{TOTAL}}</strong></dd>
{{#TAX_INCLUDED}}<dt>Tax</dt><dd class="tax-included">{{TEXT}}</dd>{{/TAX_INCLUDED}}
{{#REFUNDED}}<dt>Refunded</dt><dd class="refunded">{{AMOUNT}}</dd>{{/REFUNDED}}
</dl>
</section>
</div>
<section aria-labelledby="lines-h">
<h2 id="lines-h">Items</h2>
<div class="table-scroll">
<table class="orders-table">
<thead><tr><th scope="col">Item</th><th scope="col">SKU</th><th scope="col" class="num">Price</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Total</th><th scope="col">Creator</th><th scope="col" class="num">Commission</th><th scope="col" class="num">Refunded</th></tr></thead>
<tbody>
{{#LINES}}<tr>
<td>{{TITLE}}{{#VARIANT}}<br><span class="muted">{{TEXT}}</span>{{/VARIANT}}</td>
<td>{{SKU}}</td>
<td class="num">{{UNIT_PRICE}}</td>
<td class="num">{{QUANTITY}}</td>
<td class="num">{{LINE_TOTAL}}</td>
<td>{{#CREATOR}}<span class="creator-attr">@{{HANDLE}}</span>{{#SURFACE}}<br><span class="muted">via {{TEXT}}</span>{{/SURFACE}}{{#KIND}}<br><span class="line-kind">{{TEXT}}</span>{{/KIND}}{{/CREATOR}}{{#NO_CREATOR}}<span class="muted">none</span>{{/NO_CREATOR}}</td>
<td class="num">{{#COMMISSION}}{{AMOUNT}} <span class="muted">({{RATE}} %)</span>{{#REVERSED}}<br><span class="refunded">reversed {{AMOUNT}}</span>{{/REVERSED}}{{/COMMISSION}}</td>
<td class="num">{{#LINE_REFUNDED}}{{UNITS}} · {{AMOUNT}}{{/LINE_REFUNDED}}</td>
</tr>
{{/LINES}}
</tbody>
</table>
</div>
</section>
{{#ACTIONS}}<section aria-labelledby="actions-h" class="order-actions">
<h2 id="actions-h">Fulfil</h2>
{{#MARK_PAID}}<form class="form" method="post" action="/studio/orders/{{NUMBER}}/transition">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="action" value="mark_paid">
<p>Payment arrived (bank transfer, cash on delivery)?</p>
<div class="actions"><button class="button" type="submit">Mark as paid</button></div>
</form>{{/MARK_PAID}}
{{#SHIP}}<form class="form" method="post" action="/studio/orders/{{NUMBER}}/transition">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="action" value="ship">
<div class="field"><label for="carrier">Carrier</label>
<input id="carrier" name="carrier" maxlength="60" required value="{{CARRIER}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}></div>
<div class="field"><label for="tracking_number">Tracking number</label>
<input id="tracking_number" name="tracking_number" maxlength="100" required value="{{TRACKING}}"{{#INVALID}} aria-invalid="true"{{/INVALID}}></div>
<div class="actions"><button class="button" type="submit">Mark as shipped</button></div>
</form>{{/SHIP}}
{{#DELIVER}}<form class="form" method="post" action="/studio/orders/{{NUMBER}}/transition">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="action" value="deliver">
<div class="actions"><button class="button" type="submit">Mark as delivered</button></div>
</form>{{/DELIVER}}
{{#CANCEL}}<form class="form" method="post" action="/studio/orders/{{NUMBER}}/transition">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="action" value="cancel">
<p>Cancelling puts every item back in stock and takes back any creator commission.</p>
<div class="actions"><button class="button secondary" type="submit">Cancel order</button></div>
</form>{{/CANCEL}}
{{#REFUND}}<form class="form" method="post" action="/studio/orders/{{NUMBER}}/refund">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="mode" value="lines">
<fieldset><legend>Refund some items</legend>
{{#REFUND_LINES}}<div class="field"><input type="hidden" name="line" value="{{LINE_ID}}">
<label for="qty-{{LINE_ID}}">{{TITLE}}{{#SKU}} ({{TEXT}}){{/SKU}}: units to refund, up to {{LEFT}}</label>
<input id="qty-{{LINE_ID}}" name="qty" type="number" inputmode="numeric" min="0" max="{{LEFT}}" step="1" value="0"></div>
{{/REFUND_LINES}}
<p class="hint">Refunds the items with their tax; shipping is refunded with the last item. Refunded items are not put back in stock.</p>
</fieldset>
<div class="actions"><button class="button secondary" type="submit">Refund selected items</button></div>
</form>
<form class="form" method="post" action="/studio/orders/{{NUMBER}}/refund">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<input type="hidden" name="mode" value="full">
<div class="actions"><button class="button secondary" type="submit">Refund everything left ({{REFUNDABLE}})</button></div>
</form>{{/REFUND}}
</section>{{/ACTIONS}}
<section aria-labelledby="history-h">
<h2 id="history-h">History</h2>
<ol class="order-history">
{{#EVENTS}}<li><time datetime="{{ISO}}">{{AT}} UTC</time> — {{#FROM}}{{FROM_LABEL}} → {{/FROM}}<strong>{{TO_LABEL}}</strong>, by {{WHO}}{{#NOTE}}<br><span class="muted">{{TEXT}}</span>{{/NOTE}}</li>
{{/EVENTS}}
</ol>
</section>
