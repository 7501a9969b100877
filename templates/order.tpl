{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your order</h1>
{{#ORDERS}}{{>ORDER}}{{/ORDERS}}
<p class="actions"><a href="/orders/lookup">Look up another order</a></p>
