{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Pick requests</h1>
<p>Creators who asked to feature {{BRAND}} products. Approved picks show on their storefronts and earn the commission shown.</p>
{{#EMPTY}}<p class="muted">No requests are waiting.</p>{{/EMPTY}}
<table class="data stack">
<caption>Waiting requests</caption>
<thead><tr><th scope="col">Creator</th><th scope="col">Product</th><th scope="col">Commission</th><th scope="col">Asked (UTC)</th><th scope="col">Decision</th></tr></thead>
<tbody>
{{#REQUESTS}}<tr><td class="stack-title"><a href="/@{{HANDLE}}">{{NAME}}</a> (@{{HANDLE}})</td><td data-label="Product">{{PRODUCT}}</td><td data-label="Commission">{{RATE}}</td><td data-label="Asked (UTC)">{{WHEN}}</td>
<td class="row-actions"><form class="inline" method="post" action="/studio/brand/pick-requests/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="decision" value="approve"><button class="button small" type="submit">Approve<span class="visually-hidden">: {{PRODUCT}} for @{{HANDLE}}</span></button></form>
<form class="inline" method="post" action="/studio/brand/pick-requests/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="decision" value="reject"><button class="button small secondary" type="submit">Reject<span class="visually-hidden">: {{PRODUCT}} for @{{HANDLE}}</span></button></form></td></tr>
{{/REQUESTS}}</tbody>
</table>
