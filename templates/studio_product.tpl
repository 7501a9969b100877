{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p><a href="/studio/products">All products</a></p>
{{>ERROR_SUMMARY}}
{{#SAVED}}<p class="flash" role="status">Saved.</p>{{/SAVED}}
{{#SYNCED}}<p class="flash note synced-note" role="note">This product comes from your {{PLATFORM}} shop {{SHOP}}: its title, description, type, vendor, tags, options, variants, prices, stock and pictures are replaced by the next sync. Change them in {{PLATFORM}}.</p>{{/SYNCED}}
{{#STATUS_ACTIONS}}<div class="product-status">
<p>Status: <strong class="status-{{STATUS}}">{{STATUS}}</strong>. In the shop (when active): <a class="public-link" href="{{PUBLIC_PATH}}">{{PUBLIC_PATH}}</a></p>
<form class="inline" method="post" action="/studio/products/{{ID}}/status"><input type="hidden" name="csrf" value="{{CSRF}}">
{{#CAN_PUBLISH}}<button class="button" type="submit" name="action" value="publish">Publish</button>{{/CAN_PUBLISH}}
{{#CAN_UNPUBLISH}}<button class="button" type="submit" name="action" value="unpublish">Unpublish</button>{{/CAN_UNPUBLISH}}
{{#CAN_ARCHIVE}}<button class="button" type="submit" name="action" value="archive">Archive</button>{{/CAN_ARCHIVE}}
</form>
<form class="form image-upload" method="post" action="/studio/products/{{ID}}/images" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>Upload a picture</legend>
<div class="field"><label for="image-file">Picture (JPEG, PNG or WebP, at most 12 MiB)</label>
<input id="image-file" name="file" type="file" accept="image/jpeg,image/png,image/webp" required></div>
<div class="field"><label for="image-alt">Alt text (what the picture shows)</label>
<input id="image-alt" name="alt" maxlength="255"></div>
<button class="button" type="submit">Upload</button>
<p class="hint">It is added after the product's other pictures, with its location and other metadata removed; the shop shows it once it is processed, in a few seconds.</p>
</fieldset></form></div>{{/STATUS_ACTIONS}}
<form class="form product-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="title">Title</label>
<input id="title" name="title" maxlength="255" required value="{{TITLE_VALUE}}"></div>
<div class="field"><label for="description">Description</label>
<textarea id="description" name="description" rows="8" maxlength="20000" aria-describedby="description-hint">{{DESCRIPTION:pre_escape}}</textarea>
<p class="hint" id="description-hint">Plain text; a blank line starts a new paragraph.</p></div>
<div class="field"><label for="product_type">Category</label>
<input id="product_type" name="product_type" maxlength="120" value="{{PRODUCT_TYPE}}" aria-describedby="product_type-hint">
<p class="hint" id="product_type-hint">The shop lists the product on this category’s page: a word like “Desk”, or a Google product category such as “Home &amp; Garden &gt; Decor &gt; Vases” (its last part is the category).</p></div>
<div class="field"><label for="vendor">Vendor</label>
<input id="vendor" name="vendor" maxlength="120" value="{{VENDOR}}"></div>
<div class="field"><label for="tags">Tags</label>
<input id="tags" name="tags" maxlength="1000" value="{{TAGS}}" aria-describedby="tags-hint">
<p class="hint" id="tags-hint">Separated by commas.</p></div>
<fieldset><legend>Options (up to 3, like Size or Color)</legend>
<div class="field"><label for="option1_name">Option 1 name</label><input id="option1_name" name="option1_name" maxlength="60" value="{{OPTION1_NAME}}"></div>
<div class="field"><label for="option2_name">Option 2 name</label><input id="option2_name" name="option2_name" maxlength="60" value="{{OPTION2_NAME}}"></div>
<div class="field"><label for="option3_name">Option 3 name</label><input id="option3_name" name="option3_name" maxlength="60" value="{{OPTION3_NAME}}"></div>
</fieldset>
<fieldset><legend>Variants (prices in {{CURRENCY}}; empty a row to remove it; up to 100)</legend>
{{#VARIANTS_FULL}}<p class="hint">This product has 100 variants, the most it can have: empty a row to make room.</p>{{/VARIANTS_FULL}}
<div class="table-scroll"><table class="variant-editor">
<thead><tr><th scope="col">Option 1</th><th scope="col">Option 2</th><th scope="col">Option 3</th><th scope="col">SKU</th><th scope="col">Barcode</th><th scope="col">Price</th><th scope="col">Compare at</th><th scope="col">Stock</th><th scope="col">When out of stock</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><input type="hidden" name="v_id" value="{{ID}}"><input id="v{{N}}-option1" name="v_opt1" maxlength="120" value="{{OPT1}}" aria-label="Variant {{N}} option 1"></td>
<td><input id="v{{N}}-option2" name="v_opt2" maxlength="120" value="{{OPT2}}" aria-label="Variant {{N}} option 2"></td>
<td><input id="v{{N}}-option3" name="v_opt3" maxlength="120" value="{{OPT3}}" aria-label="Variant {{N}} option 3"></td>
<td><input id="v{{N}}-sku" name="v_sku" maxlength="120" value="{{SKU}}" aria-label="Variant {{N}} SKU"></td>
<td><input id="v{{N}}-barcode" name="v_barcode" maxlength="64" value="{{BARCODE}}" aria-label="Variant {{N}} barcode"></td>
<td><input id="v{{N}}-price" name="v_price" inputmode="decimal" maxlength="20" value="{{PRICE}}" aria-label="Variant {{N}} price"></td>
<td><input id="v{{N}}-compare_at_price" name="v_compare" inputmode="decimal" maxlength="20" value="{{COMPARE}}" aria-label="Variant {{N}} compare-at price"></td>
<td><input id="v{{N}}-stock" name="v_stock" inputmode="numeric" maxlength="11" value="{{STOCK}}" aria-label="Variant {{N}} stock"></td>
<td><select id="v{{N}}-policy" name="v_policy" aria-label="Variant {{N}} when out of stock"><option value="deny"{{#DENY}} selected{{/DENY}}>stop selling</option><option value="continue"{{#CONTINUE}} selected{{/CONTINUE}}>keep selling</option></select></td></tr>
{{/ROW}}
</tbody></table></div>
</fieldset>
<fieldset><legend>Images (uploaded, or http or https addresses; empty a row or choose remove to take it off; change the positions to reorder; up to 20; the first is the card's)</legend>
<div class="image-rows">
{{#IMAGE}}<div class="image-row">{{#TYPED}}<label>Image {{N}} address <input id="i{{N}}-url" name="i_url" type="url" maxlength="1000" value="{{URL}}"></label>{{/TYPED}}
{{#UPLOADED}}<div class="uploaded-image"><label>Image {{N}} <select name="i_url"><option value="{{URL}}" selected>keep</option><option value="">remove</option></select></label>{{#THUMB}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="studio-thumb" src="{{SRC}}" alt="" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/THUMB}}<span class="hint">{{STATE}}</span></div>{{/UPLOADED}}
<label>Alt text <input name="i_alt" maxlength="255" value="{{ALT}}"></label>
<label>Position <input name="i_pos" inputmode="numeric" maxlength="3" size="3" value="{{N}}"></label></div>
{{/IMAGE}}
</div><script src="{{STATIC_JS_IMAGE_ORDER_JS}}" defer></script>
</fieldset>
<div class="actions"><button class="button" type="submit">Save</button>
<button class="button secondary" type="submit" name="after" value="more" aria-describedby="more-rows-hint">Add more rows</button></div>
<p class="hint" id="more-rows-hint">Add more rows stores what you typed, then shows 20 blank variant rows and 5 image rows.</p>
</form>
