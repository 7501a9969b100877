{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your cart</h1>
{{#EMPTY}}<p>Your cart is empty. <a href="/">Discover something you like</a>.</p>{{/EMPTY}}
{{#CHANGED}}<p class="flash note" role="status">Some prices changed since you added the items. The prices below are the ones you will pay.</p>{{/CHANGED}}
{{#SPLIT}}<p class="muted">Your cart holds products from {{N}} brands: each brand ships its own order, with its own shipping.</p>{{/SPLIT}}
{{#BRANDS}}<section class="cart-brand" aria-label="{{BRAND}}">
<h2>{{BRAND}}</h2>
<table class="cart-table">
<thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>
{{#LINES}}<tr>
<td><a href="{{URL}}">{{TITLE}}</a>{{#VARIANT}}<br><span class="muted">{{TEXT}}</span>{{/VARIANT}}
{{#PRICE_CHANGED}}<p class="price-changed">Price {{DIRECTION}}: was {{WAS}}, now {{NOW}}.</p>{{/PRICE_CHANGED}}
{{#UNAVAILABLE}}<p class="field-error">{{TEXT}}</p>{{/UNAVAILABLE}}</td>
<td class="price">{{UNIT_PRICE}}</td>
<td><form class="inline qty-form" method="post" action="/cart/update">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="variant" value="{{VARIANT_ID}}">
<label class="visually-hidden" for="qty-{{VARIANT_ID}}">Quantity of {{TITLE}}</label>
<input id="qty-{{VARIANT_ID}}" class="qty" name="quantity" type="number" min="0" max="99" inputmode="numeric" value="{{QUANTITY}}">
<button class="link-button" type="submit">Update</button></form></td>
<td class="price">{{LINE_TOTAL}}</td>
<td><form class="inline" method="post" action="/cart/remove">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="variant" value="{{VARIANT_ID}}">
<button class="link-button" type="submit" aria-label="Remove {{TITLE}}">Remove</button></form></td>
</tr>
{{/LINES}}
</tbody>
</table>
{{#MIXED_CURRENCY}}<p class="field-error">These items are priced in different currencies and cannot be ordered together.</p>{{/MIXED_CURRENCY}}
<dl class="totals">
<dt>Subtotal</dt><dd>{{SUBTOTAL}}</dd>
<dt>Shipping</dt><dd>{{SHIPPING}}</dd>
{{#TAX_ADDED}}<dt>{{LABEL}}</dt><dd>{{AMOUNT}}</dd>{{/TAX_ADDED}}
<dt class="total">Total</dt><dd class="total">{{TOTAL}}</dd>
{{#TAX_INCLUDED}}<dt class="muted">Tax</dt><dd class="muted tax-included">{{TEXT}}</dd>{{/TAX_INCLUDED}}
</dl>
</section>
{{/BRANDS}}
{{#BLOCKED}}<p class="flash error" role="alert">Some items cannot be ordered as they are. Change or remove them to check out.</p>{{/BLOCKED}}
{{#CAN_CHECKOUT}}<p class="actions"><a class="button" href="/checkout">Check out</a> <a href="/orders/lookup">Look up an order</a></p>{{/CAN_CHECKOUT}}
