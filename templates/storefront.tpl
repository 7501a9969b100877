{{%AUTOESCAPE context="HTML"}}{{#COVER}}<picture class="cover">{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="cover-img" src="{{SRC}}" alt="" loading="{{LOADING}}" fetchpriority="high" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/COVER}}
<section class="creator-hero">
{{#AVATAR}}<img class="avatar-lg" src="{{SRC}}"{{#SRCSET}} srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}"{{/SRCSET}} alt="" width="120" height="120">{{/AVATAR}}
<h1>{{NAME}}</h1>
<p class="muted">@{{HANDLE}}</p>
<p><a class="button secondary" href="/studio/follow/{{CREATOR_ID}}" rel="nofollow">Follow {{NAME}}</a></p>
<p class="bio">{{BIO}}</p>
<ul class="links">
{{#LINKS}}<li><a href="{{URL}}" rel="nofollow noopener">{{LABEL}}</a></li>
{{/LINKS}}
</ul>
</section>
{{#DISCLOSURE}}<p class="disclosure" role="note">{{NAME}} earns a commission on purchases made through links on this page.</p>{{/DISCLOSURE}}
{{#GIFTED_NOTE}}<p class="disclosure gifted-note" role="note">{{NAME}} received the products marked “Gifted by …” free from their brand.</p>{{/GIFTED_NOTE}}
<div class="storefront-cols">
<aside class="storefront-side" aria-label="Share, watch and ask">{{#SHARE}}<p class="share">Share this storefront: <a class="share-link" href="{{URL}}">{{URL}}</a></p>
{{/SHARE}}<p class="share-actions"><button type="button" class="button secondary share-button" data-share-url="{{SHARE_URL}}" aria-describedby="share-status" hidden>Share this storefront</button> <span id="share-status" role="status"></span></p>
<script src="{{STATIC_JS_SHARE_JS}}" defer></script>
{{>VIDEO_FEED}}{{>LIVE_LIST}}{{#FORMS}}<section aria-labelledby="forms-h">
<h2 id="forms-h">Ask the brands</h2>
<ul class="form-list">
{{#FORM}}<li class="form-item"><a href="{{URL}}">{{TITLE}}</a> <span class="muted">{{BRAND}}</span></li>
{{/FORM}}
</ul>
</section>
{{/FORMS}}</aside>
<div class="storefront-main">
<section aria-labelledby="collections-h">
<h2 id="collections-h">Collections</h2>
<ul class="collection-list">
{{#COLLECTIONS}}<li><a href="{{URL}}">{{#COVER}}<img class="collection-cover" src="{{SRC}}"{{#SRCSET}} srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}"{{/SRCSET}} alt="" loading="{{LOADING}}" decoding="async" width="48" height="48">{{/COVER}}{{TITLE}}</a></li>
{{/COLLECTIONS}}
</ul>
</section>
<section aria-labelledby="picks-h">
<h2 id="picks-h">{{NAME}}’s picks</h2>
{{#SEARCH_PICKS}}<form class="picks-search" method="get" action="/search" role="search" aria-label="These picks"><input type="hidden" name="creator" value="{{HANDLE}}">
<p><label for="picks-q">Search {{NAME}}’s picks</label> <input id="picks-q" type="search" name="q" maxlength="200"></p>
<p><label for="picks-category">Category</label> <select id="picks-category" name="category"><option value="">All</option>
{{#CATEGORY_CHOICES}}<option value="{{SLUG}}">{{NAME}}</option>{{/CATEGORY_CHOICES}}
</select>
<label for="picks-sort">Sort</label> <select id="picks-sort" name="sort"><option value="relevance">Best match</option><option value="price_asc">Price, low to high</option><option value="price_desc">Price, high to low</option><option value="newest">Newest</option></select>
<button class="button secondary" type="submit">Search</button></p>
</form>{{/SEARCH_PICKS}}
{{#NO_PICKS}}<p class="muted">No picks yet.</p>{{/NO_PICKS}}
<div class="grid">
{{>CARDS}}
</div>
</section>
</div>
</div>
{{#SHOWCASES}}{{>SHOWCASE}}{{/SHOWCASES}}
{{>REPORT}}
