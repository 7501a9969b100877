{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Look up an order</h1>
<p class="muted">Enter the order number from your confirmation and the email address you ordered with.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/orders/lookup">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="number">Order number</label>
<p class="hint" id="number-hint">As on your confirmation, for example CC-7KQ4-M2XP.</p>
<input id="number" name="number" maxlength="40" required autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="number-hint" value="{{NUMBER}}"></div>
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"></div>
<div class="actions"><button class="button" type="submit">Look up</button></div>
</form>
