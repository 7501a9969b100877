{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">{{EMAIL}}</h1>
{{#DONE}}<p class="flash" role="status" id="admin-done">{{TEXT}}</p>{{/DONE}}
{{#ERROR}}<p class="flash error" role="alert" id="admin-error">{{TEXT}}</p>{{/ERROR}}
<dl class="admin-facts">
<div><dt>Name</dt><dd>{{NAME}}</dd></div>
<div><dt>Role</dt><dd id="user-role">{{ROLE}}</dd></div>
<div><dt>State</dt><dd id="user-state">{{#ACTIVE}}active{{/ACTIVE}}{{#SUSPENDED}}suspended since {{AT}} UTC: {{REASON}}{{/SUSPENDED}}</dd></div>
<div><dt>Email verified</dt><dd id="user-verified">{{#VERIFIED}}yes ({{AT}} UTC){{/VERIFIED}}{{#UNVERIFIED}}no{{/UNVERIFIED}}</dd></div>
<div><dt>Two-step sign-in</dt><dd id="user-two-step">{{#TWO_STEP_ON}}on{{/TWO_STEP_ON}}{{#TWO_STEP_OFF}}off{{/TWO_STEP_OFF}}</dd></div>
<div><dt>Created (UTC)</dt><dd>{{CREATED}}</dd></div>
<div><dt>Last sign-in (UTC)</dt><dd>{{LAST_SIGN_IN}}</dd></div>
<div><dt>Open sessions</dt><dd id="user-sessions">{{SESSIONS}}</dd></div>
{{#CREATOR}}<div><dt>Creator profile</dt><dd><a href="/@{{HANDLE}}">/@{{HANDLE}}</a></dd></div>{{/CREATOR}}
{{#BRAND}}<div><dt>Brand</dt><dd>{{NAME}} (<a href="/b/{{SLUG}}/feed.tsv">{{SLUG}}</a>)</dd></div>{{/BRAND}}
</dl>
{{#SELF}}<p>This is your own account: another admin changes its state or role.</p>{{/SELF}}
{{#ACTIONS}}
{{#CAN_SUSPEND}}<form class="form" method="post" action="/admin/users/{{ID}}/suspend">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Suspend</h2>
<p>The account is signed out everywhere and cannot sign in; its storefront, collections and catalog leave the shop.</p>
<div class="field"><label for="suspend-reason">Reason (kept in the audit log)</label>
<textarea id="suspend-reason" name="reason" maxlength="500" required rows="3"></textarea></div>
<div class="actions"><button class="button danger" type="submit">Suspend account</button></div>
</form>{{/CAN_SUSPEND}}
{{#CAN_REINSTATE}}<form class="form" method="post" action="/admin/users/{{ID}}/reinstate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Reinstate</h2>
<div class="field"><label for="reinstate-reason">Reason (kept in the audit log)</label>
<textarea id="reinstate-reason" name="reason" maxlength="500" required rows="3"></textarea></div>
<div class="actions"><button class="button" type="submit">Reinstate account</button></div>
</form>{{/CAN_REINSTATE}}
{{#CAN_RESEND}}<form class="form" method="post" action="/admin/users/{{ID}}/resend-verification">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Email verification</h2>
<p>The address is not confirmed yet. A new link goes to it; older links keep working until they expire.</p>
<div class="actions"><button class="button" type="submit">Resend verification</button></div>
</form>{{/CAN_RESEND}}
{{#CAN_TWO_STEP_OFF}}<form class="form" method="post" action="/admin/users/{{ID}}/two-step-off">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Turn off two-step sign-in</h2>
<p>Only for an owner who lost their authenticator app and every recovery code, once you are sure it is them. Their password alone will sign them in; they are told by mail.</p>
<div class="field"><label for="two-step-reason">How the owner proved who they are (kept in the audit log)</label>
<textarea id="two-step-reason" name="reason" maxlength="500" required rows="3"></textarea></div>
<div class="actions"><button class="button danger" type="submit">Turn off two-step sign-in</button></div>
</form>{{/CAN_TWO_STEP_OFF}}
<form class="form" method="post" action="/admin/users/{{ID}}/role">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Role</h2>
<p>A creator needs a creator profile and a brand a brand to use their studio pages; the role alone gives neither.</p>
<div class="field"><label for="new-role">New role</label>
<select id="new-role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>{{/ROLE_OPTION}}</select></div>
<div class="field"><label for="role-reason">Reason (optional, kept in the audit log)</label>
<input id="role-reason" name="reason" maxlength="500"></div>
<div class="actions"><button class="button" type="submit">Change role</button></div>
</form>
{{/ACTIONS}}
<h2>Admin actions on this account</h2>
<table class="studio-products admin-history">
<thead><tr><th scope="col">When (UTC)</th><th scope="col">By</th><th scope="col">Action</th><th scope="col">Reason</th></tr></thead>
<tbody>
{{#HISTORY}}<tr><td>{{AT}}</td><td>{{BY}}</td><td>{{ACTION}}</td><td>{{REASON}}</td></tr>
{{/HISTORY}}
</tbody></table>
<p><a href="/admin/audit?kind=user&amp;target={{ID}}">All of it in the audit log</a></p>
