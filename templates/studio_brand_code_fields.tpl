{{%AUTOESCAPE context="HTML"}}<fieldset class="field"><legend>Discount</legend>
<label><input type="radio" name="kind" value="percent"{{#KIND_PERCENT}} checked{{/KIND_PERCENT}}> Percentage off</label>
<label><input type="radio" name="kind" value="fixed"{{#KIND_FIXED}} checked{{/KIND_FIXED}}> Fixed amount off ({{CURRENCY}})</label>
</fieldset>
<div class="field"><label for="value">Percentage or amount off</label>
<input id="value" name="value" inputmode="decimal" maxlength="20" required value="{{VALUE}}" aria-describedby="value-hint{{#ERR_VALUE}} value-error{{/ERR_VALUE}}"{{#ERR_VALUE}} aria-invalid="true"{{/ERR_VALUE}}>
<p class="hint" id="value-hint">15 or 12.5 for a percentage (rounded half up to the cent); 5.00 for an amount, never more than the brand's part of the order.</p>
{{#ERR_VALUE}}<p class="field-error" id="value-error">{{TEXT}}</p>{{/ERR_VALUE}}</div>
<div class="field"><label for="min_order">Minimum order ({{CURRENCY}}, optional)</label>
<input id="min_order" name="min_order" inputmode="decimal" maxlength="20" value="{{MIN_ORDER}}"{{#ERR_MIN_ORDER}} aria-invalid="true" aria-describedby="min_order-error"{{/ERR_MIN_ORDER}}>
{{#ERR_MIN_ORDER}}<p class="field-error" id="min_order-error">{{TEXT}}</p>{{/ERR_MIN_ORDER}}</div>
<div class="field"><label for="total_limit">Uses in all (optional)</label>
<input id="total_limit" name="total_limit" type="number" min="1" inputmode="numeric" value="{{TOTAL_LIMIT}}"{{#ERR_TOTAL_LIMIT}} aria-invalid="true" aria-describedby="total_limit-error"{{/ERR_TOTAL_LIMIT}}>
{{#ERR_TOTAL_LIMIT}}<p class="field-error" id="total_limit-error">{{TEXT}}</p>{{/ERR_TOTAL_LIMIT}}</div>
<div class="field"><label for="per_customer_limit">Uses per customer (optional)</label>
<input id="per_customer_limit" name="per_customer_limit" type="number" min="1" inputmode="numeric" value="{{PER_CUSTOMER_LIMIT}}" aria-describedby="per-hint{{#ERR_PER_CUSTOMER_LIMIT}} per_customer_limit-error{{/ERR_PER_CUSTOMER_LIMIT}}"{{#ERR_PER_CUSTOMER_LIMIT}} aria-invalid="true"{{/ERR_PER_CUSTOMER_LIMIT}}>
<p class="hint" id="per-hint">A customer is an email address (case and +tags ignored).</p>
{{#ERR_PER_CUSTOMER_LIMIT}}<p class="field-error" id="per_customer_limit-error">{{TEXT}}</p>{{/ERR_PER_CUSTOMER_LIMIT}}</div>
<div class="field"><label for="starts_on">First day (UTC, optional)</label>
<input id="starts_on" name="starts_on" type="date" value="{{STARTS_ON}}"{{#ERR_STARTS_ON}} aria-invalid="true" aria-describedby="starts_on-error"{{/ERR_STARTS_ON}}>
{{#ERR_STARTS_ON}}<p class="field-error" id="starts_on-error">{{TEXT}}</p>{{/ERR_STARTS_ON}}</div>
<div class="field"><label for="ends_on">Last day (UTC, optional)</label>
<input id="ends_on" name="ends_on" type="date" value="{{ENDS_ON}}"{{#ERR_ENDS_ON}} aria-invalid="true" aria-describedby="ends_on-error"{{/ERR_ENDS_ON}}>
{{#ERR_ENDS_ON}}<p class="field-error" id="ends_on-error">{{TEXT}}</p>{{/ERR_ENDS_ON}}</div>
<div class="field"><label><input type="checkbox" name="combinable" value="on"{{#COMBINABLE_CHECKED}} checked{{/COMBINABLE_CHECKED}}> Combines with other codes of the brand that combine</label></div>
