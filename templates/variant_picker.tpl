{{%AUTOESCAPE context="HTML"}}{{#PICKER_SINGLE}}<input type="hidden" name="variant" value="{{ID}}">{{/PICKER_SINGLE}}
{{#PICKER_BUTTONS}}<fieldset class="field variant-picker"><legend>{{PICKER_LEGEND}}</legend>
{{#BUY_OPTIONS}}<label class="variant-choice"><input type="radio" name="variant" value="{{ID}}" data-price="{{PRICE}}" required{{#SELECTED}} checked{{/SELECTED}}{{#SOLD_OUT}} disabled{{/SOLD_OUT}}>
<span class="choice-name">{{NAME}}</span> <span class="choice-price">{{PRICE}}{{#COMPARE_AT}} <s class="compare-at" aria-label="was {{WAS}}">{{WAS}}</s>{{/COMPARE_AT}}</span>
<span class="choice-stock {{STOCK_CLASS}}">{{STOCK}}</span></label>
{{/BUY_OPTIONS}}</fieldset>{{/PICKER_BUTTONS}}
{{#PICKER_SELECT}}<div class="field"><label for="{{PICKER_ID}}">{{PICKER_LEGEND}}</label>
<select id="{{PICKER_ID}}" name="variant" required>
{{#BUY_OPTIONS}}<option value="{{ID}}" data-price="{{PRICE}}"{{#SOLD_OUT}} disabled{{/SOLD_OUT}}{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} — {{PRICE}}{{#SOLD_OUT}} (sold out){{/SOLD_OUT}}</option>
{{/BUY_OPTIONS}}
</select></div>{{/PICKER_SELECT}}
