{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Showcases</h1>
{{#FOR_CREATOR}}<p class="lead">Carousels of your picks chosen by rules (brand, tags, type, price, stock, best sellers, recently viewed). Up to two appear on your storefront.</p>{{/FOR_CREATOR}}
{{#FOR_BRAND}}<p class="lead">Carousels of your products chosen by rules (tags, type, price, stock, best sellers, recently viewed). One appears on your product pages.</p>{{/FOR_BRAND}}
{{#NOTICE}}<p class="flash ok" role="status">{{TEXT}}</p>{{/NOTICE}}
<p><a class="button" href="/studio/showcases/new">New showcase</a></p>
{{#EMPTY}}<p>No showcases yet.</p>{{/EMPTY}}
<table class="table showcases"><caption class="visually-hidden">Your showcases</caption>
<thead><tr><th scope="col">Showcase</th><th scope="col">Shown</th><th scope="col">Updated (UTC)</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
{{#SHOWCASE}}<tr><td><a href="/studio/showcases/{{ID}}">{{TITLE}}</a></td><td>{{PLACEMENT}}</td><td>{{UPDATED}}</td>
<td><form class="inline" method="post" action="/studio/showcases/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit" aria-label="Delete {{TITLE}}">Delete</button></form></td></tr>
{{/SHOWCASE}}
</tbody></table>
