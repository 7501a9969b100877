{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Report this {{WHAT}}</h1>
<p class="muted">Tell the people who run this site what is wrong. They read every report; the owner of the page is not told who sent it.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field"><legend>What is wrong?</legend>
{{#CATEGORY}}<label class="choice"><input type="radio" name="category" value="{{NAME}}" required{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/CATEGORY}}</fieldset>
<div class="field"><label for="body">More detail (optional)</label>
<textarea id="body" name="body" rows="5" maxlength="2000">{{BODY}}</textarea></div>
<div class="actions"><button class="button" type="submit">Send report</button></div>
</form>
