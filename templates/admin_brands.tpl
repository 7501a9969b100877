{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">Brands waiting for approval</h1>
{{#DONE}}<p class="flash" role="status" id="admin-done">{{TEXT}}</p>{{/DONE}}
{{#REQUIRED}}<p>New brands wait here (<code>brand_approval = required</code>): their products, feed and the picks of their products stay off the shop until you approve them.</p>{{/REQUIRED}}
{{#OPEN}}<p>New brands are public at once (<code>brand_approval = open</code>). Brands that signed up while approval was required still wait here.</p>{{/OPEN}}
{{#NONE_WAITING}}<p class="muted">No brand is waiting.</p>{{/NONE_WAITING}}
<table class="studio-products admin-brands">
<thead><tr><th scope="col">Brand</th><th scope="col">Owner</th><th scope="col">Signed up (UTC)</th><th scope="col">Products</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
{{#BRAND}}<tr id="brand-{{ID}}"><td>{{NAME}} <span class="muted">({{SLUG}})</span></td><td>{{OWNER}}</td><td>{{CREATED}}</td><td>{{PRODUCTS}}</td>
<td><form class="inline" method="post" action="/admin/brands/{{ID}}/approve"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Approve</button></form></td></tr>
{{/BRAND}}</tbody></table>
