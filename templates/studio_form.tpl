{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{TITLE}}</h1>
<p><a href="/studio/forms">All forms</a> · public address: <a href="/f/{{SLUG}}">/f/{{SLUG}}</a> · <a href="/studio/leads?form={{ID}}">Leads</a></p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<h2>Settings</h2>
<form class="form" method="post" action="/studio/forms/{{ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="title">Title</label><input id="title" name="title" maxlength="120" required value="{{TITLE}}"></div>
<div class="field"><label for="intro">Intro text</label><textarea id="intro" name="intro" rows="3" maxlength="2000">{{INTRO}}</textarea></div>
<div class="field"><label for="consent_text">Consent statement (a required checkbox; stored with each lead)</label><textarea id="consent_text" name="consent_text" rows="2" maxlength="1000" required>{{CONSENT_TEXT}}</textarea></div>
<div class="field"><label for="privacy_url">Privacy policy URL</label><input id="privacy_url" name="privacy_url" type="url" maxlength="500" value="{{PRIVACY_URL}}" aria-describedby="privacy_url-help"><p class="hint" id="privacy_url-help">Needed before the form can go live.</p></div>
<div class="field"><label for="thanks_text">Thank-you message</label><textarea id="thanks_text" name="thanks_text" rows="2" maxlength="1000">{{THANKS_TEXT}}</textarea></div>
<div class="field"><label for="redirect_url">After sending, redirect to (optional, instead of the thank-you message)</label><input id="redirect_url" name="redirect_url" type="text" inputmode="url" maxlength="1000" value="{{REDIRECT_URL}}" placeholder="https://www.example.com/thanks"{{#ERR_REDIRECT}} aria-invalid="true" aria-describedby="redirect-error"{{/ERR_REDIRECT}}>
<p class="hint">An address on one of your <a href="/studio/domains">verified domains</a>.</p>
{{#ERR_REDIRECT}}<p class="field-error" id="redirect-error">{{TEXT}}</p>{{/ERR_REDIRECT}}</div>
<fieldset class="field"><legend>Status</legend>
<label><input type="radio" name="status" value="draft"{{#S_DRAFT}} checked{{/S_DRAFT}}> draft</label>
<label><input type="radio" name="status" value="live"{{#S_LIVE}} checked{{/S_LIVE}}> live</label>
<label><input type="radio" name="status" value="closed"{{#S_CLOSED}} checked{{/S_CLOSED}}> closed</label></fieldset>
<div class="field"><label><input type="checkbox" name="creators_allowed" value="yes"{{#CREATORS_ALLOWED}} checked{{/CREATORS_ALLOWED}}> Creators may share it at /@handle/f/{{SLUG}}</label></div>
<div class="field"><label for="creator_handles">Only these creators (handles, separated by spaces; empty: any creator)</label><input id="creator_handles" name="creator_handles" maxlength="1000" value="{{CREATOR_HANDLES}}"></div>
<div class="field"><label for="min_fill_seconds">Minimum fill time (seconds)</label><input id="min_fill_seconds" name="min_fill_seconds" inputmode="numeric" maxlength="3" value="{{MIN_FILL}}"></div>
<div class="field"><label for="ip_limit_per_hour">Submissions per hour from one address</label><input id="ip_limit_per_hour" name="ip_limit_per_hour" inputmode="numeric" maxlength="6" value="{{IP_LIMIT}}"></div>
<div class="field"><label for="form_limit_per_hour">Submissions per hour in all</label><input id="form_limit_per_hour" name="form_limit_per_hour" inputmode="numeric" maxlength="7" value="{{FORM_LIMIT}}"></div>
<div class="field"><label for="retention_days">Keep answers for (days)</label><input id="retention_days" name="retention_days" inputmode="numeric" maxlength="4" value="{{RETENTION}}" aria-describedby="retention_days-help"><p class="hint" id="retention_days-help">Empty: the site's default of {{DEFAULT_RETENTION}} days after a lead's last submission. Older leads are erased; only their number is kept ({{PURGED}} so far). The form tells shoppers.</p></div>
<div class="field"><label for="phone_region">Phone numbers written without a country code are from (two-letter country code)</label><input id="phone_region" name="phone_region" maxlength="2" size="2" autocomplete="off" value="{{PHONE_REGION}}" placeholder="{{DEFAULT_PHONE_REGION}}" aria-describedby="phone_region-help"><p class="hint" id="phone_region-help">Empty: {{DEFAULT_PHONE_REGION}}. So "(206) 555-0100" is stored as +12065550100 for your CRM; a number with + and a country code is read as written.</p></div>
<div class="actions"><button class="button" type="submit">Save settings</button></div>
</form>
<h2>Fields</h2>
<table class="table"><thead><tr><th>Position</th><th>Label</th><th>Type</th><th>Required</th><th>Help</th><th>Qualifies / disqualifies</th><th><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
{{#FIELD}}<tr><td><form class="inline" method="post" action="/studio/forms/{{ID}}/fields/{{FIELD_ID}}/position"><input type="hidden" name="csrf" value="{{CSRF}}"><label class="visually-hidden" for="pos-{{FIELD_ID}}">Position of {{LABEL}}</label><input id="pos-{{FIELD_ID}}" name="position" inputmode="numeric" size="3" maxlength="4" value="{{POSITION}}"> <button class="button" type="submit">Move</button></form></td><td>{{LABEL}}</td><td>{{TYPE}}</td><td>{{REQUIRED}}</td><td>{{HELP}}{{#SHOWN_WHEN}} <span class="hint">Shown when “{{SOURCE}}” is: {{VALUES}}</span>{{/SHOWN_WHEN}}{{#SLOTS}} <span class="hint">{{TEXT}}</span>{{/SLOTS}}{{#PHONE_STRICT}} <span class="hint">Only valid numbers</span>{{/PHONE_STRICT}}</td><td>{{QUALIFYING}}{{#DISQ}} / not: {{TEXT}}{{/DISQ}}</td>
<td><form method="post" action="/studio/forms/{{ID}}/fields/{{FIELD_ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button" type="submit">Remove</button></form></td></tr>
{{/FIELD}}</tbody></table>
<h3>Add a field</h3>
<form class="form" method="post" action="/studio/forms/{{ID}}/fields">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="type">Type</label><select id="type" name="type">{{#TYPE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/TYPE_OPTION}}</select></div>
<div class="field"><label for="label">Label</label><input id="label" name="label" maxlength="200" required></div>
<div class="field"><label for="help">Help text</label><input id="help" name="help" maxlength="500"></div>
<div class="field"><label for="options">Options (choices: one per line, at most 10; image choice: "label | https://address-of-the-picture", at most 8)</label><textarea id="options" name="options" rows="3" maxlength="2000"></textarea></div>
<div class="field"><label for="qualifying">Options that qualify the lead (one per line)</label><textarea id="qualifying" name="qualifying" rows="2" maxlength="2000"></textarea></div>
<div class="field"><label for="disqualifying">Options that disqualify the lead (one per line; they win over qualifying ones)</label><textarea id="disqualifying" name="disqualifying" rows="2" maxlength="2000"></textarea></div>
<fieldset><legend>Appointment questions only</legend>
<div class="field"><label for="appt_weekly">Weekly availability</label><input id="appt_weekly" name="appt_weekly" maxlength="500" placeholder="mon 09:00-12:00, wed 14:00-17:30" aria-describedby="appt_weekly-help"><p class="hint" id="appt_weekly-help">Days mon to sun with 24-hour times, separated by commas.</p></div>
<div class="field"><label for="appt_slot_minutes">Slot length (minutes)</label><input id="appt_slot_minutes" name="appt_slot_minutes" inputmode="numeric" maxlength="3" value="30"></div>
<div class="field"><label for="appt_tz">Time zone</label><input id="appt_tz" name="appt_tz" maxlength="64" placeholder="Europe/Berlin"></div>
<div class="field"><label for="appt_notice_hours">Notice (hours before a slot it can no longer be booked)</label><input id="appt_notice_hours" name="appt_notice_hours" inputmode="numeric" maxlength="4" value="24"></div>
</fieldset>
<div class="field"><label for="show_if_field">Show only when this question is answered…</label><select id="show_if_field" name="show_if_field"><option value="">(always show)</option>{{#SOURCE_OPTION}}<option value="{{FIELD_ID}}">{{LABEL}}</option>{{/SOURCE_OPTION}}</select></div>
<div class="field"><label for="show_if_options">…with one of these answers (one per line)</label><textarea id="show_if_options" name="show_if_options" rows="2" maxlength="2000"></textarea></div>
<div class="field"><label for="position">Position (smaller first)</label><input id="position" name="position" inputmode="numeric" maxlength="4" value="10"></div>
<div class="field"><label><input type="checkbox" name="required" value="yes"> Required</label></div>
<div class="field"><label><input type="checkbox" name="phone_strict" value="yes"> Phone questions only: ask again when the number is not a valid one (checked with libphonenumber)</label></div>
<div class="actions"><button class="button" type="submit">Add field</button></div>
</form>
