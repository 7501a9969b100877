{{%AUTOESCAPE context="HTML"}}{{#PAID}}<h1 class="page-title">Payment received</h1>
<p class="flash ok" role="status" id="payment-state" data-state="paid">Payment received: thank you. Your order is paid and a confirmation is on its way by email. Keep the order number: with it and your email you can <a href="/orders/lookup">look the order up</a> any time.</p>
{{#ELSEWHERE}}<p class="muted">The order's details are shown in the browser it was placed in, and in the confirmation mail.</p>{{/ELSEWHERE}}
{{/PAID}}{{#PENDING}}<meta http-equiv="refresh" content="3">
<h1 class="page-title">Confirming your payment</h1>
<p class="flash" role="status" id="payment-state" data-state="pending">Still confirming your payment with the payment service: refresh in a moment (this page does so by itself). Nothing more is needed from you.</p>
<p class="actions"><a class="button secondary" href="/checkout/return/{{REF}}">Refresh</a></p>
{{/PENDING}}{{#CONTINUE}}<p class="actions">Not paid yet? <a class="button" id="pay-link" href="{{URL}}">Continue to the payment page</a></p>
{{/CONTINUE}}{{#CANCELLED}}<h1 class="page-title">Payment not completed</h1>
<p class="flash error" role="status" id="payment-state" data-state="cancelled">You left the payment page before paying, so nothing was charged. The order is held for a short while and then released; to buy the items, add them to your cart again.</p>
<p class="actions"><a class="button secondary" href="/checkout/return/{{REF}}">Check again</a> <a href="/">Keep shopping</a></p>
{{/CANCELLED}}{{#FAILED}}<h1 class="page-title">Payment failed</h1>
<p class="flash error" role="alert" id="payment-state" data-state="failed">The payment failed or expired, so nothing was charged and the order was not placed. Your items are back in the shop: add them to your cart again to try once more, or choose another way to pay.</p>
<p class="actions"><a class="button" href="/cart">Back to your cart</a> <a href="/">Keep shopping</a></p>
{{/FAILED}}{{#ORDERS}}{{>ORDER}}{{/ORDERS}}
