{{%AUTOESCAPE context="HTML"}}<h1 class="page-title swipe-title">Shoppable videos</h1>
<p class="muted swipe-hint">Swipe up for the next one. Each opens with its products.</p>
{{#NONE}}<p class="muted">No videos yet.</p>{{/NONE}}
<div class="swipe-feed" id="swipe-feed">
{{#VIDEOS}}<article class="swipe-item" id="swipe-{{ID}}" aria-label="{{CAPTION}}">
<video class="swipe-video" controls loop playsinline preload="{{PRELOAD}}" src="{{SRC}}"{{#POSTER}} poster="{{URL}}"{{/POSTER}}>
<p><a href="/v/{{ID}}">Watch the video</a></p>
</video>
<div class="swipe-info">
<p class="swipe-caption">{{CAPTION}}</p>
<p class="swipe-by">by {{BY}}</p>
<a class="button swipe-shop" href="/v/{{ID}}">{{SHOP}}</a>
</div>
</article>
{{/VIDEOS}}</div>
<script src="{{STATIC_JS_VIDEO_SWIPE_JS}}" defer></script>
