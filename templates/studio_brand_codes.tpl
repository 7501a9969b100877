{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/brand/creator-program">Creator program</a> · <a href="/studio/brand/dashboard">Creator sales</a></p>
<h1 class="page-title">Discount codes</h1>
<p>Codes {{BRAND}} gives the creators in its programme (creators with an approved pick of your products), or keeps for itself. A shopper types one at the cart or at checkout, or follows a creator's link that carries it. Commission is on what the buyer paid after the discount.</p>
{{#SAVED}}<p class="flash" role="status">Saved.</p>{{/SAVED}}
{{>ERROR_SUMMARY}}
{{#EMPTY}}<p class="muted">No codes yet.</p>{{/EMPTY}}
<div class="table-scroll">
<table class="data codes-table">
<caption>Your codes</caption>
<thead><tr><th scope="col">Code</th><th scope="col">For</th><th scope="col">Off</th><th scope="col">Minimum</th><th scope="col">Uses</th><th scope="col">Per customer</th><th scope="col">Dates</th><th scope="col">Combines</th><th scope="col">Discounted</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>
{{#CODES}}<tr class="code-row"><td class="code-text"><a href="/studio/brand/codes/{{ID}}">{{CODE}}</a></td><td>{{WHO}}</td><td>{{RULE}}</td><td>{{MIN}}</td><td class="code-uses">{{USES}}</td><td>{{PER_CUSTOMER}}</td><td>{{DATES}}</td><td>{{COMBINABLE}}</td><td>{{DISCOUNTED}}</td><td class="code-state">{{STATE}}</td>
<td><form class="inline" method="post" action="/studio/brand/codes/{{ID}}/state"><input type="hidden" name="csrf" value="{{CSRF}}">
{{#CAN_DISABLE}}<input type="hidden" name="active" value="0"><button class="link-button" type="submit" aria-label="Disable {{CODE}}">Disable</button>{{/CAN_DISABLE}}
{{#CAN_ENABLE}}<input type="hidden" name="active" value="1"><button class="link-button" type="submit" aria-label="Enable {{CODE}}">Enable</button>{{/CAN_ENABLE}}</form></td></tr>
{{/CODES}}</tbody>
</table>
</div>
<h2>New code</h2>
<form class="form" method="post" action="/studio/brand/codes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="creator_id">For</label>
<select id="creator_id" name="creator_id"{{#ERR_CREATOR_ID}} aria-invalid="true" aria-describedby="creator_id-error"{{/ERR_CREATOR_ID}}>
<option value="">The brand (no creator: never credits one)</option>
{{#CREATORS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>@{{HANDLE}}</option>
{{/CREATORS}}</select>
{{#ERR_CREATOR_ID}}<p class="field-error" id="creator_id-error">{{TEXT}}</p>{{/ERR_CREATOR_ID}}</div>
<div class="field"><label for="code">Code (optional)</label>
<input id="code" name="code" maxlength="32" autocapitalize="characters" value="{{CODE_TEXT}}" aria-describedby="code-hint{{#ERR_CODE}} code-error{{/ERR_CODE}}"{{#ERR_CODE}} aria-invalid="true"{{/ERR_CODE}}>
<p class="hint" id="code-hint">3 to 32 letters, digits or dashes, unique across the shop. Leave it empty and one is made, like LENA-7K3Q9M.</p>
{{#ERR_CODE}}<p class="field-error" id="code-error">{{TEXT}}</p>{{/ERR_CODE}}</div>
{{>FIELDS}}
<div class="actions"><button class="button" type="submit">Create code</button></div>
</form>
<h2>A creator's code and another creator's link</h2>
<form class="form" method="post" action="/studio/brand/codes/precedence">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field"><legend>When a shopper came through one creator's link and uses another creator's code, the sale goes to</legend>
<label><input type="radio" name="precedence" value="code"{{#CODE_WINS}} checked{{/CODE_WINS}}> the code's creator (recommended: the code was given by name)</label>
<label><input type="radio" name="precedence" value="last_click"{{#LAST_CLICK}} checked{{/LAST_CLICK}}> whichever came last: the link, or the code being applied</label>
</fieldset>
<p class="hint">Either way, a code of the brand (no creator) never takes a sale from a creator's link, and a link's window still applies.</p>
<div class="actions"><button class="button" type="submit">Save rule</button></div>
</form>
