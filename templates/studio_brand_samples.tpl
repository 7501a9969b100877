{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/brand/pick-requests">Pick requests</a> · <a href="/studio/brand/creator-program">Creator program</a></p>
<h1 class="page-title">Sample requests</h1>
<p>Creators asking {{BRAND}} for a free sample, open requests first. Each creator is told by mail when you approve, decline, ship or deliver. A delivered sample makes the creator’s pick of that product say “Gifted by {{BRAND}}” everywhere it shows.</p>
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>{{/FLASH}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#EMPTY}}<p class="muted">No sample requests yet.</p>{{/EMPTY}}
<ul class="sample-list">
{{#SAMPLES}}<li class="sample" id="sample-{{ID}}" data-status="{{STATUS}}">
<h2 class="sample-title">{{PRODUCT}}{{#OPTION}} <span class="muted">({{TEXT}})</span>{{/OPTION}}</h2>
<p class="muted">For <a href="/@{{HANDLE}}">{{NAME}}</a> (@{{HANDLE}}) · asked {{WHEN}} UTC</p>
<p class="sample-status">Status: <strong>{{STATUS_LABEL}}</strong></p>
{{#NOTE}}<p class="sample-note">Their note: {{TEXT}}</p>{{/NOTE}}
{{#ADDRESS}}<address class="sample-address">{{#SHIP_NAME}}{{TEXT}}<br>{{/SHIP_NAME}}{{#LINE1}}{{TEXT}}<br>{{/LINE1}}{{#LINE2}}{{TEXT}}<br>{{/LINE2}}{{#CITY}}{{TEXT}}{{/CITY}}{{#REGION}}, {{TEXT}}{{/REGION}}{{#POSTAL}} {{TEXT}}{{/POSTAL}}{{#COUNTRY}}<br>{{TEXT}}{{/COUNTRY}}</address>{{/ADDRESS}}
{{#REASON}}<p class="sample-reason">Declined: {{TEXT}}</p>{{/REASON}}
{{#SHIPPED_WITH}}<p class="sample-tracking">{{CARRIER}}, tracking number <span class="tracking-number">{{TRACKING}}</span>{{#TRACK_LINK}} · <a class="track-link" href="{{URL}}" rel="noopener noreferrer">Track</a>{{/TRACK_LINK}}</p>{{/SHIPPED_WITH}}
<div class="sample-actions">
{{#APPROVE}}<form class="inline" method="post" action="/studio/brand/samples/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="approve"><button class="button small" type="submit">Approve<span class="visually-hidden">: {{PRODUCT}} for @{{HANDLE}}</span></button></form>{{/APPROVE}}
{{#SHIP}}<form class="form sample-ship" method="post" action="/studio/brand/samples/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="ship">
<div class="field"><label for="carrier-{{ID}}">Carrier</label>
<select id="carrier-{{ID}}" name="carrier" required>{{#CARRIERS}}<option value="{{CODE}}">{{LABEL}}</option>{{/CARRIERS}}</select></div>
<div class="field"><label for="tracking-{{ID}}">Tracking number</label>
<input id="tracking-{{ID}}" name="tracking_number" maxlength="60" required autocomplete="off"></div>
<button class="button small" type="submit">Mark as shipped<span class="visually-hidden">: {{PRODUCT}} for @{{HANDLE}}</span></button></form>{{/SHIP}}
{{#DELIVER}}<form class="inline" method="post" action="/studio/brand/samples/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="deliver"><button class="button small" type="submit">Mark as delivered<span class="visually-hidden">: {{PRODUCT}} for @{{HANDLE}}</span></button></form>{{/DELIVER}}
{{#DECLINE}}<form class="form sample-decline" method="post" action="/studio/brand/samples/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="decline">
<div class="field"><label for="reason-{{ID}}">Reason to decline (the creator sees it)</label>
<input id="reason-{{ID}}" name="reason" maxlength="500" required></div>
<button class="button small secondary" type="submit">Decline<span class="visually-hidden">: {{PRODUCT}} for @{{HANDLE}}</span></button></form>{{/DECLINE}}
</div>
</li>
{{/SAMPLES}}</ul>
<h2>Limits per creator</h2>
<form class="form" method="post" action="/studio/brand/samples/limits">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="open_limit">Open requests at a time</label>
<input id="open_limit" name="open_limit" type="number" inputmode="numeric" min="0" max="{{LIMIT_MAX}}" required value="{{OPEN_LIMIT}}" aria-describedby="open-hint">
<p class="hint" id="open-hint">Waiting, approved or on its way. 0 stops new sample requests.</p></div>
<div class="field"><label for="monthly_limit">Requests in any 30 days</label>
<input id="monthly_limit" name="monthly_limit" type="number" inputmode="numeric" min="0" max="{{LIMIT_MAX}}" required value="{{MONTHLY_LIMIT}}" aria-describedby="monthly-hint">
<p class="hint" id="monthly-hint">Declined and delivered ones count; ones the creator cancelled do not.</p></div>
<div class="actions"><button class="button" type="submit">Save limits</button></div>
</form>
