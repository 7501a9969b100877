{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Look up an order</h1>
<p class="muted">Enter the order number from your confirmation and the email address you ordered with.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/orders/lookup">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="number">Order number</label>
<input id="number" name="number" maxlength="40" required autocomplete="off" spellcheck="false" value="{{NUMBER}}"></div>
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"></div>
<div class="actions"><button class="button" type="submit">Look up</button></div>
</form>
