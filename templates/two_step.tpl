{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Two-step sign-in</h1>
<p><a href="/studio/account">Back to your account</a></p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#CODES}}<section class="recovery-codes">
<h2>Your recovery codes</h2>
<p class="flash note" role="status">Two-step sign-in is on. Keep these codes somewhere safe, away from your phone: each signs you in once if you lose the app. They are shown only now.</p>
<ul class="codes">
{{#CODE}}<li><code>{{TEXT}}</code></li>
{{/CODE}}</ul>
</section>{{/CODES}}
{{#OFF}}<p>After your password, sign-in will also ask for a 6-digit code from an authenticator app on your phone (any app for TOTP codes). A stolen password alone then no longer opens the account.</p>
<form class="form" method="post" action="/studio/account/two-step/begin">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">Set up two-step sign-in</button></div>
</form>{{/OFF}}
{{#PENDING}}<h2>1. Add the account to your app</h2>
<p>In your authenticator app, add an account and scan this code:</p>
<p><img class="qr" src="/studio/account/two-step/qr.svg" width="220" height="220" alt="QR code of the key for your authenticator app"></p>
<p>Or type in this key (time-based, 6 digits, 30 seconds):</p>
<p><code class="secret">{{SECRET}}</code></p>
<p>Or, on this phone, copy this address into the app:</p>
<p><code class="uri">{{URI}}</code></p>
<h2>2. Enter the code it shows</h2>
<form class="form" method="post" action="/studio/account/two-step/confirm">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="code">Code from the app</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required></div>
<div class="actions"><button class="button" type="submit">Turn on two-step sign-in</button></div>
</form>
<p>It is not on until you enter a code. Keep this page to yourself: the key is what makes the codes.</p>{{/PENDING}}
{{#ON}}<p>Two-step sign-in is on: after your password, or an emailed sign-in link, you are asked for a code from your app. You have {{LEFT}} recovery codes left.</p>
{{#FEW}}<p class="flash error" role="alert">Few recovery codes are left: make ten new ones below.</p>{{/FEW}}
<h2>New recovery codes</h2>
<p>Ten new codes replace the ones you have, used or not.</p>
<form class="form" method="post" action="/studio/account/two-step/recovery">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="renew_password">Your password</label>
<input id="renew_password" name="current_password" type="password" autocomplete="current-password" maxlength="128" required></div>
<div class="field"><label for="renew_code">A code from your app, or a recovery code</label>
<input id="renew_code" name="code" type="text" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="40" required></div>
<div class="actions"><button class="button" type="submit">Make new recovery codes</button></div>
</form>
<h2>Turn it off</h2>
<form class="form" method="post" action="/studio/account/two-step/off">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="current_password">Your password</label>
<input id="current_password" name="current_password" type="password" autocomplete="current-password" maxlength="128" required></div>
<div class="field"><label for="off_code">A code from your app, or a recovery code</label>
<input id="off_code" name="code" type="text" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" maxlength="40" required></div>
<div class="actions"><button class="button" type="submit">Turn off two-step sign-in</button></div>
</form>{{/ON}}
