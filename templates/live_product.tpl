{{%AUTOESCAPE context="HTML"}}<a class="card-link" href="{{URL}}">
{{#IMAGE}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="card-img" src="{{SRC}}" alt="{{ALT}}" loading="{{LOADING}}" decoding="async" width="320" height="320"></picture>{{/IMAGE}}
<h3 class="card-title">{{TITLE}}</h3>
</a>
<p class="card-brand">{{BRAND}}</p>
<p class="price">{{PRICE}}</p>
{{#GIFTED}}<p class="gifted" role="note">Gifted by {{BRAND}}</p>{{/GIFTED}}
{{#BUY}}<form class="live-buy" method="post" action="/live/{{LIVE}}/cart">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="variant" value="{{VARIANT}}">
<input type="hidden" name="quantity" value="1">
<button class="button" type="submit">Buy: add to cart</button>
</form>{{/BUY}}
{{#SOLD_OUT}}<p><span class="badge live-sold-out">Sold out</span></p>{{/SOLD_OUT}}
{{#DEAL}}<div class="live-deal" data-deal="{{ID}}" data-ends="{{ENDS}}">
<p class="live-deal-price">Flash deal: <strong>{{PRICE}}</strong> <s>{{WAS}}</s></p>
<p class="muted">Ends in <span class="live-deal-countdown" data-ends="{{ENDS}}">{{LEFT_S}} s</span> · <span class="live-deal-left">{{LEFT}}</span> left · up to {{PER_BUYER}} per buyer</p>
{{#TAKE}}<form class="live-deal-take" method="post" action="/live/{{LIVE}}/deals/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="variant" value="{{VARIANT}}">
<input type="hidden" name="quantity" value="1">
<button class="button" type="submit">Buy at the deal price</button>
</form>{{/TAKE}}
{{#DEAL_GONE}}<p><span class="badge">Deal sold out</span></p>{{/DEAL_GONE}}
</div>{{/DEAL}}
