{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
{{#NOINDEX}}<meta name="robots" content="noindex">
{{/NOINDEX}}{{#HEAD}}{{SANITISED_HEAD_HTML:none}}{{/HEAD}}<link rel="stylesheet" href="{{STATIC_STYLE_CSS}}">
<link rel="icon" href="{{STATIC_FAVICON_SVG}}" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
{{#TEST_PAYMENTS}}<aside><p class="test-payments-banner" id="test-payments-banner">Test payments are on: orders paid with the test provider are not real.</p></aside>{{/TEST_PAYMENTS}}
<header class="site-header">
<a class="logo" href="/">crowdcart</a>
<form class="site-search" method="get" action="/search" role="search" aria-label="Site"><label class="visually-hidden" for="site-q">Search the shop</label><input id="site-q" type="search" name="q" maxlength="200" data-suggest="/search/suggest.json"><button class="button" type="submit">Search</button></form>
<nav class="site-nav" aria-label="Main">
<ul>
<li><a href="/">Discover</a></li>
<li><a href="/cart">Cart{{#CART_COUNT}} <span class="cart-count">({{N}}<span class="visually-hidden"> items</span>)</span>{{/CART_COUNT}}</a></li>
{{#SIGNED_IN}}
<li><a href="/studio">Studio</a></li>
<li><form class="inline" method="post" action="/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Log out {{USER_NAME}}</button></form></li>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}
<li><a href="/login">Log in</a></li>
<li><a href="/signup">Sign up</a></li>
{{/SIGNED_OUT}}
</ul>
</nav>
</header>
{{#STUDIO_NAV}}<nav class="studio-nav" aria-label="Studio">
<ul>
{{#LINKS}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/LINKS}}</ul>
</nav>{{/STUDIO_NAV}}
<main id="main">
{{>CONTENT}}{{#KEPT_CONTENT}}{{SANITISED_KEPT_HTML:none}}{{/KEPT_CONTENT}}
</main>
<footer class="site-footer">
<p>crowdcart — community commerce you can host yourself. Creators may earn a commission on purchases made through their pages.</p>
</footer>
<script src="{{STATIC_JS_SEARCH_JS}}" defer></script>
</body>
</html>
