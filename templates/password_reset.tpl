{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Choose a new password</h1>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#USABLE}}<p>Setting it signs the account out everywhere; then log in with the new password.</p>
<form class="form" method="post" action="/login/reset/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="password">New password ({{MIN}} to {{MAX}} characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="{{MIN}}" maxlength="{{MAX}}" required></div>
<div class="actions"><button class="button" type="submit">Set the new password</button></div>
</form>{{/USABLE}}
{{#GONE}}<p class="flash error" role="alert">This reset link has expired or was already used.</p>
<p><a href="/login/forgot">Ask for a new link</a> or <a href="/login">log in</a>.</p>{{/GONE}}
