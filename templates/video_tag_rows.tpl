{{%AUTOESCAPE context="HTML"}}<fieldset class="video-tags"><legend>Products in the video (start and end as seconds or minutes:seconds; a hotspot is a point in the frame, x and y in percent from the top left)</legend>
{{#TAGS}}<div class="video-tag-row" data-row="{{N}}">
<label for="tag{{N}}_product">Product {{N}}</label>
<select id="tag{{N}}_product" name="tag{{N}}_product"><option value="">—</option>
{{#PRODUCTS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/PRODUCTS}}</select>
<label for="tag{{N}}_start">from</label> <input id="tag{{N}}_start" class="qty" name="tag{{N}}_start" maxlength="8" value="{{START}}">
<label for="tag{{N}}_end">to</label> <input id="tag{{N}}_end" class="qty" name="tag{{N}}_end" maxlength="8" value="{{END}}">
<span class="video-spot-fields">
<label for="tag{{N}}_x">hotspot x %</label> <input id="tag{{N}}_x" class="qty" name="tag{{N}}_x" type="number" min="0" max="100" step="1" inputmode="numeric" value="{{X}}">
<label for="tag{{N}}_y">y %</label> <input id="tag{{N}}_y" class="qty" name="tag{{N}}_y" type="number" min="0" max="100" step="1" inputmode="numeric" value="{{Y}}">
<label for="tag{{N}}_label">label</label> <input id="tag{{N}}_label" name="tag{{N}}_label" maxlength="60" value="{{LABEL}}" placeholder="the product's title">
</span>
</div>
{{/TAGS}}</fieldset>
