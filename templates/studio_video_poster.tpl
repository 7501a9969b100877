{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/videos">← Your videos</a></p>
<h1 class="page-title">Poster of “{{CAPTION}}”</h1>
<p><a href="/v/{{ID}}">See the video</a></p>
{{>POSTER_UPLOAD}}
{{#FRAME}}<form class="form poster-frame" method="post" action="/studio/videos/{{ID}}/poster-frame">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>Or take a frame of the video</legend>
{{#TAKING}}<p class="hint" role="status">The frame at {{SECOND}} s is being taken: it shows above in a moment.</p>{{/TAKING}}
{{#FAILED}}<p class="field-error" role="alert">{{TEXT}} Choose an earlier second.</p>{{/FAILED}}
<div class="field"><label for="second">Second of the frame</label>
<input id="second" class="qty" name="second" type="number" inputmode="numeric" min="0" max="{{MAX}}" required value="{{SECOND}}">
<p class="hint">From 0 to the video's length ({{DEFAULT}} s unless you choose). It replaces the poster above.</p></div>
<button class="button" type="submit">Take this frame</button>
</fieldset></form>{{/FRAME}}
