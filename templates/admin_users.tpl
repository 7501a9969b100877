{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">Users</h1>
<form class="form admin-search" method="get" action="/admin/users" role="search">
<div class="field"><label for="q">Email or name contains</label>
<input id="q" name="q" type="search" maxlength="254" value="{{Q}}"></div>
<div class="field"><label for="role">Role</label>
<select id="role" name="role"><option value="">any</option>{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ROLE_OPTION}}</select></div>
<div class="field"><label for="state">State</label>
<select id="state" name="state"><option value=""{{#STATE_ANY}} selected{{/STATE_ANY}}>any</option><option value="active"{{#STATE_ACTIVE}} selected{{/STATE_ACTIVE}}>active</option><option value="suspended"{{#STATE_SUSPENDED}} selected{{/STATE_SUSPENDED}}>suspended</option></select></div>
<div class="actions"><button class="button" type="submit">Search</button></div>
</form>
{{#NONE}}<p id="no-users">No account matches.</p>{{/NONE}}
<table class="studio-products admin-users">
<thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th><th scope="col">Created</th></tr></thead>
<tbody>
{{#USER}}<tr data-user="{{ID}}"><td><a href="/admin/users/{{ID}}">{{EMAIL}}</a></td><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{STATE}}</td><td>{{CREATED}}</td></tr>
{{/USER}}
</tbody></table>
<nav class="pager" aria-label="Pages">{{#PREV}}<a href="{{HREF}}" rel="prev">Previous page</a> {{/PREV}}{{#NEXT}}<a href="{{HREF}}" rel="next">Next page</a>{{/NEXT}}</nav>
