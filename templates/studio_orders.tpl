{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Orders</h1>
<p class="lead">{{BRAND}}: every order placed with your brand, newest first. Times are UTC.</p>
<form class="form orders-filter" method="get" action="/studio/orders">
<div class="field"><label for="status">Status</label>
<select id="status" name="status">
<option value="">Any status</option>
{{#STATUS_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTIONS}}</select></div>
<div class="field"><label for="from">Placed from</label>
<input id="from" name="from" type="date" value="{{FROM}}"></div>
<div class="field"><label for="to">Placed until (inclusive)</label>
<input id="to" name="to" type="date" value="{{TO}}"></div>
<div class="field"><label for="creator">Creator handle</label>
<input id="creator" name="creator" maxlength="30" value="{{CREATOR}}"></div>
<div class="actions"><button class="button" type="submit">Show orders</button>
<a href="/studio/orders">Clear filters</a>
<a href="{{CSV_URL}}" download>Download these orders as CSV</a></div>
</form>
<section aria-labelledby="summary-h">
<h2 id="summary-h" class="visually-hidden">Summary</h2>
{{#TOTALS}}<p class="orders-totals"><strong>{{COUNT}}</strong> order{{PLURAL}} · total <strong>{{TOTAL}}</strong>{{#REFUNDED}} · refunded {{AMOUNT}}{{/REFUNDED}}</p>
{{/TOTALS}}
{{#NONE}}<p class="muted">No orders match these filters.</p>{{/NONE}}
</section>
{{#HAS_ROWS}}<div class="table-scroll">
<table class="orders-table stack">
<caption class="visually-hidden">Orders, newest first</caption>
<thead><tr><th scope="col">Order</th><th scope="col">Placed (UTC)</th><th scope="col">Status</th><th scope="col">Customer</th><th scope="col" class="num">Items</th><th scope="col" class="num">Total</th><th scope="col">Creators</th></tr></thead>
<tbody>
{{#ORDERS}}<tr>
<td class="stack-title"><a href="/studio/orders/{{NUMBER}}" class="order-ref">{{REF}}</a>{{#TEST_ORDER}} <span class="badge test-badge">Test</span>{{/TEST_ORDER}}{{#HAS_REF}}<br><span class="muted order-number">{{NUMBER}}</span>{{/HAS_REF}}</td>
<td data-label="Placed (UTC)">{{PLACED}}</td>
<td data-label="Status"><span class="order-status status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#REFUND_NEEDED}}<br><strong class="refund-needed">refund needed</strong>{{/REFUND_NEEDED}}</td>
<td data-label="Customer">{{SHIP_NAME}}<br><span class="muted">{{EMAIL}}</span></td>
<td data-label="Items" class="num">{{ITEMS}}</td>
<td data-label="Total" class="num">{{TOTAL}}{{#REFUNDED}}<br><span class="refunded">−{{AMOUNT}}</span>{{/REFUNDED}}</td>
<td data-label="Creators">{{CREATORS}}</td>
</tr>
{{/ORDERS}}
</tbody>
</table>
</div>{{/HAS_ROWS}}
<nav class="pager" aria-label="Pages">
{{#NEWER}}<a rel="prev" href="{{URL}}">← Newer orders</a>{{/NEWER}}
<span class="muted">Page {{PAGE}}</span>
{{#OLDER}}<a rel="next" href="{{URL}}">Older orders →</a>{{/OLDER}}
</nav>
