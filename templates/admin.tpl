{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">Admin</h1>
<p class="lead">Run the place: accounts, what creators and brands publish, and the health of the system. Every action here is written to the audit log with your name, the time and your network.</p>
<dl class="admin-figures">
<div><dt>Accounts</dt><dd id="figure-users">{{USERS}}</dd></div>
<div><dt>Suspended</dt><dd id="figure-suspended"><a href="/admin/users?state=suspended">{{SUSPENDED}}</a></dd></div>
<div><dt>Admin actions, last 24 hours</dt><dd id="figure-actions"><a href="/admin/audit">{{ACTIONS_DAY}}</a></dd></div>
</dl>
<ul class="studio-links">
<li><a href="/admin/users">Users: search, view, suspend and reinstate, change role</a></li>
<li><a href="/admin/moderation">Moderation: reports from shoppers, take pages down</a></li>
<li><a href="/admin/brands">Brands: approve new brands before their catalog is public</a></li>
<li><a href="/admin/audit">Audit log: every admin action, who, when, why</a></li>
<li><a href="/admin/system">System: version, migrations, mail and webhook queues, the worker, the database</a></li>
</ul>
