{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Delete your account</h1>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#BRAND}}<p>A brand account holds a catalog, orders and creators' earnings that others rely on, so it is closed by the site's operator rather than here: please write to them. You can still <a href="/studio/account/export.json" download>download your data</a>.</p>{{/BRAND}}
{{#ALLOWED}}<p>Before you delete it, you may want to <a href="/studio/account/export.json" download>download your data</a> (JSON).</p>
<h2>What goes</h2>
<ul>
<li>Your sign-in: your email address, name and password are erased, and every session ends at once.</li>
<li>The creators you follow and the products you saved.</li>
{{#CREATOR}}<li>Your storefront /@{{HANDLE}}, its collections, picks and links: they are no longer shown anywhere.</li>
<li>Your payout details (PayPal address or bank account).</li>{{/CREATOR}}
</ul>
<h2>What stays</h2>
<ul>
<li>Orders you placed keep their rows, with the address they were shipped to: the brands that sold them must keep them in their accounts. They are no longer linked to a person with an account.</li>
{{#CREATOR}}<li>Your commission and payout entries in each brand's ledger stay, under the name "deleted creator #{{CREATOR_ID}}": brands must keep their accounting records, and the ledger's chain of checks must not break.</li>{{/CREATOR}}
<li>Leads you submitted through brands' forms are held by those brands; ask them to erase them.</li>
</ul>
<form class="form" method="post" action="/studio/account/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="delete_current_password">Your password, to delete the account</label>
<input id="delete_current_password" name="current_password" type="password" autocomplete="current-password" maxlength="128" required></div>
<div class="actions"><button class="button" type="submit">Delete my account for good</button>
<a href="/studio/account">Keep my account</a></div>
</form>{{/ALLOWED}}
