{{%AUTOESCAPE context="HTML"}}<section class="showcase" aria-labelledby="{{DOM_ID}}-h" data-showcase>
<h2 id="{{DOM_ID}}-h">{{TITLE}}</h2>
<ul class="showcase-row" id="{{DOM_ID}}" tabindex="0" aria-label="{{TITLE}}: products, scroll sideways for more">
{{#PRODUCTS}}<li class="showcase-item"><article class="card">
<a class="card-link" href="{{URL}}">
{{#IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="card-img" src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="320" height="320"></picture>{{/IMAGE}}
<h3 class="card-title">{{TITLE}}</h3>
</a>
<p class="card-brand">{{BRAND}}</p>
<p class="price">{{PRICE}}{{#SOLD_OUT}} <span class="badge">Sold out</span>{{/SOLD_OUT}}</p>
{{#GIFTED}}<p class="gifted" role="note">Gifted by {{BRAND}}</p>{{/GIFTED}}
</article></li>
{{/PRODUCTS}}
</ul>
</section>
<script src="{{STATIC_JS_SHOWCASE_JS}}" defer></script>
