{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Leads</h1>
<p><a href="/studio/forms">Forms</a> · <a href="/studio/leads/webhook">CRM webhook</a></p>
<form class="form filters" method="get" action="/studio/leads">
<div class="field"><label for="form">Form</label><select id="form" name="form"><option value="">All forms</option>{{#FORM_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>{{/FORM_OPTION}}</select></div>
<div class="field"><label for="from">From (UTC)</label><input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">To (UTC)</label><input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="field"><label for="creator">Creator handle</label><input id="creator" name="creator" maxlength="30" value="{{CREATOR}}"></div>
<div class="actions"><button class="button" type="submit">Filter</button> <a href="/studio/leads.csv?{{QUERY}}">Export CSV</a></div>
</form>
<table class="table"><thead><tr><th>Received (UTC)</th><th>Form</th><th>Email</th><th>Creator</th><th>Submissions</th></tr></thead><tbody>
{{#LEAD}}<tr><td><a href="/studio/leads/{{ID}}">{{CREATED}}</a></td><td>{{FORM}}</td><td>{{EMAIL}}</td><td>{{CREATOR}}</td><td>{{SUBMISSIONS}}</td></tr>
{{/LEAD}}</tbody></table>
{{#EMPTY}}<p>No leads match.</p>{{/EMPTY}}
