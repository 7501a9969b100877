{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Sign in by link</h1>
{{#USABLE}}<p>This link signs you in once. Use it only if you asked for it.</p>
<form class="form" method="post" action="/login/link/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">Sign in</button></div>
</form>{{/USABLE}}
{{#GONE}}<p class="flash error" role="alert">This sign-in link has expired or was already used.</p>
<p><a href="/login/link">Ask for a new link</a> or <a href="/login">log in with your password</a>.</p>{{/GONE}}
