{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your cart</h1>
{{#EMPTY}}<p>Your cart is empty. <a href="/">Discover something you like</a>.</p>{{/EMPTY}}
{{#CHANGED}}<p class="flash note" role="status">Some prices changed since you added the items. The prices below are the ones you will pay.</p>{{/CHANGED}}
{{#SPLIT}}<p class="muted">Your cart holds products from {{N}} brands: each brand ships its own order, with its own shipping.</p>{{/SPLIT}}
{{#BRANDS}}<section class="cart-brand" aria-label="{{BRAND}}">
<h2>{{BRAND}}</h2>
<div class="table-scroll">
<table class="cart-table">
<thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>
{{#LINES}}<tr class="cart-line{{#UNAVAILABLE}} unavailable{{/UNAVAILABLE}}" id="line-{{VARIANT_ID}}">
<td class="line-product">{{#THUMB}}<img class="line-thumb" src="{{SRC}}"{{#SRCSET}} srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}"{{/SRCSET}} alt="" width="64" height="64" loading="lazy">{{/THUMB}}<div><a href="{{URL}}">{{TITLE}}</a>{{#VARIANT}}<br><span class="muted">{{TEXT}}</span>{{/VARIANT}}
{{#PRICE_CHANGED}}<p class="price-changed">Price {{DIRECTION}}: was {{WAS}}, now {{NOW}}.</p>{{/PRICE_CHANGED}}
{{#UNAVAILABLE}}<p class="field-error" id="line-{{VARIANT_ID}}-error">{{TEXT}}</p>{{/UNAVAILABLE}}</div></td>
<td class="price" data-label="Price">{{UNIT_PRICE}}</td>
<td class="line-qty" data-label="Quantity"><form class="inline qty-form" method="post" action="/cart/update">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="variant" value="{{VARIANT_ID}}">
<label class="visually-hidden" for="qty-{{VARIANT_ID}}">Quantity of {{TITLE}}</label>
<input id="qty-{{VARIANT_ID}}" class="qty" name="quantity" type="number" min="0" max="99" inputmode="numeric" value="{{QUANTITY}}"{{#UNAVAILABLE}} aria-invalid="true" aria-describedby="line-{{VARIANT_ID}}-error"{{/UNAVAILABLE}}>
<button class="link-button" type="submit">Update</button></form></td>
<td class="price" data-label="Total">{{LINE_TOTAL}}</td>
<td class="line-remove"><form class="inline" method="post" action="/cart/remove">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="variant" value="{{VARIANT_ID}}">
<button class="link-button" type="submit" aria-label="Remove {{TITLE}}">Remove</button></form></td>
</tr>
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
{{#CODE_ERROR}}<p class="flash error" role="alert" id="code-error">{{TEXT}}</p>{{/CODE_ERROR}}
{{#CAN_CHECKOUT}}<form class="form inline code-form" method="post" action="/cart/code">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="cart-code">Discount code</label>
<input id="cart-code" name="code" autocomplete="off" autocapitalize="characters" maxlength="32" required>
<button class="button secondary" type="submit">Apply</button></form>{{/CAN_CHECKOUT}}
{{#BLOCKED}}<p class="flash error" role="alert">Some items cannot be ordered as they are. Change or remove them to check out.</p>{{/BLOCKED}}
{{#CAN_CHECKOUT}}<p class="actions"><a class="button" href="/checkout">Check out</a> <a href="/orders/lookup">Look up an order</a></p>{{/CAN_CHECKOUT}}
