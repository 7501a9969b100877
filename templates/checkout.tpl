{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Checkout</h1>
<p class="muted">No account needed. We send the confirmation to your email.</p>
{{>ERROR_SUMMARY}}
<div class="checkout">
<form class="form" method="post" action="/checkout/review">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
{{#ERR_EMAIL}}<p class="field-error" id="email-error">{{TEXT}}</p>{{/ERR_EMAIL}}</div>
<fieldset class="field"><legend>Shipping address</legend>
<div class="field"><label for="name">Full name</label>
<input id="name" name="name" autocomplete="name" maxlength="120" required value="{{NAME}}"{{#ERR_NAME}} aria-invalid="true" aria-describedby="name-error"{{/ERR_NAME}}>
{{#ERR_NAME}}<p class="field-error" id="name-error">{{TEXT}}</p>{{/ERR_NAME}}</div>
<div class="field"><label for="line1">Street address</label>
<input id="line1" name="line1" autocomplete="address-line1" maxlength="200" required value="{{LINE1}}"{{#ERR_LINE1}} aria-invalid="true" aria-describedby="line1-error"{{/ERR_LINE1}}>
{{#ERR_LINE1}}<p class="field-error" id="line1-error">{{TEXT}}</p>{{/ERR_LINE1}}</div>
<div class="field"><label for="line2">Apartment, suite (optional)</label>
<input id="line2" name="line2" autocomplete="address-line2" maxlength="200" value="{{LINE2}}"></div>
<div class="field"><label for="city">Town or city</label>
<input id="city" name="city" autocomplete="address-level2" maxlength="100" required value="{{CITY}}"{{#ERR_CITY}} aria-invalid="true" aria-describedby="city-error"{{/ERR_CITY}}>
{{#ERR_CITY}}<p class="field-error" id="city-error">{{TEXT}}</p>{{/ERR_CITY}}</div>
<div class="field"><label for="region">State or region (optional)</label>
<input id="region" name="region" autocomplete="address-level1" maxlength="100" value="{{REGION}}" aria-describedby="region-hint">
<p class="hint" id="region-hint">In the US, Canada and Australia, the state or province, like CA or California.</p></div>
<div class="field"><label for="postal">Postal code</label>
<input id="postal" name="postal" autocomplete="postal-code" maxlength="20" required value="{{POSTAL}}"{{#ERR_POSTAL}} aria-invalid="true" aria-describedby="postal-error"{{/ERR_POSTAL}}>
{{#ERR_POSTAL}}<p class="field-error" id="postal-error">{{TEXT}}</p>{{/ERR_POSTAL}}</div>
<div class="field"><label for="country">Country</label>
<select id="country" name="country" autocomplete="country" required{{#ERR_COUNTRY}} aria-invalid="true" aria-describedby="country-error"{{/ERR_COUNTRY}}>
<option value="">Choose…</option>
{{#COUNTRIES}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COUNTRIES}}</select>
{{#ERR_COUNTRY}}<p class="field-error" id="country-error">{{TEXT}}</p>{{/ERR_COUNTRY}}</div>
</fieldset>
<fieldset class="field" id="provider"{{#ERR_PROVIDER}} aria-describedby="provider-error"{{/ERR_PROVIDER}}><legend>Payment</legend>
{{#PROVIDERS}}<label><input type="radio" name="provider" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/PROVIDERS}}
{{#ERR_PROVIDER}}<p class="field-error" id="provider-error">{{TEXT}}</p>{{/ERR_PROVIDER}}
</fieldset>
<div class="field"><label for="code">Discount code (optional)</label>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" maxlength="32" value=""{{#ERR_CODE}} aria-invalid="true" aria-describedby="code-error"{{/ERR_CODE}}>
{{#ERR_CODE}}<p class="field-error" id="code-error">{{TEXT}}</p>{{/ERR_CODE}}</div>
<div class="actions"><button class="button" type="submit">Review order</button> <a href="/cart">Back to cart</a></div>
</form>
<aside class="checkout-summary" aria-labelledby="summary-h">
<h2 id="summary-h">In your cart ({{COUNT}})</h2>
{{#BRANDS}}<h3>{{BRAND}}</h3>
<ul class="plain">{{#LINES}}<li>{{QUANTITY}} × {{TITLE}}{{#VARIANT}} ({{TEXT}}){{/VARIANT}} — {{LINE_TOTAL}}</li>{{/LINES}}</ul>
{{#DISCOUNT}}<p>Discount {{AMOUNT}}</p>{{/DISCOUNT}}
<p>Total {{TOTAL}} <span class="muted">incl. shipping {{SHIPPING}} and tax {{TAX}}</span></p>
{{/BRANDS}}
{{#HAS_CODES}}<h3>Codes</h3>
<ul class="plain codes">{{#CODES}}<li><strong>{{CODE}}</strong> {{#APPLIED}}{{AMOUNT}} off. {{/APPLIED}}<span class="muted">{{TEXT}}</span></li>{{/CODES}}</ul>{{/HAS_CODES}}
</aside>
</div>
