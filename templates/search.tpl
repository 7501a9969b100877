{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<form class="search-form" method="get" action="/search" role="search" aria-label="Search and filters">
{{#CREATOR}}<input type="hidden" name="creator" value="{{CREATOR}}">{{/CREATOR}}
<p class="search-box"><label for="q">Search products, creators, collections and brands</label>
<span class="search-row"><input id="q" type="search" name="q" value="{{Q}}" maxlength="200" data-suggest="/search/suggest.json"><button class="button" type="submit">Search</button></span></p>
<details class="search-filters"><summary>Filter and sort</summary>
<div class="filter-grid">
<p><label for="f-category">Category</label>
<select id="f-category" name="category"><option value="">Any category</option>
{{#CATEGORY_CHOICES}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY_CHOICES}}
</select></p>
<p><label for="f-brand">Brand</label>
<select id="f-brand" name="brand"><option value="">Any brand</option>
{{#BRAND_CHOICES}}<option value="{{SLUG}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/BRAND_CHOICES}}
</select></p>
<p><label for="f-min">Price from</label> <input id="f-min" name="min" type="number" inputmode="numeric" min="0" max="999999999" value="{{MIN}}"></p>
<p><label for="f-max">Price up to</label> <input id="f-max" name="max" type="number" inputmode="numeric" min="0" max="999999999" value="{{MAX}}"></p>
<p><label><input type="checkbox" name="stock" value="1"{{#IN_STOCK}} checked{{/IN_STOCK}}> In stock only</label></p>
<p><label for="f-sort">Sort by</label>
<select id="f-sort" name="sort">
<option value="relevance"{{#SORT_RELEVANCE}} selected{{/SORT_RELEVANCE}}>Best match</option>
<option value="price_asc"{{#SORT_PRICE_ASC}} selected{{/SORT_PRICE_ASC}}>Price, low to high</option>
<option value="price_desc"{{#SORT_PRICE_DESC}} selected{{/SORT_PRICE_DESC}}>Price, high to low</option>
<option value="newest"{{#SORT_NEWEST}} selected{{/SORT_NEWEST}}>Newest</option>
</select></p>
</div>
<p><button class="button secondary" type="submit">Apply</button></p>
</details>
</form>
{{#PROMPT}}<p class="muted" id="search-prompt">Type what you are looking for, in words of three letters or more: a product, a creator, a brand.</p>{{/PROMPT}}
{{#RESULTS}}
{{#ALSO}}<p class="muted search-also" id="search-also">Also showing results for {{#WORD}}<strong>{{TEXT}}</strong>{{#WORD_separator}}, {{/WORD_separator}}{{/WORD}}.</p>{{/ALSO}}
{{#CREATORS}}<section class="search-others" aria-labelledby="sr-creators"><h2 id="sr-creators">Creators</h2>
<ul class="chip-list">{{#CREATOR}}<li><a href="/@{{HANDLE}}">{{NAME}}</a></li>{{/CREATOR}}</ul></section>{{/CREATORS}}
{{#BRANDS}}<section class="search-others" aria-labelledby="sr-brands"><h2 id="sr-brands">Brands</h2>
<ul class="chip-list">{{#BRAND}}<li><a href="/b/{{SLUG}}">{{NAME}}</a></li>{{/BRAND}}</ul></section>{{/BRANDS}}
{{#COLLECTIONS}}<section class="search-others" aria-labelledby="sr-collections"><h2 id="sr-collections">Collections</h2>
<ul class="chip-list">{{#COLLECTION}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="muted">by {{BY}}</span></li>{{/COLLECTION}}</ul></section>{{/COLLECTIONS}}
<section aria-labelledby="sr-products"><h2 id="sr-products">Products</h2>
{{#NO_RESULTS}}<p class="muted" id="no-results">Nothing matches. Try fewer words or another spelling.</p>{{/NO_RESULTS}}
<div class="grid" id="search-results">
{{>CARDS}}
</div>
{{#PAGER}}<form class="pager" method="get" action="/search"><input type="hidden" name="q" value="{{Q}}">{{#CREATOR}}<input type="hidden" name="creator" value="{{CREATOR}}">{{/CREATOR}}
{{#MIN}}<input type="hidden" name="min" value="{{MIN}}">{{/MIN}}{{#MAX}}<input type="hidden" name="max" value="{{MAX}}">{{/MAX}}
{{#IN_STOCK}}<input type="hidden" name="stock" value="1">{{/IN_STOCK}}
{{#CATEGORY_CHOICES}}{{#SELECTED}}<input type="hidden" name="category" value="{{SLUG}}">{{/SELECTED}}{{/CATEGORY_CHOICES}}
{{#BRAND_CHOICES}}{{#SELECTED}}<input type="hidden" name="brand" value="{{SLUG}}">{{/SELECTED}}{{/BRAND_CHOICES}}
{{#SORT_PRICE_ASC}}<input type="hidden" name="sort" value="price_asc">{{/SORT_PRICE_ASC}}{{#SORT_PRICE_DESC}}<input type="hidden" name="sort" value="price_desc">{{/SORT_PRICE_DESC}}{{#SORT_NEWEST}}<input type="hidden" name="sort" value="newest">{{/SORT_NEWEST}}
{{#PREV}}<button class="button secondary" type="submit" name="page" value="{{PAGE}}">Previous page</button>{{/PREV}}
<span class="muted">Page {{PAGE}}</span>
{{#NEXT}}<button class="button secondary" type="submit" name="page" value="{{PAGE}}">Next page</button>{{/NEXT}}
</form>{{/PAGER}}
</section>
{{/RESULTS}}
