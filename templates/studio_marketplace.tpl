{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Creator marketplace</h1>
<p class="lead">Let creators pick products of {{BRAND_NAME}} for their storefronts and earn a commission on what sells through them.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#SAVED}}<p class="flash" role="status">Saved. {{RATE_CHANGES}}</p>{{/SAVED}}
<form class="form" method="post" action="/studio/marketplace">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field"><legend>Open the whole catalog to creators</legend>
<label><input type="radio" name="marketplace_open" value="yes"{{#OPEN}} checked{{/OPEN}}> yes, every product unless closed below</label>
<label><input type="radio" name="marketplace_open" value="no"{{#CLOSED}} checked{{/CLOSED}}> no, only products opened below</label>
</fieldset>
<div class="field"><label for="commission_percent">Commission for creators (percent of the sale, 0 to 50)</label>
<input id="commission_percent" name="commission_percent" inputmode="decimal" maxlength="6" required value="{{COMMISSION}}" aria-describedby="commission-hint">
<p class="hint" id="commission-hint">A higher rate applies to existing picks at once. A lower one applies to existing picks after your notice period (<a href="/studio/brand/creator-program">creator program</a>), and their creators are told.</p></div>
<fieldset class="field"><legend>Approve each creator's pick before it goes live</legend>
<label><input type="radio" name="approval_required" value="yes"{{#APPROVAL}} checked{{/APPROVAL}}> yes</label>
<label><input type="radio" name="approval_required" value="no"{{#NO_APPROVAL}} checked{{/NO_APPROVAL}}> no</label>
</fieldset>
<div class="actions"><button class="button" type="submit">Save settings</button></div>
</form>
{{#HAS_WAITING}}<h2>Lower rates waiting for their date</h2>
<table class="data waiting-cuts"><caption>Creators who picked these products earn the current rate on sales until the date, then the new one. They were told.</caption>
<thead><tr><th scope="col">Product</th><th scope="col">Picks</th><th scope="col">Rate now</th><th scope="col">From</th><th scope="col">New rate</th></tr></thead>
<tbody>{{#WAITING}}<tr><td>{{TITLE}}</td><td>{{PICKS}}</td><td>{{RATE}}</td><td>{{WHEN}}</td><td>{{NEW_RATE}}</td></tr>
{{/WAITING}}</tbody></table>{{/HAS_WAITING}}
<h2>Single products</h2>
<table class="studio-products marketplace-products">
<thead><tr><th scope="col">Product</th><th scope="col">Status</th><th scope="col">Creators</th></tr></thead>
<tbody>
{{#PRODUCT}}<tr><td><a href="/studio/products/{{ID}}">{{TITLE}}</a></td><td>{{STATUS}}</td>
<td><form class="inline" method="post" action="/studio/marketplace/products/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}">
<select name="marketplace" aria-label="Creators for {{TITLE}}"><option value="inherit"{{#M_INHERIT}} selected{{/M_INHERIT}}>as the brand</option><option value="open"{{#M_OPEN}} selected{{/M_OPEN}}>open</option><option value="closed"{{#M_CLOSED}} selected{{/M_CLOSED}}>closed</option></select>
<input name="commission_percent" inputmode="decimal" maxlength="6" size="6" value="{{COMMISSION}}" placeholder="brand rate" aria-label="Commission percent for {{TITLE}}">
<button class="button" type="submit">Save</button></form></td></tr>
{{/PRODUCT}}
</tbody></table>
