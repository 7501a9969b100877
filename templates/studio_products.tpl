{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Products</h1>
<p class="lead">The catalog of {{BRAND_NAME}}. <a class="button" href="/studio/products/new">New product</a></p>
<nav class="status-filter" aria-label="Filter by status"><ul>
{{#FILTER}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/FILTER}}
</ul></nav>
{{#EMPTY}}<p>No products here yet.</p>{{/EMPTY}}
<table class="studio-products stack">
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">From</th><th scope="col">Stock</th><th scope="col">Updated (UTC)</th></tr></thead>
<tbody>
{{#PRODUCT}}<tr><td class="stack-title"><a href="/studio/products/{{ID}}">{{TITLE}}</a></td><td data-label="Status" class="status-{{STATUS}}">{{STATUS}}</td><td data-label="From">{{PRICE}}</td><td data-label="Stock">{{STOCK}}</td><td data-label="Updated (UTC)">{{UPDATED}}</td></tr>
{{/PRODUCT}}
</tbody>
</table>
<p><a href="/studio/marketplace">Creator marketplace settings</a> · <a href="/studio/api-keys">API keys</a></p>
