{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a></p>
<h1 class="page-title">Your creator dashboard</h1>
<form class="period-form" method="get" action="/studio/creator/dashboard">
<label for="from">From</label> <input id="from" name="from" type="date" value="{{FROM}}">
<label for="to">To</label> <input id="to" name="to" type="date" value="{{TO}}">
<button class="button small" type="submit">Show</button>
</form>
<p><a href="{{CSV_URL}}">Download these numbers (CSV)</a></p>
<p><a href="/studio/videos">Per-video views, product clicks, add-to-carts, orders and revenue</a></p>
{{>MEDIA}}
<h2>Commission</h2>
<p class="ledger-status{{#LEDGER_FAILED}} error{{/LEDGER_FAILED}}" role="status">{{LEDGER_STATUS}} <a href="/studio/creator/payouts">Your payouts and statement</a></p>
{{#NO_LEDGER}}<p class="muted">No commission yet.</p>{{/NO_LEDGER}}
<table class="data"><caption>Your commission by state (all time). Pending becomes payable once the brand's return window has passed. Carried from refunds: commission paid out on sales refunded since, taken off your next payouts.</caption>
<thead><tr><th scope="col">Currency</th><th scope="col">Pending</th><th scope="col">Payable</th><th scope="col">Paid</th><th scope="col">Carried from refunds</th></tr></thead>
<tbody>{{#LEDGER}}<tr class="ledger-row"><td>{{CURRENCY}}</td><td class="pending">{{PENDING}}</td><td class="payable">{{PAYABLE}}</td><td class="paid">{{PAID}}</td><td class="carried">{{CARRIED}}</td></tr>
{{/LEDGER}}</tbody></table>
<h2>Visits: <span class="visits-total">{{VISITS}}</span></h2>
<figure class="chart-figure">{{SANITISED_CHART:none}}</figure>
<table class="data"><caption>Visits to your pages and links by day (UTC), {{FROM}} to {{TO}}</caption>
<thead><tr><th scope="col">Day</th><th scope="col">Visits</th></tr></thead>
<tbody>{{#VISIT_DAYS}}<tr><td>{{DAY}}</td><td>{{VISITS}}</td></tr>
{{/VISIT_DAYS}}</tbody></table>
<h2>Earnings</h2>
<p class="muted">Paid sales only, less refunds. Orders not paid yet, cancelled, refunded or paid with the test provider are in the latest sales, marked, and not counted here.</p>
{{#EARNING_CHARTS}}<figure class="chart-figure earnings-chart" data-currency="{{CURRENCY}}">{{SANITISED_CHART:none}}</figure>
{{/EARNING_CHARTS}}<table class="data"><caption>Orders and commission by day (UTC), {{FROM}} to {{TO}}</caption>
<thead><tr><th scope="col">Day</th><th scope="col">Orders</th><th scope="col">Sales</th><th scope="col">Commission</th></tr></thead>
<tbody>{{#EARNING_DAYS}}<tr><td>{{DAY}}</td><td>{{ORDERS}}</td><td>{{SALES}}</td><td>{{COMMISSION}}</td></tr>
{{/EARNING_DAYS}}</tbody></table>
<table class="data"><caption>By brand, {{FROM}} to {{TO}}</caption>
<thead><tr><th scope="col">Brand</th><th scope="col">Orders</th><th scope="col">Sales</th><th scope="col">Commission</th></tr></thead>
<tbody>{{#BRANDS}}<tr><td>{{BRAND}}</td><td>{{ORDERS}}</td><td>{{SALES}}</td><td>{{COMMISSION}}</td></tr>
{{/BRANDS}}</tbody></table>
<h2>Latest sales</h2>
<table class="data"><caption>Sales credited to you, newest first</caption>
<thead><tr><th scope="col">Order</th><th scope="col">When (UTC)</th><th scope="col">Brand</th><th scope="col">Product</th><th scope="col">Through</th><th scope="col">Line total</th><th scope="col">Rate</th><th scope="col">Commission</th><th scope="col">Kind</th><th scope="col">State</th></tr></thead>
<tbody>{{#RECENT}}<tr class="sale"><td class="order-number"><span class="order-ref">{{REF}}</span>{{#HAS_REF}}<br><span class="muted">{{NUMBER}}</span>{{/HAS_REF}}</td><td>{{WHEN}}</td><td>{{BRAND}}</td><td>{{PRODUCT}}</td><td>{{SURFACE}}</td><td>{{TOTAL}}</td><td>{{RATE}}</td><td class="commission">{{COMMISSION}}</td><td class="line-kind">{{KIND}}</td><td class="line-state">{{STATE}}{{#VOID}}: not counted{{/VOID}}</td></tr>
{{/RECENT}}</tbody></table>
