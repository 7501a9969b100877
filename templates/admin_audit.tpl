{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">Audit log</h1>
<p class="lead">Every admin action, written in the same transaction as the action itself; no one can change or remove a row. Addresses are kept as their network only.</p>
<form class="form admin-search" method="get" action="/admin/audit">
<div class="field"><label for="action">Action</label>
<select id="action" name="action"><option value="">any</option>{{#ACTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ACTION_OPTION}}</select></div>
<div class="field"><label for="actor">By (admin's email)</label><input id="actor" name="actor" type="email" maxlength="254" value="{{ACTOR}}"></div>
<div class="field"><label for="kind">Target kind</label><input id="kind" name="kind" maxlength="20" value="{{KIND}}" placeholder="user"></div>
<div class="field"><label for="target">Target id</label><input id="target" name="target" inputmode="numeric" maxlength="20" value="{{TARGET}}"></div>
<div class="field"><label for="from">From (UTC day)</label><input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">To (UTC day)</label><input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="actions"><button class="button" type="submit">Filter</button></div>
</form>
{{#NONE}}<p id="no-entries">No entry matches.</p>{{/NONE}}
<table class="studio-products admin-audit">
<thead><tr><th scope="col">When (UTC)</th><th scope="col">By</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Reason</th><th scope="col">Network</th></tr></thead>
<tbody>
{{#ENTRY}}<tr data-entry="{{ID}}"><td>{{AT}}</td><td>{{BY}}</td><td>{{ACTION}}</td><td>{{#USER_LINK}}<a href="{{HREF}}">{{TARGET}}</a>{{/USER_LINK}}{{#NO_LINK}}{{TARGET}}{{/NO_LINK}}</td><td>{{REASON}}</td><td>{{PREFIX}}</td></tr>
{{/ENTRY}}
</tbody></table>
<nav class="pager" aria-label="Pages">{{#PREV}}<a href="{{HREF}}" rel="prev">Newer</a> {{/PREV}}{{#NEXT}}<a href="{{HREF}}" rel="next">Older</a>{{/NEXT}}</nav>
