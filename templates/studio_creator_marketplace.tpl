{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/creator/picks">Your picks</a></p>
<h1 class="page-title">Creator marketplace</h1>
<p>Products that brands have opened to creators, and the commission each pays on sales made through your pages.</p>
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>{{/FLASH}}
{{#EMPTY}}<p class="muted">No brand has opened products to creators yet.</p>{{/EMPTY}}
<table class="data">
<caption>Products open to creators</caption>
<thead><tr><th scope="col">Product</th><th scope="col">Brand</th><th scope="col">Price</th><th scope="col">Commission</th><th scope="col">Your pick</th></tr></thead>
<tbody>
{{#PRODUCTS}}<tr><td><a href="{{URL}}">{{TITLE}}</a></td><td>{{BRAND}}</td><td>{{PRICE}}</td><td class="rate{{#COMING}} rate-coming{{/COMING}}">{{RATE}}{{#FIRST_ORDER}}<br><span class="muted">{{RATE}} on a buyer's first order with the brand, when higher</span>{{/FIRST_ORDER}}{{#INDIRECT}}<br><span class="muted">{{RATE}} on the brand's other products bought in the same visit</span>{{/INDIRECT}}</td>
<td>{{#STATE}}{{TEXT}}{{/STATE}}{{#ADD}}<form class="inline" method="post" action="/studio/creator/picks"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="product_id" value="{{ID}}"><button class="button small" type="submit">{{LABEL}}<span class="visually-hidden">: {{TITLE}}</span></button></form>{{/ADD}}
<a class="sample-link" href="/studio/creator/samples/new?product_id={{ID}}">Request a sample<span class="visually-hidden">: {{TITLE}}</span></a></td></tr>
{{/PRODUCTS}}</tbody>
</table>
