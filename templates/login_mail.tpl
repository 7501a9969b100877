{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{TITLE}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#SENT}}<p class="flash note" role="status">If an account uses {{EMAIL}}, we have emailed it a link. {{HOW_LONG}}</p>
<p>No mail after a few minutes? Check the spam folder, or <a href="/login">go back to log in</a>.</p>{{/SENT}}
{{#FORM}}<p>{{INTRO}}</p>
<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"></div>
<div class="actions"><button class="button" type="submit">{{BUTTON}}</button>
<a href="/login">Log in with your password</a></div>
</form>{{/FORM}}
