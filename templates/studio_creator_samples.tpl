{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/creator/marketplace">Marketplace: request a sample</a></p>
<h1 class="page-title">Your sample requests</h1>
<p>Samples you asked brands for, newest first. A product you received as a sample shows “Gifted by” its brand beside your picks, wherever they appear.</p>
{{#FLASH}}<p class="flash" role="status">{{TEXT}}</p>{{/FLASH}}
{{#EMPTY}}<p class="muted">No requests yet. Ask for one from the <a href="/studio/creator/marketplace">marketplace</a>.</p>{{/EMPTY}}
<ul class="sample-list">
{{#SAMPLES}}<li class="sample" id="sample-{{ID}}" data-status="{{STATUS}}">
<h2 class="sample-title"><a href="{{URL}}">{{PRODUCT}}</a></h2>
<p class="muted">{{BRAND}} · asked {{WHEN}} UTC{{#OPTION}} · {{TEXT}}{{/OPTION}}</p>
<p class="sample-status">Status: <strong>{{STATUS_LABEL}}</strong>{{#GIFTED}} · shown as “Gifted by {{BRAND}}”{{/GIFTED}}</p>
{{#NOTE}}<p class="sample-note">Your note: {{TEXT}}</p>{{/NOTE}}
{{#REASON}}<p class="sample-reason">Their reason: {{TEXT}}</p>{{/REASON}}
{{#SHIPPED_WITH}}<p class="sample-tracking">{{CARRIER}}, tracking number <span class="tracking-number">{{TRACKING}}</span>{{#TRACK_LINK}} · <a class="track-link" href="{{URL}}" rel="noopener noreferrer">Track the parcel</a>{{/TRACK_LINK}}</p>{{/SHIPPED_WITH}}
{{#ARRIVED}}<form class="inline" method="post" action="/studio/creator/samples/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="deliver"><button class="button small" type="submit">It arrived<span class="visually-hidden">: {{PRODUCT}}</span></button></form>{{/ARRIVED}}
{{#CANCEL}}<form class="inline" method="post" action="/studio/creator/samples/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="cancel"><button class="button small secondary" type="submit">Cancel request<span class="visually-hidden">: {{PRODUCT}}</span></button></form>{{/CANCEL}}
</li>
{{/SAMPLES}}</ul>
