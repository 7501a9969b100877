{{%AUTOESCAPE context="HTML"}}<details class="cart-drawer" id="cart-drawer"{{#OPEN}} open{{/OPEN}}>
<summary><span class="cart-drawer-title">Your cart</span> <span class="cart-drawer-count">{{COUNT}} item(s)</span></summary>
<div class="cart-drawer-body">
<ul class="plain cart-drawer-lines">
{{#LINES}}<li class="cart-drawer-line"><a href="{{URL}}">{{TITLE}}</a>{{#VARIANT}} <span class="cart-drawer-variant">{{NAME}}</span>{{/VARIANT}} <span class="muted">× {{QTY}}</span> <span class="cart-drawer-total">{{TOTAL}}</span></li>
{{/LINES}}</ul>
{{#SUBTOTALS}}<p class="cart-drawer-subtotal">{{BRAND}}: {{AMOUNT}} before shipping and tax</p>
{{/SUBTOTALS}}<p class="cart-drawer-actions"><a class="button cart-drawer-checkout" href="/checkout">Check out</a> <a href="/cart">Change the cart</a></p>
</div>
</details>
