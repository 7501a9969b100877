{{%AUTOESCAPE context="HTML"}}<h2 id="ads-h">Ads</h2>
{{#NO_AD_ROWS}}<p class="muted">No ads.</p>{{/NO_AD_ROWS}}
<table class="data ad-metrics" aria-labelledby="ads-h"><caption>Per ad, {{FROM}} to {{TO}} (UTC): orders and revenue are the order lines bought from the ad, before refunds</caption>
<thead><tr><th scope="col">Ad</th><th scope="col">Views</th><th scope="col">Product clicks</th><th scope="col">Add-to-carts</th><th scope="col">Click-outs</th><th scope="col">Orders</th><th scope="col">Revenue</th></tr></thead>
<tbody>{{#AD_ROWS}}<tr class="ad-row" data-ad="{{SLUG}}"><td><a href="/ad/{{SLUG}}">{{TITLE}}</a></td><td class="views">{{VIEWS}}</td><td class="clicks">{{CLICKS}}</td><td class="adds">{{ADDS}}</td><td class="outs">{{OUTS}}</td><td class="orders">{{ORDERS}}</td><td class="revenue">{{REVENUE}}</td></tr>
{{/AD_ROWS}}</tbody></table>
<h2 id="videos-h">Videos</h2>
{{#NO_VIDEO_ROWS}}<p class="muted">No videos.</p>{{/NO_VIDEO_ROWS}}
<table class="data video-period-metrics" aria-labelledby="videos-h"><caption>Per video, {{FROM}} to {{TO}} (UTC): orders and revenue are the order lines bought from the video, before refunds</caption>
<thead><tr><th scope="col">Video</th><th scope="col">Views</th><th scope="col">Product clicks</th><th scope="col">Add-to-carts</th><th scope="col">Orders</th><th scope="col">Revenue</th></tr></thead>
<tbody>{{#VIDEO_ROWS}}<tr class="video-row" data-video="{{ID}}"><td><a href="/v/{{ID}}">{{CAPTION}}</a></td><td class="views">{{VIEWS}}</td><td class="clicks">{{CLICKS}}</td><td class="adds">{{ADDS}}</td><td class="orders">{{ORDERS}}</td><td class="revenue">{{REVENUE}}</td></tr>
{{/VIDEO_ROWS}}</tbody></table>
