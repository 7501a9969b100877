{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Enter your code</h1>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#ASK}}<p>This account asks for a second step. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes.</p>
<form class="form" method="post" action="/login/code">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="token" value="{{TOKEN}}">
<div class="field"><label for="code">Code</label>
<input id="code" name="code" type="text" inputmode="text" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="40" required autofocus></div>
<div class="actions"><button class="button" type="submit">Sign in</button></div>
</form>
<p>A code works once. A recovery code is used up when you sign in with it.</p>{{/ASK}}
{{#GONE}}<p class="flash error" role="alert">This sign-in step has expired or was used. Please log in again.</p>
<p><a href="/login">Log in</a></p>{{/GONE}}
