{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/marketplace">Marketplace and commission</a> · <a href="/studio/brand/pick-requests">Pick requests</a> · <a href="/studio/brand/dashboard">Creator sales</a></p>
<h1 class="page-title">Creator program</h1>
<p>How {{BRAND}} credits creators for sales. The commission rate and which products creators may pick are set under <a href="/studio/marketplace">Marketplace</a>.</p>
{{#SAVED}}<p class="flash" role="status">Saved.</p>{{/SAVED}}
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/studio/brand/creator-program">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="attribution_window_days">Attribution window (days)</label>
<input id="attribution_window_days" name="attribution_window_days" type="number" min="1" max="90" required value="{{WINDOW}}" aria-describedby="window-hint">
<p class="hint" id="window-hint">A sale goes to the last creator whose page or link the shopper followed within this many days. Visiting the shop directly does not take it away.</p></div>
<div class="field"><label for="return_window_days">Return window (days)</label>
<input id="return_window_days" name="return_window_days" type="number" min="0" max="365" required value="{{RETURN_WINDOW}}" aria-describedby="return-hint">
<p class="hint" id="return-hint">Commission becomes payable this many days after delivery (or after the order was placed, if it is never marked delivered).</p></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
