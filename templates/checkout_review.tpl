{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Review your order</h1>
{{#NOTICE}}<p class="flash error" role="alert">{{TEXT}}</p>{{/NOTICE}}
{{#CHANGED}}<p class="flash note" role="status">Prices changed since you added some items. Check the new prices below before you place the order.</p>{{/CHANGED}}
{{#SPLIT}}<p class="muted">This becomes {{N}} orders, one per brand: each brand ships its own parcel.</p>{{/SPLIT}}
{{#BRANDS}}<section class="cart-brand" aria-label="Order from {{BRAND}}">
<h2>{{BRAND}}</h2>
<div class="table-scroll">
<table class="cart-table">
<thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th></tr></thead>
<tbody>
{{#LINES}}<tr><td>{{TITLE}}{{#VARIANT}}<br><span class="muted">{{TEXT}}</span>{{/VARIANT}}
{{#PRICE_CHANGED}}<p class="price-changed">Price {{DIRECTION}}: was {{WAS}}, now {{NOW}}.</p>{{/PRICE_CHANGED}}
{{#UNAVAILABLE}}<p class="field-error">{{TEXT}}</p>{{/UNAVAILABLE}}</td>
<td class="price">{{UNIT_PRICE}}</td><td>{{QUANTITY}}</td><td class="price">{{LINE_TOTAL}}</td></tr>
{{/LINES}}
</tbody>
</table>
</div>
{{#MIXED_CURRENCY}}<p class="field-error">These items are priced in different currencies and cannot be ordered together.</p>{{/MIXED_CURRENCY}}
<dl class="totals">
{{#DISCOUNT}}<dt>Items</dt><dd>{{ITEMS}}</dd>
<dt>Discount</dt><dd class="discount">{{AMOUNT}}</dd>{{/DISCOUNT}}
<dt>Subtotal</dt><dd>{{SUBTOTAL}}</dd>
<dt>Shipping</dt><dd>{{SHIPPING}}</dd>
{{#TAX_ADDED}}<dt>{{LABEL}}</dt><dd>{{AMOUNT}}</dd>{{/TAX_ADDED}}
<dt class="total">Total</dt><dd class="total">{{TOTAL}}</dd>
{{#TAX_INCLUDED}}<dt class="muted">Tax</dt><dd class="muted tax-included">{{TEXT}}</dd>{{/TAX_INCLUDED}}
</dl>
</section>
{{/BRANDS}}
{{#HAS_CODES}}<section class="cart-codes" aria-labelledby="codes-h">
<h2 id="codes-h">Discount codes</h2>
<ul class="plain codes">
{{#CODES}}<li class="code{{#NOT_APPLIED}} not-applied{{/NOT_APPLIED}}"><strong class="code-text">{{CODE}}</strong>{{#FROM_LINK}} <span class="muted">(from a creator's link)</span>{{/FROM_LINK}}
{{#APPLIED}}<span class="code-amount">{{AMOUNT}} off</span>{{/APPLIED}}
<span class="{{#NOT_APPLIED}}field-error{{/NOT_APPLIED}}{{#APPLIED}}muted{{/APPLIED}}">{{TEXT}}</span>
{{#REMOVE}}<form class="inline" method="post" action="/cart/code/remove">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="code" value="{{CODE}}">
<button class="link-button" type="submit" aria-label="Remove code {{CODE}}">Remove</button></form>{{/REMOVE}}</li>
{{/CODES}}</ul>
</section>{{/HAS_CODES}}
<section class="review-address" aria-labelledby="ship-h">
<h2 id="ship-h">Shipping to</h2>
<p class="address">{{#ADDRESS_LINES}}{{LINE}}{{#ADDRESS_LINES_separator}}<br>{{/ADDRESS_LINES_separator}}{{/ADDRESS_LINES}}</p>
<p>Confirmation to {{EMAIL}} · Payment: {{PROVIDER_LABEL}}</p>
</section>
{{#BLOCKED}}<p class="flash error" role="alert">Some items cannot be ordered as they are. <a href="/cart">Change your cart</a> and check out again.</p>{{/BLOCKED}}
<form class="form" method="post" action="/checkout/place">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="email" value="{{EMAIL}}">
<input type="hidden" name="name" value="{{NAME}}">
<input type="hidden" name="line1" value="{{LINE1}}">
<input type="hidden" name="line2" value="{{LINE2}}">
<input type="hidden" name="city" value="{{CITY}}">
<input type="hidden" name="region" value="{{REGION}}">
<input type="hidden" name="postal" value="{{POSTAL}}">
<input type="hidden" name="country" value="{{COUNTRY}}">
<input type="hidden" name="provider" value="{{PROVIDER}}">
{{#PLACE}}<input type="hidden" name="token" value="{{TOKEN}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="actions"><button class="button" type="submit" data-once>Place order</button>
<button class="link-button" type="submit" formaction="/checkout/edit" formnovalidate>Change address</button>
<a href="/cart">Change cart</a></div>{{/PLACE}}
</form>
<script src="{{STATIC_JS_CHECKOUT_JS}}" defer></script>
