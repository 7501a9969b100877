{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="{{BACK}}">← Your ads</a></p>
<h1 class="page-title">{{#EDITING}}Edit ad <a href="/ad/{{SLUG}}">/ad/{{SLUG}}</a>{{/EDITING}}{{#NEW}}New ad{{/NEW}}</h1>
{{#SAVED}}<p class="flash notice" role="status">Saved.</p>{{/SAVED}}
{{#TAKEN_DOWN}}<p class="flash error taken-down" role="status">Taken down by the brand ({{BRAND}}) on {{DAY}}: this ad is off the site, and you cannot edit or republish it.</p>{{/TAKEN_DOWN}}
{{>ERROR_SUMMARY}}
{{#FORM}}{{#CREATOR_OWNER}}<p class="lead">Your own ad, made from your approved picks of one brand's products: you are credited with its visits and sales. The brand sees it and may take it down.</p>{{/CREATOR_OWNER}}
<form class="form ad-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="slug">Address name (/ad/…)</label>
<input id="slug" name="slug" maxlength="64" required value="{{SLUG}}" pattern="[a-z0-9][a-z0-9\-]{1,62}[a-z0-9]"{{#ERR_SLUG}} aria-invalid="true" aria-describedby="slug-error"{{/ERR_SLUG}}>
{{#ERR_SLUG}}<p class="field-error" id="slug-error">{{TEXT}}</p>{{/ERR_SLUG}}</div>
<div class="field"><label for="title">Title</label><input id="title" name="title" maxlength="120" required value="{{TITLE}}"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error"{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{TEXT}}</p>{{/ERR_TITLE}}</div>
<div class="field"><label for="headline">Headline</label><input id="headline" name="headline" maxlength="300" value="{{HEADLINE}}"></div>
<div class="field"><label for="video">Hero video{{#CREATOR_OWNER}} (one of <a href="/studio/videos">your videos</a>){{/CREATOR_OWNER}}</label>
<select id="video" name="video"{{#ERR_VIDEO}} aria-invalid="true" aria-describedby="video-error"{{/ERR_VIDEO}}><option value="">— none: use the image —</option>
{{#VIDEOS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{CAPTION}}</option>
{{/VIDEOS}}</select>
{{#ERR_VIDEO}}<p class="field-error" id="video-error">{{TEXT}}</p>{{/ERR_VIDEO}}</div>
<div class="field"><label for="image_url">Hero image address (when there is no video), or upload one below once the ad is saved</label>
<input id="image_url" name="image_url" type="text" inputmode="url" maxlength="500" value="{{IMAGE_URL}}" placeholder="https://cdn.example.com/hero.jpg"{{#ERR_IMAGE_URL}} aria-invalid="true" aria-describedby="image_url-error"{{/ERR_IMAGE_URL}}>
{{#ERR_IMAGE_URL}}<p class="field-error" id="image_url-error">{{TEXT}}</p>{{/ERR_IMAGE_URL}}</div>
<div class="field"><label for="products">Products, in order (one handle per line, at most 20; the first is the Buy button's{{#CREATOR_OWNER}}; all of one brand, written brand/handle or just handle{{/CREATOR_OWNER}})</label>
<textarea id="products" name="products" rows="6" maxlength="4000" required{{#ERR_PRODUCTS}} aria-invalid="true" aria-describedby="products-error"{{/ERR_PRODUCTS}}>{{PRODUCTS:pre_escape}}</textarea>
{{#ERR_PRODUCTS}}<p class="field-error" id="products-error">{{TEXT}}</p>{{/ERR_PRODUCTS}}
<details><summary>{{#BRAND_OWNER}}Your active products' handles{{/BRAND_OWNER}}{{#CREATOR_OWNER}}Your approved picks{{/CREATOR_OWNER}}</summary><ul class="handles">{{#ALL_PRODUCTS}}<li><code>{{HANDLE}}</code> {{TITLE}}{{#OF}} ({{BRAND}}){{/OF}}</li>{{/ALL_PRODUCTS}}</ul></details></div>
{{#BRAND_OWNER}}<div class="field"><label for="showcase">Showcase under the cards (optional)</label>
<select id="showcase" name="showcase"{{#ERR_SHOWCASE}} aria-invalid="true" aria-describedby="showcase-error"{{/ERR_SHOWCASE}}><option value="">— none —</option>
{{#SHOWCASES}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/SHOWCASES}}</select>
<p class="hint">One of your <a href="/studio/showcases">showcases</a>: a carousel of the products its rules pick.</p>
{{#ERR_SHOWCASE}}<p class="field-error" id="showcase-error">{{TEXT}}</p>{{/ERR_SHOWCASE}}</div>
<div class="field"><label for="creator">Credit a creator (handle, optional)</label>
<input id="creator" name="creator" maxlength="30" value="{{CREATOR}}"{{#ERR_CREATOR}} aria-invalid="true" aria-describedby="creator-error"{{/ERR_CREATOR}}>
<p class="hint">Visits and sales through the ad are attributed to this creator, who needs an approved pick of your products.</p>
{{#ERR_CREATOR}}<p class="field-error" id="creator-error">{{TEXT}}</p>{{/ERR_CREATOR}}</div>{{/BRAND_OWNER}}
<div class="field"><label for="click_url">"Visit {{#BRAND_OWNER}}our{{/BRAND_OWNER}}{{#CREATOR_OWNER}}the brand's{{/CREATOR_OWNER}} site" link (optional)</label>
<input id="click_url" name="click_url" type="text" inputmode="url" maxlength="1024" value="{{CLICK_URL}}" placeholder="https://shop.example.com/spring"{{#ERR_CLICK_URL}} aria-invalid="true" aria-describedby="click_url-error"{{/ERR_CLICK_URL}}>
<p class="hint">{{#BRAND_OWNER}}On one of your <a href="/studio/domains">verified domains</a>.{{/BRAND_OWNER}}{{#CREATOR_OWNER}}On one of the brand's verified domains (ask the brand which).{{/CREATOR_OWNER}}</p>
{{#ERR_CLICK_URL}}<p class="field-error" id="click_url-error">{{TEXT}}</p>{{/ERR_CLICK_URL}}</div>
<fieldset class="field"><legend>State</legend>
<label><input type="radio" id="state" name="state" value="draft"{{#S_DRAFT}} checked{{/S_DRAFT}}> Draft (not public)</label>
<label><input type="radio" name="state" value="live"{{#S_LIVE}} checked{{/S_LIVE}}> Live</label>
{{#ERR_STATE}}<p class="field-error" id="state-error">{{TEXT}}</p>{{/ERR_STATE}}</fieldset>
<div class="actions"><button class="button" type="submit">Save</button></div>
</form>
{{>HERO_UPLOAD}}{{/FORM}}
