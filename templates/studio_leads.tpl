{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Leads</h1>
{{#OWNER_LINKS}}<p><a href="/studio/forms">Forms</a> · <a href="/studio/leads/webhook">CRM webhook</a> · <a href="/studio/team">Team</a></p>{{/OWNER_LINKS}}
<form class="form filters" method="get" action="/studio/leads">
<div class="field"><label for="form">Form</label><select id="form" name="form"><option value="">All forms</option>{{#FORM_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>{{/FORM_OPTION}}</select></div>
<div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">Any status</option>{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></div>
<div class="field"><label for="q">Search (email, answers, labels, assignee)</label><input id="q" name="q" type="search" maxlength="100" value="{{Q}}"></div>
<div class="field"><label for="label">Label</label><input id="label" name="label" maxlength="40" value="{{LABEL_FILTER}}"></div>
<div class="field"><label for="from">From (UTC)</label><input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">To (UTC)</label><input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="field"><label for="creator">Creator handle</label><input id="creator" name="creator" maxlength="30" value="{{CREATOR}}"></div>
<div class="field"><label><input type="checkbox" name="mine" value="1"{{#MINE}} checked{{/MINE}}> Only leads assigned to me</label></div>
<div class="actions"><button class="button" type="submit">Filter</button> <a href="/studio/leads.csv?{{QUERY}}">Export CSV</a> · <a href="/studio/leads.csv?{{QUERY}}&amp;format=hubspot">for HubSpot</a> · <a href="/studio/leads.csv?{{QUERY}}&amp;format=salesforce">for Salesforce</a></div>
</form>
<form method="post" action="/studio/leads/bulk">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="table-scroll"><table class="table stack"><thead><tr><th>Received (UTC)</th><th>Status</th><th>Form</th><th>Email</th><th>Labels</th><th>Assigned to</th><th>Creator</th><th>Submissions</th></tr></thead><tbody>
{{#LEAD}}<tr><td class="stack-title"><input type="checkbox" id="pick-{{ID}}" name="lead" value="{{ID}}"><label class="visually-hidden" for="pick-{{ID}}">Select lead {{ID}}</label> <a href="/studio/leads/{{ID}}">{{CREATED}}</a></td><td data-label="Status">{{STATUS}}</td><td data-label="Form">{{FORM}}</td><td data-label="Email">{{EMAIL}}</td><td data-label="Labels">{{LABELS}}</td><td data-label="Assigned to">{{ASSIGNEE}}</td><td data-label="Creator">{{CREATOR}}</td><td data-label="Submissions">{{SUBMISSIONS}}</td></tr>
{{/LEAD}}</tbody></table></div>
{{#EMPTY}}<p>No leads match.</p>{{/EMPTY}}
<div class="field"><label for="bulk-status">Set the status of the selected leads to</label><select id="bulk-status" name="status">{{#BULK_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/BULK_OPTION}}</select></div>
<div class="actions"><button class="button" type="submit">Change status</button></div>
</form>
