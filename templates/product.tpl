{{%AUTOESCAPE context="HTML"}}<article class="product">
<div class="gallery">
{{#IMAGES}}<img src="{{SRC}}" alt="{{ALT}}" width="600" height="600">
{{/IMAGES}}
</div>
<div class="product-info">
<p class="card-brand">{{BRAND}}</p>
<h1 class="page-title">{{TITLE}}</h1>
{{#VIA}}<p class="muted">Picked by <a href="/@{{HANDLE}}">{{NAME}}</a></p>
{{#DISCLOSURE}}<p class="disclosure" role="note">{{NAME}} earns a commission if you buy this product through their link.</p>{{/DISCLOSURE}}{{/VIA}}
<table class="variants">
<caption>Options, prices and availability</caption>
<thead><tr>{{#OPTION_NAMES}}<th scope="col">{{NAME}}</th>{{/OPTION_NAMES}}<th scope="col">Price</th><th scope="col">Availability</th></tr></thead>
<tbody>
{{#VARIANTS}}<tr>{{#VALUES}}<td>{{VALUE}}</td>{{/VALUES}}<td class="price">{{PRICE}}{{#COMPARE_AT}} <s class="compare-at" aria-label="was {{WAS}}">{{WAS}}</s>{{/COMPARE_AT}}</td><td class="{{STOCK_CLASS}}">{{STOCK}}{{#ONLY_LEFT}}Only {{LEFT}} left{{/ONLY_LEFT}}</td></tr>
{{/VARIANTS}}
</tbody>
</table>
<div class="description">
{{#DESCRIPTION}}<p>{{TEXT}}</p>
{{/DESCRIPTION}}
</div>
<p class="muted">{{TYPE}} · by {{BRAND}}</p>
</div>
</article>
