{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your creator profile</h1>
<p>Shown on your storefront, <a href="/@{{HANDLE}}">/@{{HANDLE}}</a>.</p>
{{>MODERATED}}{{#SAVED}}<p class="flash" role="status">Your profile is saved.</p>{{/SAVED}}
{{>ERROR_SUMMARY}}
<form class="form" method="post" action="/studio/creator/profile">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="display_name">Name shown to others</label>
<input id="display_name" name="display_name" maxlength="80" required value="{{DISPLAY_NAME}}"{{#ERR_DISPLAY_NAME}} aria-invalid="true" aria-describedby="display_name-error"{{/ERR_DISPLAY_NAME}}>
{{#ERR_DISPLAY_NAME}}<p class="field-error" id="display_name-error">{{TEXT}}</p>{{/ERR_DISPLAY_NAME}}</div>
<div class="field"><label for="bio">About you</label>
<textarea id="bio" name="bio" rows="5" maxlength="2000">{{BIO}}</textarea></div>
<div class="field"><label for="avatar_url">Avatar image address</label>
<input id="avatar_url" name="avatar_url" maxlength="500" value="{{AVATAR_URL}}" aria-describedby="avatar-hint{{#ERR_AVATAR_URL}} avatar_url-error{{/ERR_AVATAR_URL}}"{{#ERR_AVATAR_URL}} aria-invalid="true"{{/ERR_AVATAR_URL}}>
<p class="hint" id="avatar-hint">An https:// address, a /static/ path, or upload a picture below (it then shows here as /media/img/…).</p>
{{#ERR_AVATAR_URL}}<p class="field-error" id="avatar_url-error">{{TEXT}}</p>{{/ERR_AVATAR_URL}}</div>
<fieldset class="field"><legend>Links (up to five)</legend>
{{#LINKS}}<div class="link-pair">
<label for="link_label_{{N}}">Label {{N}}</label>
<input id="link_label_{{N}}" name="link_label_{{N}}" maxlength="40" value="{{LABEL}}"{{#ERR_LABEL}} aria-invalid="true" aria-describedby="link_label_{{N}}-error"{{/ERR_LABEL}}>
{{#ERR_LABEL}}<p class="field-error" id="link_label_{{N}}-error">{{TEXT}}</p>{{/ERR_LABEL}}
<label for="link_url_{{N}}">Address {{N}}</label>
<input id="link_url_{{N}}" name="link_url_{{N}}" type="url" maxlength="500" value="{{URL}}"{{#ERR_URL}} aria-invalid="true" aria-describedby="link_url_{{N}}-error"{{/ERR_URL}}>
{{#ERR_URL}}<p class="field-error" id="link_url_{{N}}-error">{{TEXT}}</p>{{/ERR_URL}}
</div>
{{/LINKS}}</fieldset>
<p class="hint">Your storefront always tells visitors that you may earn a commission on purchases made through your links; this cannot be turned off.</p>
<div class="actions"><button class="button" type="submit">Save profile</button></div>
</form>
<form class="form image-upload" method="post" action="/studio/creator/profile/avatar" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>Upload an avatar</legend>
<div class="field"><label for="avatar-file">Picture (JPEG, PNG or WebP, at most 12 MiB)</label>
<input id="avatar-file" name="file" type="file" accept="image/jpeg,image/png,image/webp" required></div>
<button class="button" type="submit">Upload</button>
<p class="hint">It replaces the avatar above, with its location and other metadata removed; your storefront shows it once it is processed, in a few seconds.</p>
</fieldset></form>
{{>COVER_UPLOAD}}
