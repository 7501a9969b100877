{{%AUTOESCAPE context="HTML"}}<section class="error-page">
<h1 class="page-title"><span class="status">{{STATUS}}</span> {{REASON}}</h1>
<p>{{MESSAGE}}</p>
{{#NOT_FOUND}}<form class="form search-form" method="get" action="/search" role="search">
<label for="not-found-q">Search the shop</label>
<div class="search-row"><input id="not-found-q" name="q" type="search" maxlength="100" autocomplete="off">
<button class="button" type="submit">Search</button></div>
</form>
<nav class="error-links" aria-label="Where to go from here">
<ul>
<li><a href="/">Discover products and creators</a></li>
<li><a href="/cart">Your cart</a></li>
<li><a href="/orders/lookup">Look up an order</a></li>
</ul>
</nav>{{/NOT_FOUND}}
{{#OTHER}}<p><a href="/">Back to the shop</a></p>{{/OTHER}}
</section>
