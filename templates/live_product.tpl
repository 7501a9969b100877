{{%AUTOESCAPE context="HTML"}}<a class="card-link" href="{{URL}}">
{{#IMAGE}}<img class="card-img" src="{{SRC}}" alt="{{ALT}}" loading="lazy" width="300" height="300">{{/IMAGE}}
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
{{#SOLD_OUT}}<p><span class="badge">Sold out</span></p>{{/SOLD_OUT}}
