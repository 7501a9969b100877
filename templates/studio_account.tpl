{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your account</h1>
{{#NOTICE}}<p class="flash note" role="status">{{TEXT}}</p>{{/NOTICE}}
<h2>Your email address</h2>
<p>{{EMAIL}}{{#VERIFIED}} (confirmed){{/VERIFIED}}{{#UNVERIFIED}} (<strong>not confirmed yet</strong>){{/UNVERIFIED}}</p>
{{#UNVERIFIED}}<p>Open the link we mailed to this address. Until you do, a brand cannot open its catalog to creators and a creator cannot be paid.</p>
<form class="form" method="post" action="/studio/account/verify">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">Send the confirmation link again</button></div>
</form>{{/UNVERIFIED}}
{{#PENDING}}<p>Waiting for confirmation: {{PENDING_EMAIL}}. The account keeps its current address until the link mailed there is used.</p>{{/PENDING}}
{{#EMAIL_ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/EMAIL_ERROR}}
<form class="form" method="post" action="/studio/account/email">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="new_email">New email address</label>
<input id="new_email" name="email" type="email" autocomplete="email" maxlength="254" required></div>
<div class="field"><label for="email_current_password">Your password</label>
<input id="email_current_password" name="current_password" type="password" autocomplete="current-password" maxlength="{{MAX}}" required></div>
<div class="actions"><button class="button" type="submit">Change the address</button></div>
</form>
<p>We mail a link to the new address and tell the current one; the change takes effect when the link is used.</p>
<h2>Change your password</h2>
{{#PASSWORD_ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/PASSWORD_ERROR}}
<form class="form" method="post" action="/studio/account/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="current_password">Current password</label>
<input id="current_password" name="current_password" type="password" autocomplete="current-password" maxlength="{{MAX}}" required></div>
<div class="field"><label for="password">New password ({{MIN}} to {{MAX}} characters)</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="{{MIN}}" maxlength="{{MAX}}" required></div>
<div class="actions"><button class="button" type="submit">Change the password</button></div>
</form>
<p>Changing it signs the account out everywhere else.</p>
<h2>Where you are signed in</h2>
<ul class="sessions">
{{#SESSION}}<li><strong>{{AGENT}}</strong>{{#CURRENT}} (this browser){{/CURRENT}}<br>
from network {{PREFIX}}, signed in {{CREATED}}, last seen {{LAST_SEEN}}</li>
{{/SESSION}}</ul>
{{#SESSIONS_ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/SESSIONS_ERROR}}
{{#OTHERS}}<form class="form" method="post" action="/studio/account/sessions/end-others">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="end_current_password">Your password, to sign out everywhere else</label>
<input id="end_current_password" name="current_password" type="password" autocomplete="current-password" maxlength="{{MAX}}" required></div>
<div class="actions"><button class="button" type="submit">Sign out everywhere else</button></div>
</form>{{/OTHERS}}
<h2>Two-step sign-in</h2>
<p>Ask for a code from an app on your phone after your password: <a href="/studio/account/two-step">set up or manage two-step sign-in</a>.</p>
<h2>Your data</h2>
<ul class="studio-links">
<li><a href="/studio/account/export.json" download>Download my data (JSON)</a></li>
<li><a href="/studio/account/delete">Delete my account</a></li>
</ul>
<p><a href="/studio/account/notifications">Mail settings</a>: choose which news mails you get.</p>
