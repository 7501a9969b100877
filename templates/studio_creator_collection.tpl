{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/creator/collections">← Your collections</a></p>
<h1 class="page-title">{{HEADING}}</h1>
<p>{{#PUBLISHED}}Published at <a href="{{URL}}">{{URL}}</a>.{{/PUBLISHED}}{{#DRAFT}}A draft: only you can see it. Its address will be {{URL}}.{{/DRAFT}}</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/studio/creator/collections/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="title">Title</label>
<input id="title" name="title" maxlength="120" required value="{{TITLE}}"></div>
<div class="field"><label for="description">Description</label>
<textarea id="description" name="description" rows="3" maxlength="2000">{{DESCRIPTION}}</textarea></div>
<div class="field"><label><input type="checkbox" name="published" value="1"{{#PUBLISHED}} checked{{/PUBLISHED}}> Published (shown on your storefront)</label></div>
<div class="actions"><button class="button" type="submit">Save collection</button></div>
</form>
{{>COVER_UPLOAD}}
<h2 id="items-h">Items</h2>
{{#NO_ITEMS}}<p class="muted">No items yet.</p>{{/NO_ITEMS}}
<ol class="collection-items" aria-labelledby="items-h">
{{#ITEMS}}<li class="collection-item"><p><strong>{{TITLE}}</strong> · {{BRAND}}</p>
<form class="inline" method="post" action="/studio/creator/collections/{{ID}}/items/{{PRODUCT_ID}}/note"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="note-{{PRODUCT_ID}}">Why I love it</label> <input id="note-{{PRODUCT_ID}}" name="note" maxlength="500" value="{{NOTE}}"> <button class="button small secondary" type="submit">Save note<span class="visually-hidden">: {{TITLE}}</span></button></form>
<form class="inline" method="post" action="/studio/creator/collections/{{ID}}/items/{{PRODUCT_ID}}/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dir" value="up"><button class="button small secondary" type="submit">Up<span class="visually-hidden">: {{TITLE}}</span></button></form>
<form class="inline" method="post" action="/studio/creator/collections/{{ID}}/items/{{PRODUCT_ID}}/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dir" value="down"><button class="button small secondary" type="submit">Down<span class="visually-hidden">: {{TITLE}}</span></button></form>
<form class="inline" method="post" action="/studio/creator/collections/{{ID}}/items/{{PRODUCT_ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button small secondary" type="submit">Remove<span class="visually-hidden">: {{TITLE}}</span></button></form>
</li>
{{/ITEMS}}</ol>
{{#ADD_FORM}}<form class="form" method="post" action="/studio/creator/collections/{{ID}}/items">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="product_id">Add one of your picks</label>
<select id="product_id" name="product_id">
{{#CANDIDATES}}<option value="{{PRODUCT_ID}}">{{TITLE}} ({{BRAND}})</option>
{{/CANDIDATES}}</select></div>
<div class="actions"><button class="button" type="submit">Add to collection</button></div>
</form>{{/ADD_FORM}}
