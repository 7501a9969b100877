{{%AUTOESCAPE context="HTML"}}<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-h">
<h2 id="error-summary-h">{{HEADLINE}}</h2>
<ul>
{{#ITEMS}}<li><a href="#{{FIELD}}">{{TEXT}}</a></li>
{{/ITEMS}}</ul>
</div>
