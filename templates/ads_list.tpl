{{%AUTOESCAPE context="HTML"}}<section class="surface-list ads-list" aria-labelledby="ads-list-h">
<h2 id="ads-list-h">Collection ads</h2>
<ul class="surface-row">
{{#ADS}}<li class="surface-tile"><a href="/ad/{{SLUG}}"><span class="surface-title">{{TITLE}}</span></a>
<span class="muted">by {{BRAND}}{{#WITH}} with {{CREATOR}}{{/WITH}}</span></li>
{{/ADS}}
</ul>
</section>
