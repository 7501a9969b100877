{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Team</h1>
{{>ERROR_SUMMARY}}
{{#INVITED}}<p class="flash" role="status">Invitation sent. The link in it works for 7 days.</p>{{/INVITED}}
{{#REMOVED}}<p class="flash" role="status">Removed. Their leads are unassigned, each with a line in its history.</p>{{/REMOVED}}
<p>Members work {{BRAND}}'s <a href="/studio/leads">leads</a>: statuses, labels, notes and who follows each lead up. They cannot change the brand's settings, products, orders, payouts or team; only you can.</p>
<h2>People</h2>
<div class="table-scroll"><table class="table"><thead><tr><th>Name</th><th>Email</th><th>Role</th><th><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
{{#MEMBER}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{#OWNER}}Owner{{/OWNER}}{{#REMOVABLE}}Member since {{ADDED}} UTC{{/REMOVABLE}}</td><td>{{#REMOVABLE}}<form method="post" action="/studio/team/members/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button danger" type="submit">Remove<span class="visually-hidden"> {{NAME}}</span></button></form>{{/REMOVABLE}}</td></tr>
{{/MEMBER}}</tbody></table></div>
<h2>Invitations</h2>
{{#NO_INVITES}}<p>No open invitations.</p>{{/NO_INVITES}}
<ul class="invites">{{#INVITE}}<li>{{EMAIL}}, until {{EXPIRES}} UTC <form class="inline" method="post" action="/studio/team/invites/{{ID}}/cancel"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Cancel<span class="visually-hidden"> the invitation to {{EMAIL}}</span></button></form></li>
{{/INVITE}}</ul>
<form class="form" method="post" action="/studio/team/invite">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="email">Invite by email</label>
<input id="email" name="email" type="email" autocomplete="off" maxlength="254" required value="{{EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
{{#ERR_EMAIL}}<p class="field-error" id="email-error">{{TEXT}}</p>{{/ERR_EMAIL}}
<p class="hint">They get a link that works once, for 7 days; they accept it signed in with this address (or after creating an account with it).</p></div>
<div class="actions"><button class="button" type="submit">Send the invitation</button></div>
</form>
