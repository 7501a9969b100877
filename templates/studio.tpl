{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your studio</h1>
<p class="lead">Signed in as {{NAME}} ({{EMAIL}}), account type: {{ROLE}}.</p>
{{#CREATOR}}<p>Your storefront: <a href="/@{{HANDLE}}">/@{{HANDLE}}</a></p>{{/CREATOR}}
{{#BRAND}}<p>Your brand: {{BRAND_NAME}} ({{BRAND_SLUG}})</p>{{/BRAND}}
