{{%AUTOESCAPE context="HTML"}}{{>ADMIN_NAV}}<h1 class="page-title">System</h1>
<h2>Version</h2>
<p id="system-version">crowdcart {{VERSION}}</p>
<h2>Migrations</h2>
<p id="system-migrations">{{#MIGRATIONS_OK}}Current: {{/MIGRATIONS_OK}}{{#MIGRATIONS_BEHIND}}<strong>Not current</strong> (run <code>crowdcartctl migrate</code>): {{/MIGRATIONS_BEHIND}}{{APPLIED}} applied, the last {{LAST_APPLIED}};
{{#SHIPPED}}this build ships {{COUNT}}, the last {{LAST}}.{{/SHIPPED}}{{#SHIPPED_UNKNOWN}}the shipped list could not be read (sql_dir).{{/SHIPPED_UNKNOWN}}</p>
<table class="studio-products">
<thead><tr><th scope="col">Latest applied</th><th scope="col">When (UTC)</th></tr></thead>
<tbody>{{#MIGRATION}}<tr><td>{{NAME}}</td><td>{{AT}}</td></tr>{{/MIGRATION}}</tbody></table>
<h2>Queues</h2>
<table class="studio-products system-queues">
<thead><tr><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Oldest</th><th scope="col">Given up</th><th scope="col">State</th></tr></thead>
<tbody>
<tr id="queue-outbox"><td>Mail (outbox)</td><td>{{OUTBOX_PENDING}}</td><td>{{OUTBOX_OLDEST}}</td><td>{{OUTBOX_FAILED}}</td><td>{{#OUTBOX_OK}}ok{{/OUTBOX_OK}}{{#OUTBOX_STUCK}}stuck: is crowdcartctl send-mail running?{{/OUTBOX_STUCK}}{{#OUTBOX_KEPT}}kept for the operator (no sendmail_path){{/OUTBOX_KEPT}}</td></tr>
<tr id="queue-webhooks"><td>Lead webhooks</td><td>{{WEBHOOKS_PENDING}}</td><td>{{WEBHOOKS_OVERDUE}}</td><td>{{WEBHOOKS_FAILED}}</td><td>{{#WEBHOOKS_OK}}ok{{/WEBHOOKS_OK}}{{#WEBHOOKS_STUCK}}stuck: is crowdcartctl worker running?{{/WEBHOOKS_STUCK}}</td></tr>
</tbody></table>
{{#OUTBOX_DEAD}}<p id="outbox-dead">Mail given up on (dead letters): <code>crowdcartctl mail --dead</code> lists them with the reason; <code>crowdcartctl mail --retry ID</code> sends one again once its cause is fixed.</p>{{/OUTBOX_DEAD}}
<h2>Worker</h2>
{{#NO_WORKER}}<p id="no-worker">No pass of <code>crowdcartctl worker</code> recorded yet.</p>{{/NO_WORKER}}
<table class="studio-products system-worker">
<thead><tr><th scope="col">Host</th><th scope="col">Last pass (UTC)</th><th scope="col">Ago</th><th scope="col">Took</th><th scope="col">Passes</th><th scope="col">Delivered</th><th scope="col">State</th></tr></thead>
<tbody>{{#WORKER}}<tr class="worker-row"><td>{{HOST}}</td><td>{{AT}}</td><td>{{AGO}}</td><td>{{TOOK}}</td><td>{{PASSES}}</td><td>{{DELIVERED}}</td><td>{{STATE}}</td></tr>{{/WORKER}}</tbody></table>
<h2>Database</h2>
<p id="system-database">{{#SINGLE_NODE}}Reachable: a single node (no Galera cluster).{{/SINGLE_NODE}}{{#CLUSTER}}Reachable: a Galera cluster, as this node sees it:{{/CLUSTER}}</p>
{{#CLUSTER}}<dl class="admin-facts">{{#WSREP}}<div><dt>{{NAME}}</dt><dd>{{VALUE}}</dd></div>{{/WSREP}}</dl>{{/CLUSTER}}
