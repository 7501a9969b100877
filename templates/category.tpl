{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/c/{{SLUG}}" aria-current="page">{{NAME}}</a></li></ol></nav>
<h1 class="page-title">{{NAME}}</h1>
<form class="list-sort" method="get" action="/c/{{SLUG}}">
<p><label for="f-sort">Sort by</label>
<select id="f-sort" name="sort">
<option value="newest"{{#SORT_NEWEST}} selected{{/SORT_NEWEST}}>Newest</option>
<option value="price_asc"{{#SORT_PRICE_ASC}} selected{{/SORT_PRICE_ASC}}>Price, low to high</option>
<option value="price_desc"{{#SORT_PRICE_DESC}} selected{{/SORT_PRICE_DESC}}>Price, high to low</option>
</select>
<label><input type="checkbox" name="stock" value="1"{{#IN_STOCK}} checked{{/IN_STOCK}}> In stock only</label>
<button class="button secondary" type="submit">Show</button></p>
</form>
{{#NO_RESULTS}}<p class="muted" id="no-results">Nothing here at the moment.</p>{{/NO_RESULTS}}
<h2 class="visually-hidden">The products</h2>
<div class="grid" id="list-results">
{{>CARDS}}
</div>
{{#PAGER}}<form class="pager" method="get" action="/c/{{SLUG}}">
{{#IN_STOCK}}<input type="hidden" name="stock" value="1">{{/IN_STOCK}}
{{#SORT_PRICE_ASC}}<input type="hidden" name="sort" value="price_asc">{{/SORT_PRICE_ASC}}{{#SORT_PRICE_DESC}}<input type="hidden" name="sort" value="price_desc">{{/SORT_PRICE_DESC}}
{{#PREV}}<button class="button secondary" type="submit" name="page" value="{{PAGE}}">Previous page</button>{{/PREV}}
<span class="muted">Page {{PAGE}}</span>
{{#NEXT}}<button class="button secondary" type="submit" name="page" value="{{PAGE}}">Next page</button>{{/NEXT}}
</form>{{/PAGER}}
