{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p><a href="/studio/showcases">All showcases</a></p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}{{>ERROR_SUMMARY}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="title">Title (shown above the carousel)</label>
<input id="title" name="title" maxlength="80" required value="{{TITLE}}"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error"{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{TEXT}}</p>{{/ERR_TITLE}}</div>
<fieldset class="showcase-rules"><legend>Which products</legend>
{{#FOR_CREATOR}}<p class="hint">Only products you have an approved pick of can appear.</p>{{/FOR_CREATOR}}
{{#BRAND_FILTER}}<div class="field"><label for="brand_id">Brand</label>
<select id="brand_id" name="brand_id"{{#ERR_BRAND_ID}} aria-invalid="true" aria-describedby="brand_id-error"{{/ERR_BRAND_ID}}>
<option value="">Any brand</option>
{{#BRANDS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/BRANDS}}</select>
{{#ERR_BRAND_ID}}<p class="field-error" id="brand_id-error">{{TEXT}}</p>{{/ERR_BRAND_ID}}</div>{{/BRAND_FILTER}}
<div class="field"><label for="tags">Tags (any of them; up to 5, separated by commas)</label>
<input id="tags" name="tags" maxlength="400" value="{{TAGS}}"{{#ERR_TAGS}} aria-invalid="true" aria-describedby="tags-error"{{/ERR_TAGS}}>
{{#ERR_TAGS}}<p class="field-error" id="tags-error">{{TEXT}}</p>{{/ERR_TAGS}}</div>
<div class="field"><label for="type">Product type</label>
<input id="type" name="type" maxlength="120" value="{{TYPE}}"{{#ERR_TYPE}} aria-invalid="true" aria-describedby="type-error"{{/ERR_TYPE}}>
{{#ERR_TYPE}}<p class="field-error" id="type-error">{{TEXT}}</p>{{/ERR_TYPE}}</div>
<div class="field"><label for="price_min">Lowest price</label>
<input id="price_min" name="price_min" maxlength="20" inputmode="decimal" value="{{PRICE_MIN}}"{{#ERR_PRICE_MIN}} aria-invalid="true" aria-describedby="price_min-error"{{/ERR_PRICE_MIN}}>
{{#ERR_PRICE_MIN}}<p class="field-error" id="price_min-error">{{TEXT}}</p>{{/ERR_PRICE_MIN}}</div>
<div class="field"><label for="price_max">Highest price</label>
<input id="price_max" name="price_max" maxlength="20" inputmode="decimal" value="{{PRICE_MAX}}"{{#ERR_PRICE_MAX}} aria-invalid="true" aria-describedby="price_max-error"{{/ERR_PRICE_MAX}}>
{{#ERR_PRICE_MAX}}<p class="field-error" id="price_max-error">{{TEXT}}</p>{{/ERR_PRICE_MAX}}</div>
<div class="field"><label for="currency">Currency of the prices</label>
<input id="currency" name="currency" maxlength="3" size="4" value="{{CURRENCY}}" aria-describedby="currency-hint{{#ERR_CURRENCY}} currency-error{{/ERR_CURRENCY}}"{{#ERR_CURRENCY}} aria-invalid="true"{{/ERR_CURRENCY}}>
<p class="hint" id="currency-hint">Three letters, e.g. USD; needed with a price. Products priced in another currency are left out.</p>
{{#ERR_CURRENCY}}<p class="field-error" id="currency-error">{{TEXT}}</p>{{/ERR_CURRENCY}}</div>
<div class="field"><label><input type="checkbox" name="in_stock_only" value="yes"{{#IN_STOCK_ONLY}} checked{{/IN_STOCK_ONLY}}> In stock only</label></div>
<div class="field"><label for="best_sellers_days">Best sellers over the last … days (1 to 365; empty: off)</label>
<input id="best_sellers_days" name="best_sellers_days" maxlength="3" inputmode="numeric" value="{{BEST_SELLERS_DAYS}}"{{#ERR_BEST_SELLERS_DAYS}} aria-invalid="true" aria-describedby="best_sellers_days-error"{{/ERR_BEST_SELLERS_DAYS}}>
{{#ERR_BEST_SELLERS_DAYS}}<p class="field-error" id="best_sellers_days-error">{{TEXT}}</p>{{/ERR_BEST_SELLERS_DAYS}}</div>
<div class="field"><label><input type="checkbox" name="recently_viewed" value="yes"{{#RECENTLY_VIEWED}} checked{{/RECENTLY_VIEWED}}> Only what the visitor viewed recently (in this browser session)</label></div>
<div class="field"><label for="sort">Order</label>
<select id="sort" name="sort"{{#ERR_SORT}} aria-invalid="true" aria-describedby="sort-error"{{/ERR_SORT}}>
{{#SORTS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SORTS}}</select>
{{#ERR_SORT}}<p class="field-error" id="sort-error">{{TEXT}}</p>{{/ERR_SORT}}</div>
<div class="field"><label for="limit">How many products (1 to 24)</label>
<input id="limit" name="limit" maxlength="2" inputmode="numeric" value="{{LIMIT}}"{{#ERR_LIMIT}} aria-invalid="true" aria-describedby="limit-error"{{/ERR_LIMIT}}>
{{#ERR_LIMIT}}<p class="field-error" id="limit-error">{{TEXT}}</p>{{/ERR_LIMIT}}</div>
</fieldset>
<div class="field"><label for="slot">Where it is shown</label>
<select id="slot" name="slot" aria-describedby="slot-hint"{{#ERR_SLOT}} aria-invalid="true"{{/ERR_SLOT}}>
{{#SLOTS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SLOTS}}</select>
<p class="hint" id="slot-hint">{{#FOR_CREATOR}}Your storefront shows two showcases; taking a place moves the showcase that had it off the storefront.{{/FOR_CREATOR}}{{#FOR_BRAND}}Your product pages show one showcase; choosing this one replaces the other.{{/FOR_BRAND}}</p>
{{#ERR_SLOT}}<p class="field-error">{{TEXT}}</p>{{/ERR_SLOT}}</div>
<div class="actions"><button class="button" type="submit" name="action" value="save">Save</button>
<button class="button secondary" type="submit" name="action" value="preview">Preview</button></div>
</form>
{{#PREVIEW}}<section class="showcase-preview" aria-label="Preview">
<h2>Preview</h2>
{{#PREVIEW_EMPTY}}<p class="muted">No product matches these rules now, so the showcase would not appear.</p>{{/PREVIEW_EMPTY}}
{{#PREVIEW_FAILED}}<p class="muted">The preview could not be made just now.</p>{{/PREVIEW_FAILED}}
{{#SALES_COUNTED}}<p class="hint">Units sold over the last {{DAYS}} days as counted at {{AT}} UTC; they are recounted every {{EVERY}}.</p>{{/SALES_COUNTED}}
{{#SALES_NOT_COUNTED}}<p class="hint">Units sold over the last {{DAYS}} days are not counted yet, so this preview follows the order chosen above. They are counted within {{EVERY}} of saving a showcase with this rule, and soon after the shop first shows it.</p>{{/SALES_NOT_COUNTED}}
{{>SHOWCASE}}
</section>{{/PREVIEW}}
