{{%AUTOESCAPE context="HTML"}}<section class="order-detail" aria-label="Order {{REF}}">
{{#WITH_REF}}<h2>Order <span class="order-ref">{{REF}}</span></h2>
<p class="muted">Read out or type this reference to look the order up. Full order number: <span class="order-number">{{NUMBER}}</span></p>{{/WITH_REF}}
{{#NUMBER_ONLY}}<h2>Order <span class="order-number">{{NUMBER}}</span></h2>{{/NUMBER_ONLY}}
<p>{{BRAND}} · placed {{DATE}} · <span class="status status-{{STATUS_CLASS}}">{{STATUS}}</span></p>
{{#TEST_ORDER}}<p class="flash note test-order">Test order: paid with the test provider, so no money was taken.</p>{{/TEST_ORDER}}
{{#PAY_OFFLINE}}<p class="flash note">This order waits for your payment by bank transfer or on delivery. {{BRAND}} will contact you at {{EMAIL}} with the details.</p>{{/PAY_OFFLINE}}
{{#TRACKING}}<p>Shipped with {{CARRIER}}, tracking number <span class="order-number">{{TRACKING_NUMBER}}</span>.</p>{{/TRACKING}}
<table class="cart-table">
<thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th></tr></thead>
<tbody>
{{#LINES}}<tr><td>{{TITLE}}{{#VARIANT}}<br><span class="muted">{{TEXT}}</span>{{/VARIANT}}{{#REFUNDED}}<br><span class="muted">{{N}} refunded</span>{{/REFUNDED}}</td>
<td class="price">{{UNIT_PRICE}}</td><td>{{QUANTITY}}</td><td class="price">{{LINE_TOTAL}}</td></tr>
{{/LINES}}
</tbody>
</table>
<dl class="totals">
{{#DISCOUNT}}<dt>Items</dt><dd>{{ITEMS}}</dd>
<dt>Discount</dt><dd class="discount">{{AMOUNT}}</dd>{{/DISCOUNT}}
<dt>Subtotal</dt><dd>{{SUBTOTAL}}</dd>
<dt>Shipping</dt><dd>{{SHIPPING}}</dd>
{{#TAX_ADDED}}<dt>{{LABEL}}</dt><dd>{{AMOUNT}}</dd>{{/TAX_ADDED}}
<dt class="total">Total</dt><dd class="total">{{TOTAL}}</dd>
{{#TAX_INCLUDED}}<dt class="muted">Tax</dt><dd class="muted tax-included">{{TEXT}}</dd>{{/TAX_INCLUDED}}
{{#HAS_REFUND}}<dt>Refunded</dt><dd>{{REFUNDED}}</dd>{{/HAS_REFUND}}
</dl>
<p class="muted address">Shipping to<br>{{#ADDRESS_LINES}}{{LINE}}{{#ADDRESS_LINES_separator}}<br>{{/ADDRESS_LINES_separator}}{{/ADDRESS_LINES}}</p>
</section>
