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
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces it.</p>{{/SYNCED}}
<input id="title" name="title" maxlength="255" required value="{{TITLE_VALUE}}"{{#ERR_TITLE}} aria-invalid="true" aria-describedby="title-error"{{/ERR_TITLE}}>
{{#ERR_TITLE}}<p class="field-error" id="title-error">{{TEXT}}</p>{{/ERR_TITLE}}</div>
<div class="field"><label for="description">Description</label>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces it.</p>{{/SYNCED}}
<textarea id="description" name="description" rows="8" maxlength="20000" aria-describedby="description-hint{{#ERR_DESCRIPTION}} description-error{{/ERR_DESCRIPTION}}"{{#ERR_DESCRIPTION}} aria-invalid="true"{{/ERR_DESCRIPTION}}>{{DESCRIPTION:pre_escape}}</textarea>
<p class="hint" id="description-hint">Plain text; a blank line starts a new paragraph.</p>
{{#ERR_DESCRIPTION}}<p class="field-error" id="description-error">{{TEXT}}</p>{{/ERR_DESCRIPTION}}</div>
<div class="field"><label for="product_type">Category</label>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces it.</p>{{/SYNCED}}
<input id="product_type" name="product_type" maxlength="120" value="{{PRODUCT_TYPE}}" aria-describedby="product_type-hint{{#ERR_PRODUCT_TYPE}} product_type-error{{/ERR_PRODUCT_TYPE}}"{{#ERR_PRODUCT_TYPE}} aria-invalid="true"{{/ERR_PRODUCT_TYPE}}>
<p class="hint" id="product_type-hint">The shop lists the product on this category’s page: a word like “Desk”, or a Google product category such as “Home &amp; Garden &gt; Decor &gt; Vases” (its last part is the category).</p>
{{#ERR_PRODUCT_TYPE}}<p class="field-error" id="product_type-error">{{TEXT}}</p>{{/ERR_PRODUCT_TYPE}}</div>
<div class="field"><label for="vendor">Vendor</label>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces it.</p>{{/SYNCED}}
<input id="vendor" name="vendor" maxlength="120" value="{{VENDOR}}"{{#ERR_VENDOR}} aria-invalid="true" aria-describedby="vendor-error"{{/ERR_VENDOR}}>
{{#ERR_VENDOR}}<p class="field-error" id="vendor-error">{{TEXT}}</p>{{/ERR_VENDOR}}</div>
<div class="field"><label for="tags">Tags</label>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces them.</p>{{/SYNCED}}
<input id="tags" name="tags" maxlength="1000" value="{{TAGS}}" aria-describedby="tags-hint{{#ERR_TAGS}} tags-error{{/ERR_TAGS}}"{{#ERR_TAGS}} aria-invalid="true"{{/ERR_TAGS}}>
<p class="hint" id="tags-hint">Separated by commas.</p>
{{#ERR_TAGS}}<p class="field-error" id="tags-error">{{TEXT}}</p>{{/ERR_TAGS}}</div>
<fieldset><legend>Options (up to 3, like Size or Color)</legend>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces them.</p>{{/SYNCED}}
<div class="field"><label for="option1_name">Option 1 name</label><input id="option1_name" name="option1_name" maxlength="60" value="{{OPTION1_NAME}}"{{#ERR_OPTION1_NAME}} aria-invalid="true" aria-describedby="option1_name-error"{{/ERR_OPTION1_NAME}}>
{{#ERR_OPTION1_NAME}}<p class="field-error" id="option1_name-error">{{TEXT}}</p>{{/ERR_OPTION1_NAME}}</div>
<div class="field"><label for="option2_name">Option 2 name</label><input id="option2_name" name="option2_name" maxlength="60" value="{{OPTION2_NAME}}"{{#ERR_OPTION2_NAME}} aria-invalid="true" aria-describedby="option2_name-error"{{/ERR_OPTION2_NAME}}>
{{#ERR_OPTION2_NAME}}<p class="field-error" id="option2_name-error">{{TEXT}}</p>{{/ERR_OPTION2_NAME}}</div>
<div class="field"><label for="option3_name">Option 3 name</label><input id="option3_name" name="option3_name" maxlength="60" value="{{OPTION3_NAME}}"{{#ERR_OPTION3_NAME}} aria-invalid="true" aria-describedby="option3_name-error"{{/ERR_OPTION3_NAME}}>
{{#ERR_OPTION3_NAME}}<p class="field-error" id="option3_name-error">{{TEXT}}</p>{{/ERR_OPTION3_NAME}}</div>
</fieldset>
<fieldset id="variants"><legend>Variants (prices in {{CURRENCY}}; empty a row to remove it; up to 100)</legend>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces them.</p>{{/SYNCED}}
{{#ERR_VARIANTS}}<p class="field-error" id="variants-error">{{TEXT}}</p>{{/ERR_VARIANTS}}
{{#VARIANTS_FULL}}<p class="hint">This product has 100 variants, the most it can have: empty a row to make room.</p>{{/VARIANTS_FULL}}
<div class="table-scroll"><table class="variant-editor">
<thead><tr><th scope="col">Option 1</th><th scope="col">Option 2</th><th scope="col">Option 3</th><th scope="col">SKU</th><th scope="col">Barcode</th><th scope="col">Price</th><th scope="col">Compare at</th><th scope="col">Stock</th><th scope="col">When out of stock</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{#ERR_ID}}<p class="field-error" id="v{{N}}-id-error">{{TEXT}}</p>{{/ERR_ID}}<input type="hidden" name="v_id" value="{{ID}}"><input id="v{{N}}-option1" name="v_opt1" maxlength="120" value="{{OPT1}}" aria-label="Variant {{N}} option 1"{{#ERR_OPTION1}} aria-invalid="true" aria-describedby="v{{N}}-option1-error"{{/ERR_OPTION1}}>{{#ERR_OPTION1}}<p class="field-error" id="v{{N}}-option1-error">{{TEXT}}</p>{{/ERR_OPTION1}}</td>
<td><input id="v{{N}}-option2" name="v_opt2" maxlength="120" value="{{OPT2}}" aria-label="Variant {{N}} option 2"{{#ERR_OPTION2}} aria-invalid="true" aria-describedby="v{{N}}-option2-error"{{/ERR_OPTION2}}>{{#ERR_OPTION2}}<p class="field-error" id="v{{N}}-option2-error">{{TEXT}}</p>{{/ERR_OPTION2}}</td>
<td><input id="v{{N}}-option3" name="v_opt3" maxlength="120" value="{{OPT3}}" aria-label="Variant {{N}} option 3"{{#ERR_OPTION3}} aria-invalid="true" aria-describedby="v{{N}}-option3-error"{{/ERR_OPTION3}}>{{#ERR_OPTION3}}<p class="field-error" id="v{{N}}-option3-error">{{TEXT}}</p>{{/ERR_OPTION3}}</td>
<td><input id="v{{N}}-sku" name="v_sku" maxlength="120" value="{{SKU}}" aria-label="Variant {{N}} SKU"{{#ERR_SKU}} aria-invalid="true" aria-describedby="v{{N}}-sku-error"{{/ERR_SKU}}>{{#ERR_SKU}}<p class="field-error" id="v{{N}}-sku-error">{{TEXT}}</p>{{/ERR_SKU}}</td>
<td><input id="v{{N}}-barcode" name="v_barcode" maxlength="64" value="{{BARCODE}}" aria-label="Variant {{N}} barcode"{{#ERR_BARCODE}} aria-invalid="true" aria-describedby="v{{N}}-barcode-error"{{/ERR_BARCODE}}>{{#ERR_BARCODE}}<p class="field-error" id="v{{N}}-barcode-error">{{TEXT}}</p>{{/ERR_BARCODE}}</td>
<td><input id="v{{N}}-price" name="v_price" inputmode="decimal" maxlength="20" value="{{PRICE}}" aria-label="Variant {{N}} price"{{#ERR_PRICE}} aria-invalid="true" aria-describedby="v{{N}}-price-error"{{/ERR_PRICE}}>{{#ERR_PRICE}}<p class="field-error" id="v{{N}}-price-error">{{TEXT}}</p>{{/ERR_PRICE}}</td>
<td><input id="v{{N}}-compare_at_price" name="v_compare" inputmode="decimal" maxlength="20" value="{{COMPARE}}" aria-label="Variant {{N}} compare-at price"{{#ERR_COMPARE_AT_PRICE}} aria-invalid="true" aria-describedby="v{{N}}-compare_at_price-error"{{/ERR_COMPARE_AT_PRICE}}>{{#ERR_COMPARE_AT_PRICE}}<p class="field-error" id="v{{N}}-compare_at_price-error">{{TEXT}}</p>{{/ERR_COMPARE_AT_PRICE}}</td>
<td><input id="v{{N}}-stock" name="v_stock" inputmode="numeric" maxlength="11" value="{{STOCK}}" aria-label="Variant {{N}} stock"{{#ERR_STOCK}} aria-invalid="true" aria-describedby="v{{N}}-stock-error"{{/ERR_STOCK}}>{{#ERR_STOCK}}<p class="field-error" id="v{{N}}-stock-error">{{TEXT}}</p>{{/ERR_STOCK}}</td>
<td><select id="v{{N}}-policy" name="v_policy" aria-label="Variant {{N}} when out of stock"{{#ERR_INVENTORY_POLICY}} aria-invalid="true" aria-describedby="v{{N}}-policy-error"{{/ERR_INVENTORY_POLICY}}><option value="deny"{{#DENY}} selected{{/DENY}}>stop selling</option><option value="continue"{{#CONTINUE}} selected{{/CONTINUE}}>keep selling</option></select>{{#ERR_INVENTORY_POLICY}}<p class="field-error" id="v{{N}}-policy-error">{{TEXT}}</p>{{/ERR_INVENTORY_POLICY}}</td></tr>
{{/ROW}}
</tbody></table></div>
</fieldset>
<fieldset id="images"><legend>Images (uploaded, or http or https addresses; empty a row or choose remove to take it off; change the positions to reorder; up to 20; the first is the card's)</legend>
{{#SYNCED}}<p class="hint synced-field">From {{PLATFORM}}: the next sync replaces them.</p>{{/SYNCED}}
{{#ERR_IMAGES}}<p class="field-error" id="images-error">{{TEXT}}</p>{{/ERR_IMAGES}}
<div class="image-rows">
{{#IMAGE}}<div class="image-row">{{#TYPED}}<label>Image {{N}} address <input id="i{{N}}-url" name="i_url" type="url" maxlength="1000" value="{{URL}}"{{#ERR_URL}} aria-invalid="true" aria-describedby="i{{N}}-url-error"{{/ERR_URL}}></label>{{#ERR_URL}}<p class="field-error" id="i{{N}}-url-error">{{TEXT}}</p>{{/ERR_URL}}{{/TYPED}}
{{#UPLOADED}}<div class="uploaded-image"><label>Image {{N}} <select id="i{{N}}-url" name="i_url"><option value="{{URL}}" selected>keep</option><option value="">remove</option></select></label>{{#THUMB}}<picture>{{#AVIF}}<source type="image/avif" srcset="{{AVIF_SRCSET}}" sizes="{{SIZES}}">{{/AVIF}}{{#SRCSET}}<source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}">{{/SRCSET}}<img class="studio-thumb" src="{{SRC}}" alt="" width="{{WIDTH}}" height="{{HEIGHT}}"></picture>{{/THUMB}}<span class="hint">{{STATE}}</span></div>{{/UPLOADED}}
<label>Alt text <input id="i{{N}}-alt" name="i_alt" maxlength="255" value="{{ALT}}"{{#ERR_ALT}} aria-invalid="true" aria-describedby="i{{N}}-alt-error"{{/ERR_ALT}}></label>{{#ERR_ALT}}<p class="field-error" id="i{{N}}-alt-error">{{TEXT}}</p>{{/ERR_ALT}}
<label>Position <input name="i_pos" inputmode="numeric" maxlength="3" size="3" value="{{N}}"></label></div>
{{/IMAGE}}
</div><script src="{{STATIC_JS_IMAGE_ORDER_JS}}" defer></script>
</fieldset>
<div class="actions"><button class="button" type="submit">Save</button>
<button class="button secondary" type="submit" name="after" value="more" aria-describedby="more-rows-hint">Add more rows</button></div>
<p class="hint" id="more-rows-hint">Add more rows stores what you typed, then shows 20 blank variant rows and 5 image rows.</p>
</form>
