{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Lead {{ID}}</h1>
<p><a href="/studio/leads">All leads</a></p>
<dl class="details">
<dt>Form</dt><dd>{{FORM}}</dd>
<dt>Email</dt><dd>{{EMAIL}}</dd>
<dt>Creator</dt><dd>{{CREATOR}}</dd>
<dt>Received (UTC)</dt><dd>{{CREATED}}</dd>
<dt>Last updated (UTC)</dt><dd>{{UPDATED}}</dd>
<dt>Submissions</dt><dd>{{SUBMISSIONS}}</dd>
<dt>Consent given (UTC)</dt><dd>{{CONSENTED_AT}}</dd>
<dt>Consent text shown</dt><dd class="consent">{{CONSENT}}</dd>
<dt>Address (keyed hash)</dt><dd><code>{{IP_HASH}}</code></dd>
{{#ANSWER}}<dt>{{LABEL}}</dt><dd class="answer">{{VALUE}}</dd>
{{/ANSWER}}</dl>
<form method="post" action="/studio/leads/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="button danger" type="submit">Erase this lead</button>
</form>
