{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">Moderation</h1>
{{#DONE}}<p class="flash" role="status" id="admin-done">{{TEXT}}</p>{{/DONE}}
{{#ERROR}}<p class="flash error" role="alert" id="admin-error">{{TEXT}}</p>{{/ERROR}}
<section aria-labelledby="reports-h">
<h2 id="reports-h">Open reports</h2>
{{#NO_REPORTS}}<p class="muted">No open reports.</p>{{/NO_REPORTS}}
<ol class="moderation-reports">
{{#REPORT}}<li class="moderation-report" id="report-{{ID}}">
<p><strong>{{CATEGORY}}</strong>: {{WHAT}} {{#PAGE}}<a href="{{URL}}">{{URL}}</a>{{/PAGE}} <span class="muted">reported {{AT}} UTC</span></p>
{{#BODY}}<blockquote>{{TEXT}}</blockquote>{{/BODY}}
{{#ALREADY_DOWN}}<p class="muted">Already taken down.</p>{{/ALREADY_DOWN}}
{{#CAN_TAKE_DOWN}}<form class="form" method="post" action="/admin/moderation/take-down">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="{{KIND}}"><input type="hidden" name="target" value="{{TARGET}}">
<div class="field"><label for="reason-{{ID}}">Reason the owner will read</label>
<textarea id="reason-{{ID}}" name="reason" maxlength="500" required rows="2"></textarea></div>
<div class="actions"><button class="button danger" type="submit">Take down</button></div>
</form>{{/CAN_TAKE_DOWN}}
<form class="inline" method="post" action="/admin/moderation/reports/{{ID}}/dismiss"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Dismiss</button></form>
</li>
{{/REPORT}}</ol>
</section>
<section aria-labelledby="take-down-h">
<h2 id="take-down-h">Take something down</h2>
<form class="form" method="post" action="/admin/moderation/take-down">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="td-kind">What</label>
<select id="td-kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/KIND_OPTION}}</select></div>
<div class="field"><label for="td-target">Its number</label>
<input id="td-target" name="target" inputmode="numeric" pattern="[0-9]+" required></div>
<div class="field"><label for="td-reason">Reason the owner will read</label>
<textarea id="td-reason" name="reason" maxlength="500" required rows="2"></textarea></div>
<div class="actions"><button class="button danger" type="submit">Take down</button></div>
</form>
</section>
<section aria-labelledby="down-h">
<h2 id="down-h">Taken down</h2>
{{#NONE_DOWN}}<p class="muted">Nothing is taken down.</p>{{/NONE_DOWN}}
<ul class="moderation-down">
{{#DOWN}}<li id="down-{{KIND}}-{{TARGET}}">{{WHAT}} <a href="{{URL}}">{{URL}}</a> <span class="muted">since {{AT}} UTC</span>: {{REASON}}
<form class="inline" method="post" action="/admin/moderation/restore"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="kind" value="{{KIND}}"><input type="hidden" name="target" value="{{TARGET}}"><button class="button" type="submit">Restore</button></form></li>
{{/DOWN}}</ul>
</section>
