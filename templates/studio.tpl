{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your studio</h1>
<p class="lead">Signed in as {{NAME}} ({{EMAIL}}), account type: {{ROLE}}.</p>
{{#ADMIN}}<p><a href="/admin">Admin: users, moderation, brands, audit log, system</a></p>{{/ADMIN}}
{{#UNVERIFIED}}<p class="flash note" role="status">Please confirm your email address: open the link we mailed you. Until then a brand cannot open its catalog to creators and a creator cannot be paid. <a href="/studio/account">Send the link again or change the address</a>.</p>{{/UNVERIFIED}}
{{#CREATOR}}<p>Your storefront: <a href="/@{{HANDLE}}">/@{{HANDLE}}</a></p>
{{#TODAY}}<section class="studio-today" aria-labelledby="today-h">
<h2 id="today-h">Today</h2>
<dl class="today-figures">
{{#FIGURES}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
{{/FIGURES}}</dl>
<h3>To do</h3>
<ul class="todo">
{{#TODO}}<li><a href="{{HREF}}">{{TEXT}}</a></li>
{{/TODO}}</ul>
</section>{{/TODAY}}
{{#RATE_NOTICES}}<p class="flash note" role="status">Brands announced lower commission rates ({{COUNT}} in the last 30 days): <a href="/studio/creator/picks">see your picks for the rates and their dates</a>.</p>{{/RATE_NOTICES}}
<nav aria-label="Creator studio"><ul class="studio-links">
<li><a href="/studio/creator/dashboard">Dashboard: visits, sales and earnings</a></li>
<li><a href="/studio/creator/payouts">Payouts: how you are paid, your payouts and statement</a></li>
<li><a href="/studio/creator/profile">Profile and links</a></li>
<li><a href="/studio/creator/marketplace">Marketplace: find products to pick</a></li>
<li><a href="/studio/creator/picks">Your picks (storefront order)</a></li>
<li><a href="/studio/creator/samples">Samples: ask brands for one, follow its shipping</a></li>
<li><a href="/studio/creator/collections">Collections</a></li>
<li><a href="/studio/creator/links">Short links</a></li>
<li><a href="/studio/creator/codes">Discount codes</a></li>
<li><a href="/studio/creator/ads">Ads: your own collection ads of your picks, at /ad/…</a></li>
<li><a href="/studio/showcases">Showcases: carousels of your picks chosen by rules, on your storefront</a></li>
<li><a href="/studio/videos">Shoppable videos: publish, and views, clicks, add-to-carts, orders, revenue per video</a></li>
<li><a href="/studio/live">Live: schedule a live shopping session, go live, pin products, answer questions</a></li>
</ul></nav>{{/CREATOR}}
{{#TEAM}}<p>You are in {{BRAND_NAME}}'s team: <a href="/studio/leads">work its leads</a>.</p>{{/TEAM}}
{{#BRAND}}<p>Your brand: {{BRAND_NAME}} ({{BRAND_SLUG}})</p>
{{#TODAY}}<section class="studio-today" aria-labelledby="today-brand-h">
<h2 id="today-brand-h">Today</h2>
<dl class="today-figures">
{{#FIGURES}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}}</dd></div>
{{/FIGURES}}</dl>
<h3>To do</h3>
<ul class="todo">
{{#TODO}}<li><a href="{{HREF}}">{{TEXT}}</a></li>
{{/TODO}}</ul>
</section>{{/TODAY}}
{{#AWAITING_APPROVAL}}<p class="flash note" role="status" id="awaiting-approval">Your brand is awaiting approval: the site&#39;s admins look at new brands before their catalog goes public. You can set up your products now; shoppers see them once your brand is approved.</p>{{/AWAITING_APPROVAL}}
<nav aria-label="Orders"><ul class="studio-links">
<li><a href="/studio/orders">Orders: ship, cancel, refund, export as CSV</a></li>
<li><a href="/studio/brand/shipping">Shipping and tax rates</a></li>
</ul></nav>
<nav aria-label="Leads"><ul class="studio-links">
<li><a href="/studio/forms">Lead forms: build, publish, share with creators</a></li>
<li><a href="/studio/leads">Leads: filter, export as CSV, erase; CRM webhook</a></li>
<li><a href="/studio/team">Team: invite people to work your leads</a></li>
</ul></nav>
<nav aria-label="Catalog"><ul class="studio-links">
<li><a href="/studio/products">Products</a></li>
<li><a href="/studio/import">Import a catalog file (Shopify, WooCommerce, feed)</a></li>
<li><a href="/studio/connectors">Connect your Shopify shop (products, stock and orders in sync)</a></li>
<li><a href="/b/{{BRAND_SLUG}}/feed.tsv">Your catalog feed (TSV, Google Merchant format)</a></li>
<li><a href="/studio/marketplace">Creator marketplace: what creators may pick, commission, approval</a></li>
<li><a href="/studio/api-keys">Shopping API keys</a></li>
<li><a href="/studio/showcases">Showcases: carousels of your products chosen by rules, on your product pages</a></li>
</ul></nav>
<nav aria-label="Creators"><ul class="studio-links">
<li><a href="/studio/brand/dashboard">Creator sales and commission</a></li>
<li><a href="/studio/brand/payouts">Creator payouts: batches, PayPal and SEPA files, tax forms</a></li>
<li><a href="/studio/brand/pick-requests">Pick requests from creators</a></li>
<li><a href="/studio/brand/samples">Sample requests from creators: approve, ship, limits</a></li>
<li><a href="/studio/brand/creator-program">Attribution and return windows</a></li>
<li><a href="/studio/brand/about">Brand story (your public brand page)</a></li>
<li><a href="/studio/brand/codes">Discount codes for creators</a></li>
<li><a href="/studio/videos">Shoppable videos: publish, and metrics per video</a></li>
</ul></nav>
<nav aria-label="Ads"><ul class="studio-links">
<li><a href="/studio/ads">Collection ads: hero, products, link to your site</a></li>
<li><a href="/studio/domains">Your web domains (verified for links out and redirects)</a></li>
</ul></nav>{{/BRAND}}
{{#SHOPPER}}<h2 id="orders">Your orders</h2>
{{#NO_ORDERS}}<p>No orders yet. Orders you place while signed in, or as a guest with your confirmed address, are listed here.</p>{{/NO_ORDERS}}
<ul class="my-orders">
{{#ORDER}}<li><strong>{{NUMBER}}</strong> from {{BRAND}}, {{DATE}}: {{TOTAL}}, <span class="status">{{STATUS}}</span>{{#TRACKING}}; shipped with {{CARRIER}}, tracking number {{NUMBER}}{{/TRACKING}}</li>
{{/ORDER}}</ul>
<h2 id="following">Creators you follow</h2>
{{#NO_FOLLOWS}}<p>None yet: use "Follow" on a creator's storefront.</p>{{/NO_FOLLOWS}}
<ul class="my-follows">
{{#FOLLOW}}<li><a href="/@{{HANDLE}}">{{NAME}}</a>
<form class="inline" method="post" action="/studio/follow/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Stop following</button></form></li>
{{/FOLLOW}}</ul>
<h2 id="saved">Saved products</h2>
{{#NO_SAVED}}<p>None yet: use "Save for later" on a product page.</p>{{/NO_SAVED}}
<ul class="my-saved">
{{#SAVED}}<li><a href="/p/{{BRAND_SLUG}}/{{HANDLE}}">{{TITLE}}</a> by {{BRAND}}
<form class="inline" method="post" action="/studio/save/{{ID}}/remove"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="link-button" type="submit">Remove</button></form></li>
{{/SAVED}}</ul>{{/SHOPPER}}
<nav aria-label="Account"><ul class="studio-links">
<li><a href="/studio/account">Your account: password, email address, where you are signed in, download or delete your data</a></li>
</ul></nav>
