{{%AUTOESCAPE context="HTML"}}<article class="video-page" data-video="{{VIDEO}}">
<div class="video-stage">
<video id="video-player" class="video-player" controls preload="metadata" playsinline src="{{SRC}}"{{#POSTER}} poster="{{URL}}"{{/POSTER}}>
<p>Your browser cannot play this video here. <a href="{{SRC}}">Open the video</a>.</p>
</video>
<a class="video-overlay" id="video-overlay" href="#tagged-h" hidden>Shop</a>
{{#SPOTS}}<a class="video-spot" href="#tag-{{N}}" data-card="tag-{{N}}" data-x="{{X}}" data-y="{{Y}}" data-start="{{START}}" data-end="{{END}}" hidden><span class="video-spot-dot" aria-hidden="true"></span><span class="video-spot-label">{{LABEL}}</span></a>
{{/SPOTS}}<div class="video-endcard" id="video-endcard" hidden></div>
</div>
<h1 class="page-title video-caption">{{CAPTION}}</h1>
<p class="muted">{{#BY_CREATOR}}by <a href="/@{{HANDLE}}">{{NAME}}</a>{{/BY_CREATOR}}{{#BY_BRAND}}by {{NAME}}{{/BY_BRAND}}</p>
{{#DISCLOSURE}}<p class="disclosure" role="note">{{CREATOR_NAME}} earns a commission on purchases made through this video.</p>{{/DISCLOSURE}}
<section aria-labelledby="tagged-h">
<h2 id="tagged-h">In this video</h2>
<p class="video-status" id="video-status" role="status" aria-live="polite">{{#ADDED}}{{TEXT}}{{/ADDED}}</p>
{{#NO_TAGS}}<p class="muted">No products are tagged in this video.</p>{{/NO_TAGS}}
<ol class="video-cards">
{{#TAGS}}<li class="video-card" id="tag-{{N}}" data-start="{{START}}" data-end="{{END}}">
<a class="card-link" href="{{URL}}">
{{#IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="card-img" src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="320" height="320"></picture>{{/IMAGE}}
<h3 class="card-title">{{TITLE}}</h3>
</a>
<p class="card-brand">{{BRAND}}</p>
<p class="price" id="tag-{{N}}-price">{{PRICE}}</p>
{{#GIFTED}}<p class="gifted" role="note">Gifted by {{BRAND}}</p>{{/GIFTED}}
<p class="video-time muted">In the video at <span class="video-from">{{FROM}}</span>–{{TO}}</p>
{{#BUY}}<form class="video-buy" method="post" action="/v/{{VIDEO}}/cart" data-price-shown="tag-{{N}}-price">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="back" value="video">
{{>PICKER}}
<input type="hidden" name="quantity" value="1">
<button class="button" type="submit">Add to cart</button>
</form>{{/BUY}}
{{#SOLD_OUT}}<p><span class="badge">Sold out</span></p>{{/SOLD_OUT}}
</li>
{{/TAGS}}
</ol>
</section>
{{#MORE}}<section class="video-more" aria-labelledby="more-h">
<h2 id="more-h">More products</h2>
<div class="grid">
{{>CARDS}}
</div>
</section>{{/MORE}}
{{>CART_DRAWER}}
</article>
<dialog class="video-spot-dialog" id="video-spot-dialog" aria-label="Product in the video"><form method="dialog"><button class="button secondary video-spot-close" type="submit">Close</button></form></dialog>
<script src="{{STATIC_JS_VARIANT_PICKER_JS}}" defer></script>
<script src="{{STATIC_JS_VIDEO_JS}}" defer></script>
{{>REPORT}}
