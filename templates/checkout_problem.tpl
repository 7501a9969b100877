{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADLINE}}</h1>
<p class="flash error" role="alert">{{MESSAGE}}</p>
<p class="actions"><a class="button" href="/cart">Back to your cart</a> <a href="/">Keep shopping</a></p>
