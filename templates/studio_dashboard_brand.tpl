{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/brand/creator-program">Creator program</a> · <a href="/studio/brand/pick-requests">Pick requests</a></p>
<h1 class="page-title">Creator sales for {{BRAND}}</h1>
{{#PAID_FLASH}}<p class="flash" role="status">Marked as paid.</p>{{/PAID_FLASH}}
<form class="period-form" method="get" action="/studio/brand/dashboard">
<label for="from">From</label> <input id="from" name="from" type="date" value="{{FROM}}">
<label for="to">To</label> <input id="to" name="to" type="date" value="{{TO}}">
<button class="button small" type="submit">Show</button>
</form>
<p><a href="{{CSV_URL}}">Download these numbers (CSV)</a></p>
<p><a href="/studio/videos">Per-video views, product clicks, add-to-carts, orders and revenue</a></p>
{{>MEDIA}}
<dl class="totals"><dt>Orders through creators</dt><dd class="total-orders">{{ORDERS}}</dd><dt>Sales</dt><dd class="total-sales">{{SALES}}</dd><dt>Commission</dt><dd class="total-commission">{{COMMISSION}}</dd></dl>
<p class="muted">Paid sales only, less refunds. Orders not paid yet, cancelled, refunded or paid with the test provider are in the latest sales, marked, and not counted here.</p>
{{#SALES_CHARTS}}<figure class="chart-figure sales-chart" data-currency="{{CURRENCY}}">{{SANITISED_CHART:none}}</figure>
{{/SALES_CHARTS}}
<table class="data"><caption>By creator, {{FROM}} to {{TO}}. Conversion: orders of your products over visits to the creator's pages.</caption>
<thead><tr><th scope="col">Creator</th><th scope="col">Visits</th><th scope="col">Orders</th><th scope="col">Conversion</th><th scope="col">Sales</th><th scope="col">Commission</th></tr></thead>
<tbody>{{#CREATORS}}<tr class="creator-sales-row" data-handle="{{HANDLE}}"><td><a href="/@{{HANDLE}}">{{NAME}}</a> (@{{HANDLE}})</td><td>{{VISITS}}</td><td>{{ORDERS}}</td><td>{{CONVERSION}}</td><td>{{SALES}}</td><td>{{COMMISSION}}</td></tr>
{{/CREATORS}}</tbody></table>
<table class="data"><caption>By day (UTC), {{FROM}} to {{TO}}</caption>
<thead><tr><th scope="col">Day</th><th scope="col">Orders</th><th scope="col">Sales</th><th scope="col">Commission</th></tr></thead>
<tbody>{{#DAYS}}<tr><td>{{DAY}}</td><td>{{ORDERS}}</td><td>{{SALES}}</td><td>{{COMMISSION}}</td></tr>
{{/DAYS}}</tbody></table>
<h2>Commission owed</h2>
<p class="ledger-status{{#LEDGER_FAILED}} error{{/LEDGER_FAILED}}" role="status">{{LEDGER_STATUS}} <a href="/studio/brand/payouts">Payout batches, tax forms and settings</a></p>
{{#NO_OWED}}<p class="muted">No commission yet.</p>{{/NO_OWED}}
<table class="data"><caption>Per creator, all time. Pending becomes payable when your return window has passed.</caption>
<thead><tr><th scope="col">Creator</th><th scope="col">Pending</th><th scope="col">Payable</th><th scope="col">Paid</th><th scope="col">Carried from refunds</th><th scope="col">Payout</th></tr></thead>
<tbody>{{#OWED}}<tr class="owed-row" data-handle="{{HANDLE}}"><td>@{{HANDLE}}</td><td class="pending">{{PENDING}}</td><td class="payable">{{PAYABLE}}</td><td class="paid">{{PAID}}</td><td class="carried">{{CARRIED}}</td>
<td>{{#PAY}}<form class="inline" method="post" action="/studio/brand/payouts"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="creator_id" value="{{CREATOR_ID}}"><button class="button small" type="submit">Mark {{NET}} paid<span class="visually-hidden"> to @{{HANDLE}}</span></button></form>{{/PAY}}</td></tr>
{{/OWED}}</tbody></table>
<h2>Latest sales through creators</h2>
<table class="data"><caption>Newest first</caption>
<thead><tr><th scope="col">Order</th><th scope="col">When (UTC)</th><th scope="col">Creator</th><th scope="col">Product</th><th scope="col">Through</th><th scope="col">Line total</th><th scope="col">Rate</th><th scope="col">Commission</th><th scope="col">Kind</th><th scope="col">State</th></tr></thead>
<tbody>{{#RECENT}}<tr class="sale"><td class="order-number"><span class="order-ref">{{REF}}</span>{{#HAS_REF}}<br><span class="muted">{{NUMBER}}</span>{{/HAS_REF}}</td><td>{{WHEN}}</td><td>@{{HANDLE}}</td><td>{{PRODUCT}}</td><td>{{SURFACE}}</td><td>{{TOTAL}}</td><td>{{RATE}}</td><td class="commission">{{COMMISSION}}</td><td class="line-kind">{{KIND}}</td><td class="line-state">{{STATE}}{{#VOID}}: not counted{{/VOID}}</td></tr>
{{/RECENT}}</tbody></table>
