{{%AUTOESCAPE context="HTML"}}<section class="error-page">
<h1 class="page-title"><span class="status">{{STATUS}}</span> {{REASON}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">Back to the shop</a></p>
</section>
