{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your collections</h1>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#EMPTY}}<p class="muted">No collections yet.</p>{{/EMPTY}}
<table class="data">
<caption>Your collections, in the order your storefront shows them</caption>
<thead><tr><th scope="col">Collection</th><th scope="col">State</th><th scope="col">Items</th><th scope="col">Order</th></tr></thead>
<tbody>
{{#COLLECTIONS}}<tr><td><a href="/studio/creator/collections/{{ID}}">{{TITLE}}</a> (<a href="{{URL}}">view</a>){{>MODERATED}}</td><td>{{STATE}}</td><td>{{ITEMS}}</td>
<td class="row-actions"><form class="inline" method="post" action="/studio/creator/collections/{{ID}}/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dir" value="up"><button class="button small secondary" type="submit">Up<span class="visually-hidden">: {{TITLE}}</span></button></form>
<form class="inline" method="post" action="/studio/creator/collections/{{ID}}/move"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dir" value="down"><button class="button small secondary" type="submit">Down<span class="visually-hidden">: {{TITLE}}</span></button></form></td></tr>
{{/COLLECTIONS}}</tbody>
</table>
<h2>New collection</h2>
<form class="form" method="post" action="/studio/creator/collections">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="title">Title</label>
<input id="title" name="title" maxlength="120" required value="{{NEW_TITLE}}"></div>
<div class="field"><label for="description">Description</label>
<textarea id="description" name="description" rows="3" maxlength="2000">{{NEW_DESCRIPTION}}</textarea></div>
<p class="hint">A new collection starts as a draft; publish it when it is ready.</p>
<div class="actions"><button class="button" type="submit">Create collection</button></div>
</form>
