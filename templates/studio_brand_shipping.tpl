{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/orders">Orders</a></p>
<h1 class="page-title">Shipping and tax</h1>
<p>What checkout adds to every order of {{BRAND}}: one flat shipping rate per order, and tax at this rate on the products and shipping, rounded half up once per order.</p>
{{#SAVED}}<p class="flash" role="status">Saved. New checkouts use these rates.</p>{{/SAVED}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/studio/brand/shipping">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="shipping">Flat shipping rate per order ({{CURRENCY}})</label>
<input id="shipping" name="shipping" inputmode="decimal" maxlength="16" required value="{{SHIPPING}}" aria-describedby="shipping-hint">
<p class="hint" id="shipping-hint">For example 4.99; 0 for free shipping.</p></div>
<div class="field"><label for="tax_percent">Tax rate (%)</label>
<input id="tax_percent" name="tax_percent" inputmode="decimal" maxlength="8" required value="{{TAX}}" aria-describedby="tax-hint">
<p class="hint" id="tax-hint">For example 8.25; 0 if you do not charge tax.</p></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
