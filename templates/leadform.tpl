{{%AUTOESCAPE context="HTML"}}<section class="leadform">
<h1 class="page-title">{{TITLE}}</h1>
<p class="leadform-brand">{{BRAND_NAME}}</p>
<p class="leadform-intro">{{INTRO}}</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}{{>ERROR_SUMMARY}}
{{#NOTE}}<p class="flash" role="status">{{TEXT}}</p>{{/NOTE}}
<form class="form" method="post" action="{{ACTION}}" novalidate data-leadform>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="t" value="{{STAMP}}">
{{#CONFIRM}}<div class="flash" role="status"><input type="hidden" name="confirm" value="{{TOKEN}}">
<p>Almost done: please check your answers and press Send to confirm.</p>
<button class="button" type="submit">Send</button></div>
{{/CONFIRM}}<div class="leadform-hp" aria-hidden="true"><label for="website">Leave this empty</label>
<input id="website" name="website" tabindex="-1" autocomplete="off"></div>
{{#FIELD}}<div class="field" data-field="{{NAME}}"{{#COND}} data-show-if="{{SOURCE}}" data-show-values="{{VALUES}}"{{/COND}}{{#HIDDEN}} hidden{{/HIDDEN}}>
{{#COND}}<input type="hidden" name="shown" value="{{NAME}}"{{#OFF}} disabled{{/OFF}}>{{/COND}}
{{#T_TEXT}}<label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>
<input id="{{NAME}}" name="{{NAME}}" maxlength="200" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/T_TEXT}}
{{#T_LONGTEXT}}<label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>
<textarea id="{{NAME}}" name="{{NAME}}" rows="5" maxlength="5000"{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE}}</textarea>{{/T_LONGTEXT}}
{{#T_EMAIL}}<label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>
<input id="{{NAME}}" name="{{NAME}}" type="email" autocomplete="email" maxlength="254" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/T_EMAIL}}
{{#T_PHONE}}<label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>
<input id="{{NAME}}" name="{{NAME}}" type="tel" autocomplete="tel" maxlength="30" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/T_PHONE}}
{{#T_DATE}}<label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>
<input id="{{NAME}}" name="{{NAME}}" type="date" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/T_DATE}}
{{#T_NUMBER}}<label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>
<input id="{{NAME}}" name="{{NAME}}" inputmode="decimal" maxlength="24" value="{{VALUE}}"{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/T_NUMBER}}
{{#T_CHECKBOX}}<label><input type="checkbox" id="{{NAME}}" name="{{NAME}}" value="yes"{{#CHECKED}} checked{{/CHECKED}}{{#REQUIRED}} required{{/REQUIRED}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}> {{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</label>{{/T_CHECKBOX}}
{{#T_CHOICE}}<fieldset{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}><legend>{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</legend>
{{#OPTION}}<label for="{{ID}}"><input type="radio" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{VALUE}}</label>
{{/OPTION}}</fieldset>{{/T_CHOICE}}
{{#T_MULTI}}<fieldset{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}><legend>{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</legend>
{{#OPTION}}<label for="{{ID}}"><input type="checkbox" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{VALUE}}</label>
{{/OPTION}}</fieldset>{{/T_MULTI}}
{{#T_APPOINTMENT}}<fieldset{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}><legend>{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</legend>
{{#NO_SLOTS}}<p>No times are free at the moment.</p>{{/NO_SLOTS}}{{#ZONE}}<p class="hint">Times are in {{TZ}}.</p>{{/ZONE}}
{{#SLOT}}<label for="{{ID}}"><input type="radio" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/SLOT}}</fieldset>{{/T_APPOINTMENT}}
{{#T_IMAGE}}<fieldset class="leadform-pictures"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}><legend>{{LABEL}}{{#REQUIRED}} <span class="req">(required)</span>{{/REQUIRED}}</legend>
{{#PICTURE}}<label for="{{ID}}"><input type="radio" id="{{ID}}" name="{{NAME}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <img src="{{URL}}" alt="" width="160" height="120" loading="lazy" referrerpolicy="no-referrer"> {{VALUE}}</label>
{{/PICTURE}}</fieldset>{{/T_IMAGE}}
{{#HELP}}<p class="hint" id="{{NAME}}-help">{{TEXT}}</p>{{/HELP}}
{{#FIELD_ERROR}}<p class="field-error" id="{{NAME}}-error">{{TEXT}}</p>{{/FIELD_ERROR}}
</div>
{{/FIELD}}<div class="field leadform-consent"><label><input type="checkbox" id="consent" name="consent" value="yes" required{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="consent-error"{{/CONSENT_ERROR}}> {{CONSENT}}</label>
<p class="hint">{{BRAND_NAME}} keeps your answers for {{RETENTION_DAYS}} days after you send them, then they are erased. The confirmation email has a link to erase them sooner.</p>
{{#PRIVACY}}<p class="hint"><a href="{{URL}}" rel="noopener">Privacy policy</a></p>{{/PRIVACY}}
{{#CONSENT_ERROR}}<p class="field-error" id="consent-error">{{TEXT}}</p>{{/CONSENT_ERROR}}</div>
<div class="actions"><button class="button" type="submit">Send</button></div>
</form>
</section>
<script src="{{STATIC_JS_LEADFORM_JS}}" defer></script>
{{>REPORT}}
