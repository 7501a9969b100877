{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your videos</h1>
{{#DELETED_NOTICE}}<p class="notice" role="status">Video {{ID}} is deleted: its page is gone and its products are off the feeds; its orders stay counted below.</p>{{/DELETED_NOTICE}}
{{#PUBLISHED}}<p class="notice" role="status">Published: <a class="video-link" href="/v/{{ID}}">/v/{{ID}}</a></p>{{/PUBLISHED}}
{{#NO_VIDEOS}}<p class="muted">No videos yet.</p>{{/NO_VIDEOS}}
<table class="data video-metrics">
<caption>Your videos{{#BRAND_NOTE}} and creators' videos of your products{{/BRAND_NOTE}}, since each was published: orders and revenue count the order lines bought from the video, before refunds{{#BRAND_NOTE}} (your orders only){{/BRAND_NOTE}}</caption>
<thead><tr><th scope="col">Video</th><th scope="col">By</th><th scope="col">Published</th><th scope="col">Views</th><th scope="col">Product clicks</th><th scope="col">Add-to-carts</th><th scope="col">Orders</th><th scope="col">Revenue</th></tr></thead>
<tbody>
{{#VIDEOS}}<tr class="video-row" data-video="{{ID}}"><td>{{#DELETED}}{{CAPTION}} <span class="badge video-deleted">deleted</span>{{/DELETED}}{{#CURRENT}}<a href="/v/{{ID}}">{{CAPTION}}</a>{{#EDITABLE}} · <a class="video-edit" href="/studio/videos/{{ID}}/edit">Edit<span class="visually-hidden"> {{CAPTION}}</span></a> · <a class="poster-link" href="/studio/videos/{{ID}}/poster">Poster<span class="visually-hidden"> of {{CAPTION}}</span></a>{{/EDITABLE}}{{/CURRENT}}{{>MODERATED}}</td><td class="by">{{BY}}</td><td>{{DATE}}</td><td class="views">{{VIEWS}}</td><td class="clicks">{{CLICKS}}</td><td class="adds">{{ADDS}}</td><td class="orders">{{ORDERS}}</td><td class="revenue">{{REVENUE}}</td></tr>
{{/VIDEOS}}</tbody>
</table>
<h2 id="publish-h">Publish a video</h2>
{{#ERROR}}<p class="error" role="alert">{{TEXT}}</p>{{/ERROR}}
{{#UPLOADED}}<p class="notice" role="status">Uploaded as <code class="uploaded-path">{{PATH}}</code>: add a caption and products below to publish it.</p>{{/UPLOADED}}
<form class="form video-upload" method="post" action="/studio/videos/upload" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="file">Upload an MP4 file (up to 16 MiB)</label>
<input id="file" name="file" type="file" accept="video/mp4,.mp4" required></div>
<div class="actions"><button class="button" type="submit">Upload</button></div>
</form>
<p class="muted">Or link to a video hosted elsewhere:</p>
{{#NO_PICKS}}<p class="muted">You can tag products you have picked and the brand approved: <a href="/studio/creator/marketplace">find products</a>.</p>{{/NO_PICKS}}
{{#NO_PRODUCTS}}<p class="muted">Publish a product first: <a href="/studio/products/new">new product</a>.</p>{{/NO_PRODUCTS}}
<form class="form" method="post" action="/studio/videos" aria-labelledby="publish-h">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="src_url">Video address (MP4 or HLS)</label>
<input id="src_url" name="src_url" type="text" inputmode="url" maxlength="500" required value="{{SRC_URL}}" placeholder="https://cdn.example.com/clip.mp4">
<p class="hint">An https:// link, or a /media/ path on this site.</p></div>
<div class="field"><label for="poster_url">Poster image (optional)</label>
<input id="poster_url" name="poster_url" type="text" inputmode="url" maxlength="500" value="{{POSTER_URL}}"></div>
<div class="field"><label for="caption">Caption</label>
<input id="caption" name="caption" maxlength="300" required value="{{CAPTION}}"></div>
{{>TAG_ROWS}}
<div class="actions"><button class="button" type="submit">Publish</button></div>
</form>
