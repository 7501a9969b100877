{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Log in</h1>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#RESET_DONE}}<p class="flash note" role="status">Your password was changed and every session of the account ended. Log in with the new password.</p>{{/RESET_DONE}}
{{#HELD_BACK}}<form class="form" method="post" action="/login/link">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="email" value="{{EMAIL}}">
<div class="actions"><button class="button" type="submit">Email me a sign-in link</button></div>
</form>{{/HELD_BACK}}
<form class="form" method="post" action="/login">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"></div>
<div class="field"><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="128" required></div><script src="{{STATIC_JS_PASSWORD_JS}}" defer></script>
<div class="actions"><button class="button" type="submit">Log in</button>
<a href="/signup">Create an account</a></div>
</form>
<ul class="studio-links">
<li><a href="/login/link">Email me a sign-in link</a></li>
<li><a href="/login/forgot">Forgot your password?</a></li>
</ul>
