{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/creator/marketplace">← Marketplace</a> · <a href="/studio/creator/samples">Your sample requests</a></p>
<h1 class="page-title">Request a sample</h1>
<p>Ask {{BRAND}} to send you <strong>{{PRODUCT}}</strong> free, to try before you show it. If you feature it once it has arrived, your pages say “Gifted by {{BRAND}}” beside it.</p>
{{#LIMITS}}<p class="hint">{{BRAND}} allows up to {{OPEN}} open requests per creator at a time, and {{MONTHLY}} in any 30 days.</p>{{/LIMITS}}
{{#SAMPLES_OFF}}<p class="flash note" role="status">{{BRAND}} is not sending samples at the moment.</p>{{/SAMPLES_OFF}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}{{>ERROR_SUMMARY}}
<form class="form sample-form" method="post" action="/studio/creator/samples">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="product_id" value="{{PRODUCT_ID}}">
{{#VARIANTS}}<div class="field"><label for="variant_id">Option</label>
<select id="variant_id" name="variant_id">
{{#VARIANT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/VARIANT}}</select></div>{{/VARIANTS}}
<div class="field"><label for="note">A note to the brand (optional)</label>
<textarea id="note" name="note" rows="3" maxlength="500" aria-describedby="note-hint">{{NOTE}}</textarea>
<p class="hint" id="note-hint">Where you plan to show it, your audience, the size you need.</p></div>
<fieldset class="field"><legend>Where to send it</legend>
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
<div class="field"><label for="region">State, province or region (optional)</label>
<input id="region" name="region" autocomplete="address-level1" maxlength="100" value="{{REGION}}"></div>
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
<p class="hint">Only {{BRAND}} sees this address, and only while the request is open.</p>
<div class="actions"><button class="button" type="submit">Request the sample</button></div>
</form>
