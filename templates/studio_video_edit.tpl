{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio/videos">← Your videos</a></p>
<h1 class="page-title">Edit video {{ID}}</h1>
{{#SAVED}}<p class="notice" role="status">Saved. <a href="/v/{{ID}}">See the video</a></p>{{/SAVED}}
{{#ERROR}}<p class="error" role="alert">{{TEXT}}</p>{{/ERROR}}
<div class="video-spot-stage" id="video-spot-stage">
<video id="video-spot-player" class="video-player" controls preload="metadata" playsinline src="{{PLAYER_SRC}}"></video>
<div class="video-spot-layer" id="video-spot-layer" hidden><span class="video-spot-mark" id="video-spot-mark" hidden></span></div>
</div>
<p class="hint" id="video-spot-hint">To place a hotspot, type its x and y (percent of the frame from the top left) beside the product.</p>
<form class="form video-edit-form" method="post" action="/studio/videos/{{ID}}/edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="src_url">Video address (MP4 or HLS)</label>
<input id="src_url" name="src_url" type="text" inputmode="url" maxlength="500" required value="{{SRC_URL}}"></div>
<div class="field"><label for="poster_url">Poster image (optional)</label>
<input id="poster_url" name="poster_url" type="text" inputmode="url" maxlength="500" value="{{POSTER_URL}}"></div>
<div class="field"><label for="caption">Title and caption</label>
<input id="caption" name="caption" maxlength="300" required value="{{CAPTION}}"></div>
{{>TAG_ROWS}}
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
<h2 id="delete-h">Delete this video</h2>
<p class="muted">Its page goes and its products leave the feeds. Orders already bought from it still count as its sales.</p>
<form class="form video-delete" method="post" action="/studio/videos/{{ID}}/delete" aria-labelledby="delete-h">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button secondary" type="submit">Delete video {{ID}}</button></div>
</form>
<script src="{{STATIC_JS_VIDEO_SPOT_JS}}" defer></script>
