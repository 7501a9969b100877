{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Shop what your creators love</h1>
<p class="lead">Storefronts and collections curated by creators, straight from the brands that make the products.</p>
<section aria-labelledby="creators-h">
<h2 id="creators-h">Featured creators</h2>
<ul class="creator-row">
{{#CREATORS}}<li><a class="creator-chip" href="/@{{HANDLE}}">{{#AVATAR}}<img class="avatar" src="{{SRC}}"{{#SRCSET}} srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}"{{/SRCSET}} alt="" width="48" height="48">{{/AVATAR}} <span>{{NAME}}</span></a></li>
{{/CREATORS}}
</ul>
</section>
{{>VIDEO_FEED}}
{{>LIVE_LIST}}
{{>ADS_LIST}}
<section aria-labelledby="trending-h">
<h2 id="trending-h">Trending products</h2>
<div class="grid">
{{>CARDS}}
</div>
</section>
