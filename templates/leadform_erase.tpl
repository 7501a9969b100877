{{%AUTOESCAPE context="HTML"}}<section class="leadform">
<h1 class="page-title">{{TITLE}}</h1>
<p role="status">{{TEXT}}</p>
{{#BUTTON}}<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button danger" type="submit">Erase my answers</button></div>
</form>{{/BUTTON}}
</section>
