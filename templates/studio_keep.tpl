{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
{{#KEPT}}<p class="flash note" role="status">{{KEPT_TEXT}}</p>
<form class="form" method="post" action="{{ACTION}}/remove">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button secondary" type="submit">{{REMOVE_LABEL}}</button></div>
</form>{{/KEPT}}
{{#NOT_KEPT}}<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">{{ADD_LABEL}}</button></div>
</form>{{/NOT_KEPT}}
<p><a href="{{BACK_URL}}">Back to {{NAME}}</a> · <a href="/studio">Your orders, follows and saved products</a></p>
