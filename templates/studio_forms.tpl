{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Lead forms</h1>
<p><a href="/studio/leads">Leads</a> · <a href="/studio/leads/webhook">CRM webhook</a></p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<table class="table"><thead><tr><th>Form</th><th>Address</th><th>Status</th><th>Leads</th></tr></thead><tbody>
{{#FORM}}<tr><td><a href="/studio/forms/{{ID}}">{{TITLE}}</a>{{>MODERATED}}</td><td>/f/{{SLUG}}</td><td>{{STATUS}}</td><td><a href="/studio/leads?form={{ID}}">{{LEADS}}</a></td></tr>
{{/FORM}}</tbody></table>
{{#EMPTY}}<p>No forms yet.</p>{{/EMPTY}}
<h2>New form</h2>
<form class="form" method="post" action="/studio/forms">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="title">Title</label><input id="title" name="title" maxlength="120" required value="{{TITLE}}"></div>
<div class="field"><label for="slug">Address /f/…</label><input id="slug" name="slug" maxlength="64" value="{{SLUG}}" aria-describedby="slug-hint">
<p class="hint" id="slug-hint">Letters, digits and dashes; from the title if empty.</p></div>
<div class="actions"><button class="button" type="submit">Create draft</button></div>
</form>
