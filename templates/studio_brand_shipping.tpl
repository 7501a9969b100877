{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/orders">Orders</a></p>
<h1 class="page-title">Shipping and tax</h1>
<p>What checkout adds to each order of {{BRAND}}, by where it ships: the destination's shipping rate, and tax at the destination's rate on the products and on shipping, rounded half up per line. A destination without its own rate takes the default.</p>
{{#SAVED}}<p class="flash" role="status">Saved. New checkouts use these rates.</p>{{/SAVED}}
{{>ERROR_SUMMARY}}
<h2>Defaults</h2>
<form class="form" method="post" action="/studio/brand/shipping">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="shipping">Default shipping rate per order ({{CURRENCY}})</label>
<input id="shipping" name="shipping" inputmode="decimal" maxlength="16" required value="{{SHIPPING}}" aria-describedby="shipping-hint{{#ERR_SHIPPING}} shipping-error{{/ERR_SHIPPING}}"{{#ERR_SHIPPING}} aria-invalid="true"{{/ERR_SHIPPING}}>
<p class="hint" id="shipping-hint">For example 4.99; 0 for free shipping.</p>
{{#ERR_SHIPPING}}<p class="field-error" id="shipping-error">{{TEXT}}</p>{{/ERR_SHIPPING}}</div>
<div class="field"><label for="tax_percent">Default tax rate (%)</label>
<input id="tax_percent" name="tax_percent" inputmode="decimal" maxlength="8" required value="{{TAX}}" aria-describedby="tax-hint{{#ERR_TAX_PERCENT}} tax_percent-error{{/ERR_TAX_PERCENT}}"{{#ERR_TAX_PERCENT}} aria-invalid="true"{{/ERR_TAX_PERCENT}}>
<p class="hint" id="tax-hint">For example 8.25; 0 if you do not charge tax where you have no rate.</p>
{{#ERR_TAX_PERCENT}}<p class="field-error" id="tax_percent-error">{{TEXT}}</p>{{/ERR_TAX_PERCENT}}</div>
<fieldset class="field"><legend>Your prices</legend>
<label><input type="radio" name="prices" value="exclude"{{#EXCLUDED}} checked{{/EXCLUDED}}> exclude tax: checkout adds it (US style)</label>
<label><input type="radio" name="prices" value="include"{{#INCLUDED}} checked{{/INCLUDED}}> include tax: the total shows the tax it holds (EU style, VAT)</label>
</fieldset>
<div class="actions"><button class="button" type="submit">Save defaults</button></div>
</form>

<h2 id="tax-rates">Tax rate by destination</h2>
{{#NO_TAX_ROWS}}<p class="muted">No rates yet: every destination pays the default rate.</p>{{/NO_TAX_ROWS}}
<div class="table-scroll"><table class="data tax-rates">
<thead><tr><th scope="col">Country</th><th scope="col">Region</th><th scope="col">Rate</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>
{{#TAX_ROWS}}<tr><td>{{COUNTRY_NAME}} ({{COUNTRY}})</td><td>{{REGION_TEXT}}</td><td>{{RATE}}</td>
<td><form method="post" action="/studio/brand/shipping/tax-rates/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="country" value="{{COUNTRY}}"><input type="hidden" name="region" value="{{REGION}}"><button class="link-button" type="submit" aria-label="Remove the rate of {{COUNTRY_NAME}} {{REGION}}">Remove</button></form></td></tr>
{{/TAX_ROWS}}
</tbody></table></div>
<form class="form" method="post" action="/studio/brand/shipping/tax-rates">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="tax-country">Country</label>
<select id="tax-country" name="country" required{{#ERR_TAX_COUNTRY}} aria-invalid="true" aria-describedby="tax-country-error"{{/ERR_TAX_COUNTRY}}><option value="">Choose…</option>
{{#TAX_COUNTRIES}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/TAX_COUNTRIES}}</select>
{{#ERR_TAX_COUNTRY}}<p class="field-error" id="tax-country-error">{{TEXT}}</p>{{/ERR_TAX_COUNTRY}}</div>
<div class="field"><label for="tax-region">Region code (optional)</label>
<input id="tax-region" name="region" maxlength="3" autocapitalize="characters" value="{{TAX_REGION}}" aria-describedby="tax-region-hint{{#ERR_TAX_REGION}} tax-region-error{{/ERR_TAX_REGION}}"{{#ERR_TAX_REGION}} aria-invalid="true"{{/ERR_TAX_REGION}}>
<p class="hint" id="tax-region-hint">Such as CA for California; empty for the whole country. A region's rate wins over its country's.</p>
{{#ERR_TAX_REGION}}<p class="field-error" id="tax-region-error">{{TEXT}}</p>{{/ERR_TAX_REGION}}</div>
<div class="field"><label for="tax-rate">Rate (%)</label>
<input id="tax-rate" name="tax_percent" inputmode="decimal" maxlength="8" required value="{{TAX_RATE}}"{{#ERR_TAX_RATE}} aria-invalid="true" aria-describedby="tax-rate-error"{{/ERR_TAX_RATE}}>
{{#ERR_TAX_RATE}}<p class="field-error" id="tax-rate-error">{{TEXT}}</p>{{/ERR_TAX_RATE}}</div>
<div class="actions"><button class="button" type="submit">Add or change the rate</button></div>
</form>

<h2 id="shipping-rates">Shipping rate by destination</h2>
{{#NO_SHIP_ROWS}}<p class="muted">No rates yet: every destination pays the default shipping rate.</p>{{/NO_SHIP_ROWS}}
<div class="table-scroll"><table class="data shipping-rates">
<thead><tr><th scope="col">Destination</th><th scope="col">Rate per order</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
<tbody>
{{#SHIP_ROWS}}<tr><td>{{DEST_NAME}} ({{DEST}})</td><td>{{RATE}}</td>
<td><form method="post" action="/studio/brand/shipping/rates/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dest" value="{{DEST}}"><button class="link-button" type="submit" aria-label="Remove the shipping rate of {{DEST_NAME}}">Remove</button></form></td></tr>
{{/SHIP_ROWS}}
</tbody></table></div>
<form class="form" method="post" action="/studio/brand/shipping/rates">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="ship-dest">Country or zone</label>
<select id="ship-dest" name="dest" required{{#ERR_SHIP_DEST}} aria-invalid="true" aria-describedby="ship-dest-error"{{/ERR_SHIP_DEST}}><option value="">Choose…</option>
<option value="EU"{{#EU_SELECTED}} selected{{/EU_SELECTED}}>European Union (zone)</option>
{{#SHIP_COUNTRIES}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SHIP_COUNTRIES}}</select>
{{#ERR_SHIP_DEST}}<p class="field-error" id="ship-dest-error">{{TEXT}}</p>{{/ERR_SHIP_DEST}}</div>
<div class="field"><label for="ship-rate">Rate per order ({{CURRENCY}})</label>
<input id="ship-rate" name="shipping" inputmode="decimal" maxlength="16" required value="{{SHIP_RATE}}"{{#ERR_SHIP_RATE}} aria-invalid="true" aria-describedby="ship-rate-error"{{/ERR_SHIP_RATE}}>
{{#ERR_SHIP_RATE}}<p class="field-error" id="ship-rate-error">{{TEXT}}</p>{{/ERR_SHIP_RATE}}</div>
<div class="actions"><button class="button" type="submit">Add or change the rate</button></div>
</form>
