{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Lead {{ID}}</h1>
<p><a href="/studio/leads">All leads</a></p>
<dl class="details">
<dt>Status</dt><dd>{{STATUS}}</dd>
<dt>Labels</dt><dd>{{LABELS}}</dd>
<dt>Assigned to</dt><dd>{{ASSIGNEE}}{{#LEGACY}} <span class="hint">(typed before the brand had a team)</span>{{/LEGACY}}</dd>
<dt>Form</dt><dd>{{FORM}}</dd>
<dt>Email</dt><dd>{{EMAIL}}</dd>
<dt>Creator</dt><dd>{{CREATOR}}</dd>
<dt>Received (UTC)</dt><dd>{{CREATED}}</dd>
<dt>Last updated (UTC)</dt><dd>{{UPDATED}}</dd>
<dt>Submissions</dt><dd>{{SUBMISSIONS}}</dd>
<dt>Consent given (UTC)</dt><dd>{{CONSENTED_AT}}</dd>
<dt>Consent text shown</dt><dd class="consent">{{CONSENT}}</dd>
<dt>Address (keyed hash)</dt><dd><code>{{IP_HASH}}</code></dd>
{{#ANSWER}}<dt>{{LABEL}}</dt><dd class="answer">{{VALUE}}{{#E164}} <span class="hint">(E.164 {{NUMBER}})</span>{{/E164}}</dd>
{{/ANSWER}}</dl>
{{#BOOKED}}<p><a href="/studio/leads/{{ID}}/appointment.ics">Add the appointment to your calendar (.ics)</a></p>{{/BOOKED}}
<h2>Work this lead</h2>
<form class="form" method="post" action="/studio/leads/{{ID}}/work">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="status">Status</label><select id="status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select></div>
<div class="field"><label for="labels">Labels (separated by commas)</label><input id="labels" name="labels" maxlength="500" value="{{LABELS}}"></div>
<div class="field"><label for="assignee">Assigned to</label><select id="assignee" name="assignee"{{#LEGACY}} aria-describedby="assignee-legacy"{{/LEGACY}}><option value=""{{#NOBODY_SELECTED}} selected{{/NOBODY_SELECTED}}>Nobody</option>{{#ASSIGNEE_OPTION}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}{{#YOU}} (you){{/YOU}}</option>{{/ASSIGNEE_OPTION}}</select>
{{#LEGACY}}<p class="hint" id="assignee-legacy">Before the brand had a team this lead was assigned to "{{TEXT}}"; choosing someone replaces that.</p>{{/LEGACY}}</div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
<h2>Notes</h2>
<ul class="notes">{{#NOTE}}<li><p>{{TEXT}}</p><p class="hint">{{AUTHOR}}, {{AT}} UTC</p></li>
{{/NOTE}}</ul>
<form class="form" method="post" action="/studio/leads/{{ID}}/notes">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="note">New note</label><textarea id="note" name="note" rows="3" maxlength="4000"></textarea></div>
<div class="actions"><button class="button" type="submit">Add note</button></div>
</form>
<h2>History</h2>
<ol class="history">{{#EVENT}}<li>{{AT}} UTC · {{AUTHOR}}: {{TEXT}}</li>
{{/EVENT}}</ol>
{{#ERASABLE}}<form method="post" action="/studio/leads/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="button danger" type="submit">Erase this lead</button>
</form>{{/ERASABLE}}{{#OWNER_ERASES}}<p class="hint">Only the brand's owner can erase a lead.</p>{{/OWNER_ERASES}}
