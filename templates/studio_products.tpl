{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Products</h1>
<p class="lead">The catalog of {{BRAND_NAME}}. <a class="button" href="/studio/products/new">New product</a></p>
<nav class="status-filter" aria-label="Filter by status"><ul>
{{#FILTER}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/FILTER}}
</ul></nav>
{{#EMPTY}}<p>No products here yet.</p>{{/EMPTY}}
<table class="studio-products">
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">From</th><th scope="col">Stock</th><th scope="col">Updated (UTC)</th></tr></thead>
<tbody>
{{#PRODUCT}}<tr><td><a href="/studio/products/{{ID}}">{{TITLE}}</a></td><td class="status-{{STATUS}}">{{STATUS}}</td><td>{{PRICE}}</td><td>{{STOCK}}</td><td>{{UPDATED}}</td></tr>
{{/PRODUCT}}
</tbody>
</table>
<p><a href="/studio/marketplace">Creator marketplace settings</a> · <a href="/studio/api-keys">API keys</a></p>
