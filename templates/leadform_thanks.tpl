{{%AUTOESCAPE context="HTML"}}<section class="leadform leadform-thanks">
<h1 class="page-title">{{TITLE}}</h1>
<p class="flash" role="status">{{THANKS}}</p>
</section>
