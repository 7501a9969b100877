{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Join a brand's team</h1>
{{#USABLE}}<p>{{BRAND}} invites you ({{INVITED}}) to work its leads: statuses, labels, notes and who follows each lead up. Members cannot change the brand's settings, products, orders, payouts or team.</p>
<form class="form" method="post" action="/studio/team/join/{{TOKEN}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">Join {{BRAND}}'s team</button></div>
</form>{{/USABLE}}
{{#SIGN_IN}}<p>{{BRAND}} invites {{INVITED}} to work its leads. To accept, sign in with that address, or create an account with it, then open this link again.</p>
<p><a class="button" href="/login?next=/studio/team/join/{{TOKEN}}">Sign in</a> <a href="/signup">Create an account</a></p>{{/SIGN_IN}}
{{#OTHER_ADDRESS}}<p class="flash error" role="alert">This invitation was sent to another address than this account's. Sign out, then sign in with the address it was sent to.</p>{{/OTHER_ADDRESS}}
{{#OWNS_BRAND}}<p class="flash error" role="alert">This account owns a brand, so it cannot join another brand's team. Accept the invitation with an account of its own.</p>{{/OWNS_BRAND}}
{{#IN_A_TEAM}}<p class="flash error" role="alert">This account is in a brand's team already: an account works for one brand.</p>{{/IN_A_TEAM}}
{{#GONE}}<p class="flash error" role="alert">This invitation has expired, was used or was cancelled. Ask the brand for a new one.</p>{{/GONE}}
