{{%AUTOESCAPE context="HTML"}}<section class="video-feed" aria-labelledby="video-feed-h">
<h2 id="video-feed-h">Shoppable videos</h2>
<p class="video-feed-all"><a href="/videos">Watch them one after another</a></p>
<ul class="video-row">
{{#VIDEOS}}<li class="video-tile"><a href="/v/{{ID}}">{{#POSTER}}<img class="video-poster" src="{{SRC}}" alt="" loading="lazy" width="320" height="180">{{/POSTER}}<span class="video-tile-caption">{{CAPTION}}</span></a> <span class="muted">by {{BY}}</span></li>
{{/VIDEOS}}
</ul>
</section>
