{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your account</h1>
{{#NOTICE}}<p class="flash note" role="status">{{TEXT}}</p>{{/NOTICE}}
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
<p><a href="/studio/account/notifications">Mail settings</a>: choose which news mails you get.</p>
