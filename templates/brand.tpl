{{%AUTOESCAPE context="HTML"}}<section class="brand-hero">
<h1 class="page-title">{{NAME}}</h1>
<p class="lead brand-story">{{STORY}}</p>
{{#WEBSITE}}<p><a href="{{URL}}" rel="nofollow noopener">{{URL}}</a></p>{{/WEBSITE}}
<p><a href="/search?brand={{SLUG}}">Search {{NAME}}’s products</a></p>
</section>
{{#HAS_CREATORS}}<section aria-labelledby="brand-creators-h">
<h2 id="brand-creators-h">Creators who pick {{NAME}}</h2>
<ul class="chip-list" id="brand-creators">
{{#CREATORS}}<li><a href="/@{{HANDLE}}">{{#AVATAR}}<img class="avatar-sm" src="{{SRC}}"{{#SRCSET}} srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}"{{/SRCSET}} alt="" width="32" height="32" loading="lazy"> {{/AVATAR}}{{NAME}}</a></li>
{{/CREATORS}}
</ul>
</section>{{/HAS_CREATORS}}
<section aria-labelledby="brand-products-h">
<h2 id="brand-products-h">Products</h2>
<form class="list-sort" method="get" action="/b/{{SLUG}}">
<p><label for="f-sort">Sort by</label>
<select id="f-sort" name="sort">
<option value="newest"{{#SORT_NEWEST}} selected{{/SORT_NEWEST}}>Newest</option>
<option value="price_asc"{{#SORT_PRICE_ASC}} selected{{/SORT_PRICE_ASC}}>Price, low to high</option>
<option value="price_desc"{{#SORT_PRICE_DESC}} selected{{/SORT_PRICE_DESC}}>Price, high to low</option>
</select>
<label><input type="checkbox" name="stock" value="1"{{#IN_STOCK}} checked{{/IN_STOCK}}> In stock only</label>
<button class="button secondary" type="submit">Show</button></p>
</form>
{{#NO_RESULTS}}<p class="muted" id="no-results">No products on sale at the moment.</p>{{/NO_RESULTS}}
<div class="grid" id="list-results">
{{>CARDS}}
</div>
{{#PAGER}}<form class="pager" method="get" action="/b/{{SLUG}}">
{{#IN_STOCK}}<input type="hidden" name="stock" value="1">{{/IN_STOCK}}
{{#SORT_PRICE_ASC}}<input type="hidden" name="sort" value="price_asc">{{/SORT_PRICE_ASC}}{{#SORT_PRICE_DESC}}<input type="hidden" name="sort" value="price_desc">{{/SORT_PRICE_DESC}}
{{#PREV}}<button class="button secondary" type="submit" name="page" value="{{PAGE}}">Previous page</button>{{/PREV}}
<span class="muted">Page {{PAGE}}</span>
{{#NEXT}}<button class="button secondary" type="submit" name="page" value="{{PAGE}}">Next page</button>{{/NEXT}}
</form>{{/PAGER}}
</section>
