{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Create your account</h1>
{{>ERROR_SUMMARY}}
<form class="form signup-form" method="post" action="/signup">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field" id="role"{{#ERR_ROLE}} aria-describedby="role-error"{{/ERR_ROLE}}><legend>I am joining as</legend>
<label><input type="radio" name="role" value="creator"{{#ROLE_CREATOR}} checked{{/ROLE_CREATOR}}> a creator (I curate a storefront)</label>
<label><input type="radio" name="role" value="brand"{{#ROLE_BRAND}} checked{{/ROLE_BRAND}}> a brand (I sell products)</label>
<label><input type="radio" name="role" value="shopper"{{#ROLE_SHOPPER}} checked{{/ROLE_SHOPPER}}> a shopper</label>
{{#ERR_ROLE}}<p class="field-error" id="role-error">{{TEXT}}</p>{{/ERR_ROLE}}
</fieldset>
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"{{#ERR_EMAIL}} aria-invalid="true" aria-describedby="email-error"{{/ERR_EMAIL}}>
{{#ERR_EMAIL}}<p class="field-error" id="email-error">{{TEXT}}</p>{{/ERR_EMAIL}}</div>
<div class="field"><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="128" required aria-describedby="password-hint{{#ERR_PASSWORD}} password-error{{/ERR_PASSWORD}}"{{#ERR_PASSWORD}} aria-invalid="true"{{/ERR_PASSWORD}}>
<p class="hint" id="password-hint">At least 12 characters; a few words you will remember make a good one. The most common passwords are refused.</p><script src="{{STATIC_JS_PASSWORD_JS}}" defer></script>
{{#ERR_PASSWORD}}<p class="field-error" id="password-error">{{TEXT}}</p>{{/ERR_PASSWORD}}</div>
<div class="field"><label for="display_name">Name shown to others</label>
<input id="display_name" name="display_name" maxlength="80" required value="{{DISPLAY_NAME}}"{{#ERR_DISPLAY_NAME}} aria-invalid="true" aria-describedby="display_name-error"{{/ERR_DISPLAY_NAME}}>
{{#ERR_DISPLAY_NAME}}<p class="field-error" id="display_name-error">{{TEXT}}</p>{{/ERR_DISPLAY_NAME}}</div>
<div class="field role-creator"><label for="handle">Creator handle (your storefront is /@handle)</label>
<input id="handle" name="handle" maxlength="30" pattern="[A-Za-z][A-Za-z0-9_]{2,29}" value="{{HANDLE}}" aria-describedby="handle-hint{{#ERR_HANDLE}} handle-error{{/ERR_HANDLE}}"{{#ERR_HANDLE}} aria-invalid="true"{{/ERR_HANDLE}}>
<p class="hint" id="handle-hint">Creators only: 3 to 30 letters, digits or underscores, starting with a letter.</p>
{{#ERR_HANDLE}}<p class="field-error" id="handle-error">{{TEXT}}</p>{{/ERR_HANDLE}}</div>
<div class="field role-brand"><label for="brand_name">Brand name</label>
<input id="brand_name" name="brand_name" maxlength="120" value="{{BRAND_NAME}}" aria-describedby="brand-hint{{#ERR_BRAND_NAME}} brand_name-error{{/ERR_BRAND_NAME}}"{{#ERR_BRAND_NAME}} aria-invalid="true"{{/ERR_BRAND_NAME}}>
<p class="hint" id="brand-hint">Brands only.</p>
{{#ERR_BRAND_NAME}}<p class="field-error" id="brand_name-error">{{TEXT}}</p>{{/ERR_BRAND_NAME}}</div>
<div class="actions"><button class="button" type="submit">Create account</button>
<a href="/login">I already have an account</a></div>
</form>
