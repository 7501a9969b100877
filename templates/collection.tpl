{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/@{{HANDLE}}">← {{NAME}}</a></p>
{{#COVER}}<picture class="cover">{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="cover-img" src="{{SRC}}" alt="" loading="{{LOADING}}" fetchpriority="high" decoding="async" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/COVER}}
<h1 class="page-title">{{TITLE}}</h1>
<p class="lead">{{DESCRIPTION}}</p>
<p class="muted">A collection by <a href="/@{{HANDLE}}">{{NAME}}</a></p>
{{#DISCLOSURE}}<p class="disclosure" role="note">{{NAME}} earns a commission on purchases made through links on this page.</p>{{/DISCLOSURE}}
{{#GIFTED_NOTE}}<p class="disclosure gifted-note" role="note">{{NAME}} received the products marked “Gifted by …” free from their brand.</p>{{/GIFTED_NOTE}}
{{#EMPTY}}<p class="muted">This collection is empty for now.</p>{{/EMPTY}}
<h2 class="visually-hidden">The products</h2>
<div class="grid">
{{>CARDS}}
</div>
{{>REPORT}}
