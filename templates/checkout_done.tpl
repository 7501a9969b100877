{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Thank you for your order</h1>
<p class="flash ok" role="status">Your order is placed. A confirmation is on its way to {{EMAIL}}. Keep the order number: with it and your email you can <a href="/orders/lookup">look the order up</a> any time.</p>
{{#SPLIT}}<p class="muted">Your cart became {{N}} orders, one per brand: each brand ships its own parcel.</p>{{/SPLIT}}
{{#ORDERS}}{{>ORDER}}{{/ORDERS}}
<p class="actions"><a class="button secondary" href="/">Keep shopping</a></p>
