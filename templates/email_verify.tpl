{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Confirm your email address</h1>
{{#USABLE}}<p>This link confirms the address of your crowdcart account. It works once.</p>
<form class="form" method="post" action="/login/verify/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">Confirm my address</button></div>
</form>{{/USABLE}}
{{#DONE}}<p class="flash note" role="status">Your email address is confirmed{{#CHANGED}}, and it is now the address of your account: log in with it from now on{{/CHANGED}}.</p>
<p><a href="/studio">Go to your studio</a> (you may need to <a href="/login">log in</a>).</p>{{/DONE}}
{{#TAKEN}}<p class="flash error" role="alert">Another account uses that address now, so your account keeps its old one.</p>
<p><a href="/studio/account">Choose another address</a>.</p>{{/TAKEN}}
{{#GONE}}<p class="flash error" role="alert">This confirmation link has expired, was already used, or is for an address the account no longer asks for.</p>
<p><a href="/login">Log in</a> and ask for a new link from your account page.</p>{{/GONE}}
