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
<input id="return_window_days" name="return_window_days" type="number" min="1" max="90" required value="{{RETURN_WINDOW}}" aria-describedby="return-hint">
<p class="hint" id="return-hint">1 to 90 days. Commission becomes payable this many days after delivery (or after the order was placed, if it is never marked delivered).</p></div>
<div class="field"><label for="rate_notice_days">Notice before a lower rate (days)</label>
<input id="rate_notice_days" name="rate_notice_days" type="number" min="7" max="90" required value="{{NOTICE}}" aria-describedby="notice-hint">
<p class="hint" id="notice-hint">7 to 90 days. When you lower a commission rate, creators who already picked the product keep the old rate for sales until this many days have passed, and are told the new rate and its date. A higher rate applies at once.</p></div>
<div class="field"><label for="indirect_percent">Indirect commission (percent, 0 to 50)</label>
<input id="indirect_percent" name="indirect_percent" inputmode="decimal" maxlength="6" value="{{INDIRECT}}" aria-describedby="indirect-hint">
<p class="hint" id="indirect-hint">Paid on your other products bought in the same visit a creator brought, which the creator did not pick. 0 or empty: none.</p></div>
<div class="field"><label for="first_order_percent">Rate on a buyer's first order (percent, 0 to 50, optional)</label>
<input id="first_order_percent" name="first_order_percent" inputmode="decimal" maxlength="6" value="{{FIRST_ORDER}}" aria-describedby="first-hint">
<p class="hint" id="first-hint">On a buyer's first order with you (by email), a picked product earns this rate when it is higher than the pick's. Empty: none.</p></div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
