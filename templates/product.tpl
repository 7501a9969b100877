{{%AUTOESCAPE context="HTML"}}<article class="product">
<div class="gallery">
<div class="gallery-track" tabindex="0" role="region" aria-label="Pictures of {{TITLE}}">
{{#IMAGES}}<figure class="gallery-slide" id="picture-{{N}}" data-picture="{{IMAGE_ID}}">{{#IMAGE}}<picture>{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/IMAGE}}</figure>
{{/IMAGES}}
</div>
{{#THUMBS}}<ol class="gallery-thumbs">
{{#THUMB}}<li><a href="#picture-{{N}}" aria-label="Picture {{N}} of {{COUNT}}">{{#IMAGE}}<picture>{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/IMAGE}}</a></li>
{{/THUMB}}</ol>{{/THUMBS}}
</div>
<div class="product-info">
<p class="card-brand">{{BRAND}}</p>
<h1 class="page-title">{{TITLE}}</h1>
{{#VIA}}<p class="muted">Picked by <a href="/@{{HANDLE}}">{{NAME}}</a></p>
{{#DISCLOSURE}}<p class="disclosure" role="note">{{NAME}} earns a commission if you buy this product through their link.</p>{{/DISCLOSURE}}
{{#GIFTED}}<p class="disclosure gifted" role="note">Gifted by {{BRAND}}: {{NAME}} received this product free from {{BRAND}}.</p>{{/GIFTED}}{{/VIA}}
<table class="variants">
<caption>Options, prices and availability</caption>
<thead><tr>{{#OPTION_NAMES}}<th scope="col">{{NAME}}</th>{{/OPTION_NAMES}}<th scope="col">Price</th><th scope="col">Availability</th></tr></thead>
<tbody>
{{#VARIANTS}}<tr>{{#VALUES}}<td>{{VALUE}}</td>{{/VALUES}}<td class="price">{{PRICE}}{{#COMPARE_AT}} <s class="compare-at" aria-label="was {{WAS}}">{{WAS}}</s>{{/COMPARE_AT}}</td><td class="{{STOCK_CLASS}}">{{STOCK}}{{#ONLY_LEFT}}Only {{LEFT}} left{{/ONLY_LEFT}}</td></tr>
{{/VARIANTS}}
</tbody>
</table>
{{#ALL_SOLD_OUT}}<p class="sold-out">Sold out</p>{{/ALL_SOLD_OUT}}
{{#BUY}}<form class="form buy" method="post" action="{{BUY_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="variant">Option</label>
<select id="variant" name="variant" required>
{{#BUY_OPTIONS}}<option value="{{ID}}"{{#SOLD_OUT}} disabled{{/SOLD_OUT}}{{#PICTURE}} data-picture="{{IMAGE_ID}}"{{/PICTURE}}>{{LABEL}}{{#SOLD_OUT}} (sold out){{/SOLD_OUT}}</option>
{{/BUY_OPTIONS}}
</select></div>
<div class="field"><label for="quantity">Quantity</label>
<input id="quantity" class="qty" name="quantity" type="number" min="1" max="99" value="1" inputmode="numeric" required></div>
<button class="button" type="submit">Add to cart</button>
</form>{{/BUY}}
<p><a class="button secondary" href="/studio/save/{{PRODUCT_ID}}" rel="nofollow">Save for later</a></p>
<div class="description">
{{SANITISED_DESCRIPTION_HTML:none}}
</div>
<p class="muted">{{TYPE}} · by {{BRAND}}</p>
</div>
</article>
{{#SHOWCASES}}{{>SHOWCASE}}{{/SHOWCASES}}
<script src="{{STATIC_JS_GALLERY_JS}}" defer></script>
