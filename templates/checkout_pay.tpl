{{%AUTOESCAPE context="HTML"}}<meta http-equiv="refresh" content="0;url={{URL}}">
<h1 class="page-title">Taking you to the payment page</h1>
<p class="flash ok" role="status">Your order is reserved. Pay with {{PROVIDER}} on its secure page; you come back here when it is done.</p>
<p class="actions"><a class="button" id="pay-link" href="{{URL}}">Continue to payment</a></p>
