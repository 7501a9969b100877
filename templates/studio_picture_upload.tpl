{{%AUTOESCAPE context="HTML"}}<form class="form image-upload" method="post" action="{{ACTION}}" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>{{LEGEND}}</legend>
{{#CURRENT}}<p class="current-picture"><span class="hint">{{STATE}}</span> {{#THUMB}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="studio-thumb" src="{{SRC}}" alt="" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/THUMB}}</p>{{/CURRENT}}
<div class="field"><label for="{{ID}}">Picture (JPEG, PNG or WebP, at most 12 MiB)</label>
<input id="{{ID}}" name="file" type="file" accept="image/jpeg,image/png,image/webp" required></div>
<button class="button" type="submit">Upload</button>
<p class="hint">{{HINT}}</p>
</fieldset></form>
{{#REMOVE}}<form class="inline picture-remove" method="post" action="{{REMOVE_ACTION}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="button small secondary" type="submit">Remove the picture<span class="visually-hidden">: {{LEGEND}}</span></button></form>{{/REMOVE}}
