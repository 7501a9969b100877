{{%AUTOESCAPE context="HTML"}}{{#DESCRIPTION}}<meta name="description" content="{{TEXT}}">
{{/DESCRIPTION}}{{#CANONICAL}}<link rel="canonical" href="{{URL}}">
<meta property="og:url" content="{{URL}}">
{{/CANONICAL}}<meta property="og:site_name" content="{{SITE}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{OG_TITLE}}">
{{#DESCRIPTION}}<meta property="og:description" content="{{TEXT}}">
{{/DESCRIPTION}}{{#IMAGE}}<meta property="og:image" content="{{URL}}">
{{#ALT}}<meta property="og:image:alt" content="{{TEXT}}">
{{/ALT}}{{/IMAGE}}{{#PRICE}}<meta property="product:price:amount" content="{{AMOUNT}}">
<meta property="product:price:currency" content="{{CURRENCY}}">
{{/PRICE}}<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{{OG_TITLE}}">
{{#DESCRIPTION}}<meta name="twitter:description" content="{{TEXT}}">
{{/DESCRIPTION}}{{#IMAGE}}<meta name="twitter:image" content="{{URL}}">
{{/IMAGE}}{{#JSONLD}}<script type="application/ld+json">{{SANITISED_JSONLD:none}}</script>
{{/JSONLD}}
