{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/b/{{SLUG}}">Your brand page</a></p>
<h1 class="page-title">Brand story</h1>
<p>What shoppers read first on the page of {{BRAND}}, above the creators who pick your products and the products themselves.</p>
{{#SAVED}}<p class="flash" role="status">Saved.</p>{{/SAVED}}
{{>ERROR_SUMMARY}}
<form class="form" method="post" action="/studio/brand/about">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="about">Story</label>
<textarea id="about" name="about" rows="8" maxlength="2000" aria-describedby="about-hint{{#ERR_ABOUT}} about-error{{/ERR_ABOUT}}"{{#ERR_ABOUT}} aria-invalid="true"{{/ERR_ABOUT}}>{{ABOUT}}</textarea>
<p class="hint" id="about-hint">Plain text, up to 2,000 characters.</p>
{{#ERR_ABOUT}}<p class="field-error" id="about-error">{{TEXT}}</p>{{/ERR_ABOUT}}</div>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
