{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/brand/codes">← Discount codes</a></p>
<h1 class="page-title">Code {{CODE}}</h1>
<p>For {{WHO}}. Used by {{USES}} orders. The code and who it is for stay as shoppers were given them; make a new code for anything else.</p>
{{>ERROR_SUMMARY}}
<form class="form" method="post" action="/studio/brand/codes/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
