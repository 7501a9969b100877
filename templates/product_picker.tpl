{{%AUTOESCAPE context="HTML"}}{{#SINGLE}}<input type="hidden" name="variant" value="{{VARIANT_ID}}">{{/SINGLE}}{{#BY_OPTION}}<input type="hidden" name="product" value="{{PRODUCT_ID}}">{{/BY_OPTION}}
{{#PICKER_ERROR}}<p class="field-error" id="{{ID_PREFIX}}picker-error" role="alert">{{TEXT}}</p>{{/PICKER_ERROR}}
{{#PICKER_GROUPS}}{{#BUTTONS}}<fieldset class="field variant-picker" id="{{FIELD_ID}}"{{#INVALID}} aria-describedby="{{ID_PREFIX}}picker-error"{{/INVALID}}><legend>{{LEGEND}}</legend>
{{#CHOICES}}<label class="variant-choice{{#SWATCH}} swatch{{/SWATCH}}"><input type="radio" name="{{INPUT}}" value="{{VALUE}}"{{#PRICED}} data-price="{{PRICE}}"{{/PRICED}}{{#PICTURE}} data-picture="{{IMAGE_ID}}"{{/PICTURE}} required{{#SELECTED}} checked{{/SELECTED}}{{#SOLD_OUT}} disabled{{/SOLD_OUT}}>
{{#SWATCH}}<span class="swatch-chip {{CLASS}}" aria-hidden="true">{{#SWATCH_PICTURE}}<img src="{{SRC}}"{{#SRCSET}} srcset="{{JPEG_SRCSET}}" sizes="{{SIZES}}"{{/SRCSET}} alt="" width="32" height="32" loading="lazy">{{/SWATCH_PICTURE}}</span>{{/SWATCH}}<span class="choice-name">{{NAME}}</span>{{#PRICED}} <span class="choice-price">{{PRICE}}{{#COMPARE_AT}} <s class="compare-at" aria-label="was {{WAS}}">{{WAS}}</s>{{/COMPARE_AT}}</span>
<span class="choice-stock {{STOCK_CLASS}}">{{STOCK}}</span>{{/PRICED}}{{#SOLD_OUT}}<span class="visually-hidden"> (sold out)</span>{{/SOLD_OUT}}</label>
{{/CHOICES}}</fieldset>{{/BUTTONS}}
{{#SELECT}}<div class="field"><label for="{{FIELD_ID}}">{{LEGEND}}</label>
<select id="{{FIELD_ID}}" name="{{INPUT}}" required{{#INVALID}} aria-describedby="{{ID_PREFIX}}picker-error"{{/INVALID}}>
{{#CHOICES}}<option value="{{VALUE}}"{{#PRICED}} data-price="{{PRICE}}"{{/PRICED}}{{#PICTURE}} data-picture="{{IMAGE_ID}}"{{/PICTURE}}{{#SOLD_OUT}} disabled{{/SOLD_OUT}}{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}{{#SOLD_OUT}} (sold out){{/SOLD_OUT}}</option>
{{/CHOICES}}
</select></div>{{/SELECT}}{{/PICKER_GROUPS}}
{{#BY_OPTION}}<p class="picker-status" id="{{ID_PREFIX}}picker-status" aria-live="polite" hidden></p>{{/BY_OPTION}}
{{#VARIANT_DATA}}<script type="application/json" id="{{ID_PREFIX}}variant-data">{{SANITISED_VARIANT_JSON:none}}</script>{{/VARIANT_DATA}}
