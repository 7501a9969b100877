{{%AUTOESCAPE context="HTML"}}<article class="ad-page" data-ad="{{SLUG}}">
<div class="ad-hero">
{{#HERO_VIDEO}}<video class="ad-video" controls muted playsinline preload="metadata" src="{{SRC}}"{{#POSTER}} poster="{{URL}}"{{/POSTER}}>
<p>Your browser cannot play this video here. <a href="{{SRC}}">Open the video</a>.</p>
</video>{{/HERO_VIDEO}}
{{#HERO}}{{#HERO_IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="ad-image" src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" fetchpriority="high" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/HERO_IMAGE}}{{/HERO}}

</div>
<h1 class="page-title ad-title">{{TITLE}}</h1>
<p class="ad-headline">{{HEADLINE}}</p>
<p class="muted">{{BRAND}}{{#BY_CREATOR}} · with <a href="/@{{HANDLE}}">{{NAME}}</a>{{/BY_CREATOR}}</p>
{{#BY_CREATOR}}<p class="disclosure" role="note">{{NAME}} earns a commission on purchases made through this ad.</p>{{/BY_CREATOR}}
<div class="ad-actions">
{{#BUY}}<form class="ad-buy" method="post" action="/ad/{{SLUG}}/cart">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="variant" value="{{VARIANT}}">
<input type="hidden" name="quantity" value="1">
<button class="button ad-buy-button" type="submit">Buy {{PRODUCT}} · {{PRICE}}</button>
</form>{{/BUY}}
{{#VISIT}}<a class="button secondary ad-visit" href="{{URL}}" rel="nofollow">Visit {{BRAND}}'s site</a>{{/VISIT}}
</div>
<section aria-labelledby="ad-products-h">
<h2 id="ad-products-h">In this collection</h2>
{{#NO_PRODUCTS}}<p class="muted">No products are available right now.</p>{{/NO_PRODUCTS}}
<ol class="ad-cards" tabindex="0" aria-label="Products, scroll sideways for more">
{{#CARDS}}<li class="ad-card">
<a class="card-link" href="{{URL}}">
{{#IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="card-img" src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="320" height="320"></picture>{{/IMAGE}}
<h3 class="card-title">{{TITLE}}</h3>
</a>
<p class="card-brand">{{BRAND}}</p>
<p class="price">{{PRICE}}</p>
{{#GIFTED}}<p class="gifted" role="note">Gifted by {{BRAND}}</p>{{/GIFTED}}
{{#BUY}}<form class="ad-card-buy" method="post" action="/ad/{{SLUG}}/cart">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="variant" value="{{VARIANT}}">
<input type="hidden" name="quantity" value="1">
<button class="button small" type="submit">Add to cart</button>
</form>{{/BUY}}
{{#SOLD_OUT}}<p><span class="badge">Sold out</span></p>{{/SOLD_OUT}}
</li>
{{/CARDS}}
</ol>
</section>
{{>SHOWCASE}}
</article>
{{>REPORT}}
