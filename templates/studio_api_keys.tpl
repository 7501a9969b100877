{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">API keys</h1>
<p class="lead">Keys for the Shopping API of {{BRAND_NAME}} (<code>Authorization: Bearer &lt;key&gt;</code> on <code>/api/v1/</code>). A key sees and changes this brand's catalog only.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#NEW_KEY}}<div class="flash new-key" role="status"><p>Your new key. Copy it now: it is shown only this once.</p>
<p><code class="api-key">{{KEY}}</code></p></div>{{/NEW_KEY}}
<form class="form" method="post" action="/studio/api-keys">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="label">Name of the new key</label>
<input id="label" name="label" maxlength="80" required></div>
<div class="actions"><button class="button" type="submit">Create key</button></div>
</form>
{{#EMPTY}}<p>No keys yet.</p>{{/EMPTY}}
<table class="studio-products api-keys">
<thead><tr><th scope="col">Name</th><th scope="col">Starts with</th><th scope="col">Created (UTC)</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
<tbody>
{{#KEY_ROW}}<tr><td>{{LABEL}}</td><td><code>{{PREFIX}}…</code></td><td>{{CREATED}}</td><td>{{LAST_USED}}</td>
<td>{{#REVOKED}}revoked {{AT}}{{/REVOKED}}{{#ACTIVE}}<form class="inline" method="post" action="/studio/api-keys/{{ID}}/revoke"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Revoke</button></form>{{/ACTIVE}}</td></tr>
{{/KEY_ROW}}
</tbody></table>
