{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>{{#CATEGORY}}<li><a href="/c/{{SLUG}}">{{NAME}}</a></li>{{/CATEGORY}}<li aria-current="page">{{TITLE}}</li></ol></nav>
<article class="product">
<div class="gallery">
<div class="gallery-track" tabindex="0" role="region" aria-label="Pictures of {{TITLE}}">
{{#IMAGES}}<figure class="gallery-slide" id="picture-{{N}}" data-picture="{{IMAGE_ID}}">{{#IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/IMAGE}}</figure>
{{/IMAGES}}
</div>
{{#THUMBS}}<ol class="gallery-thumbs">
{{#THUMB}}<li><a href="#picture-{{N}}" aria-label="Picture {{N}} of {{COUNT}}">{{#IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/IMAGE}}</a></li>
{{/THUMB}}</ol>{{/THUMBS}}
</div>
<div class="product-info">
<p class="card-brand">{{BRAND}}</p>
<h1 class="page-title">{{TITLE}}</h1>
{{#VIA}}<p class="muted">Picked by <a href="/@{{HANDLE}}">{{NAME}}</a></p>
{{#DISCLOSURE}}<p class="disclosure" role="note">{{NAME}} earns a commission if you buy this product through their link.</p>{{/DISCLOSURE}}
{{#GIFTED}}<p class="disclosure gifted" role="note">Gifted by {{BRAND}}: {{NAME}} received this product free from {{BRAND}}.</p>{{/GIFTED}}{{/VIA}}
<p class="product-price" id="product-price" aria-live="polite">{{PRICE_LINE}}</p>
{{#ALL_SOLD_OUT}}<p class="sold-out">Sold out</p>{{/ALL_SOLD_OUT}}
{{#BUY}}<div id="buy"><form class="form buy" method="post" action="{{BUY_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>PICKER}}
<div class="field"><label for="quantity">Quantity</label>
<input id="quantity" class="qty" name="quantity" type="number" min="1" max="99" value="1" inputmode="numeric" required{{#SHORT}} aria-invalid="true" aria-describedby="quantity-error"{{/SHORT}}>
{{#SHORT}}<p class="field-error" id="quantity-error" role="alert">{{TEXT}}</p>{{/SHORT}}</div>
<div class="buy-bar"><span class="buy-bar-price" id="buy-bar-price" aria-hidden="true">{{PRICE_LINE}}</span>
<button class="button" type="submit">Add to cart</button></div>
</form></div>{{/BUY}}
<ul class="plain delivery-returns" aria-label="Delivery and returns">
<li>{{SHIPPING}}</li>
<li>{{RETURNS}}</li>
</ul>
<script src="{{STATIC_JS_VARIANT_PICKER_JS}}" defer></script>
<p><a class="button secondary" href="/studio/save/{{PRODUCT_ID}}" rel="nofollow">Save for later</a></p>
<div class="description">
{{SANITISED_DESCRIPTION_HTML:none}}
</div>
<p class="muted">{{TYPE}} · by {{BRAND}}</p>
</div>
</article>
{{#SHOWCASES}}{{>SHOWCASE}}{{/SHOWCASES}}
<script src="{{STATIC_JS_GALLERY_JS}}" defer></script>
