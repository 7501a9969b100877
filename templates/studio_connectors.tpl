{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Shop connectors</h1>
<p>Connect your Shopify, WooCommerce or PrestaShop shop: its products, variants, prices, pictures and stock come here and stay in sync, and the orders placed here go back to your shop. Changes made here to synced products are replaced by the next sync.</p>
{{#CONNECTED}}<section class="connector" aria-labelledby="connector-{{PLATFORM}}">
<h2 id="connector-{{PLATFORM}}">{{PLATFORM_NAME}}: {{SHOP}}</h2>
{{#RUNNING}}<p class="connector-progress" role="status">Syncing: {{TEXT}}</p>{{/RUNNING}}
{{#QUEUED}}<p class="connector-progress" role="status">A full sync is waiting for the worker.</p>{{/QUEUED}}
{{#LAST}}<p class="connector-last">Last synced {{AT}} UTC.</p>{{/LAST}}
{{#RESULT}}<p class="connector-result">{{TEXT}}</p>{{/RESULT}}
{{#SHOPIFY_TOPICS}}<p>In Shopify, subscribe to the webhooks <code>products/create</code>, <code>products/update</code>, <code>products/delete</code> and <code>inventory_levels/update</code> (JSON) at <code class="connector-webhook">{{WEBHOOK_URL}}</code>.</p>{{/SHOPIFY_TOPICS}}
{{#PRESTA_NO_HOOKS}}<p>PrestaShop sends no webhooks: its changes come with the next full sync (the button below, or connect again).</p>{{/PRESTA_NO_HOOKS}}
{{#WOO_TOPICS}}<p>The first sync subscribes the webhooks <code>product.created</code>, <code>product.updated</code>, <code>product.deleted</code> and <code>product.restored</code> in WooCommerce, signed with the secret you gave here and delivered to <code class="connector-webhook">{{WEBHOOK_URL}}</code>. If your key is read-only, add them there by hand (Settings, Advanced, Webhooks).</p>{{/WOO_TOPICS}}
<form method="post" action="/studio/connectors/sync"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="platform" value="{{PLATFORM}}"><button class="button" type="submit">Sync everything now</button></form>
<form method="post" action="/studio/connectors/disconnect"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="platform" value="{{PLATFORM}}"><button class="button" type="submit">Disconnect (the products stay here, no longer synced)</button></form>
</section>{{/CONNECTED}}
<h2>Connect a Shopify shop</h2>
<form class="form" method="post" action="/studio/connectors" autocomplete="off">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ERROR}}<p class="field-error" id="connect-error" role="alert">{{TEXT}}</p>{{/ERROR}}
<div class="field"><label for="shop">Shop address</label>
<input id="shop" name="shop" maxlength="255" placeholder="your-shop.myshopify.com" value="{{SHOP}}"{{#ERROR}} aria-describedby="connect-error"{{/ERROR}}></div>
<div class="field"><label for="token">Admin API access token (read_products, read_inventory, write_orders)</label>
<input id="token" name="token" type="password" maxlength="200" autocomplete="off"></div>
<div class="field"><label for="secret">The app's client secret (it signs the webhooks)</label>
<input id="secret" name="secret" type="password" maxlength="200" autocomplete="off"></div>
<div class="actions"><button class="button" type="submit">Connect and sync</button></div>
</form>
<h2>Connect a WooCommerce shop</h2>
<form class="form" method="post" action="/studio/connectors" autocomplete="off">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="platform" value="woocommerce">
{{#WOO_ERROR}}<p class="field-error" id="woo-connect-error" role="alert">{{TEXT}}</p>{{/WOO_ERROR}}
<div class="field"><label for="woo-shop">Shop address</label>
<input id="woo-shop" name="shop" maxlength="255" placeholder="https://shop.example.com" value="{{WOO_SHOP}}"{{#WOO_ERROR}} aria-describedby="woo-connect-error"{{/WOO_ERROR}}></div>
<div class="field"><label for="woo-key">REST API consumer key (Read/Write)</label>
<input id="woo-key" name="key" type="password" maxlength="200" autocomplete="off"></div>
<div class="field"><label for="woo-token">Consumer secret</label>
<input id="woo-token" name="token" type="password" maxlength="200" autocomplete="off"></div>
<div class="field"><label for="woo-secret">A secret for the webhooks (give the same to each webhook in WooCommerce)</label>
<input id="woo-secret" name="secret" type="password" maxlength="200" autocomplete="off"></div>
<div class="actions"><button class="button" type="submit">Connect WooCommerce and sync</button></div>
</form>
<h2>Connect a PrestaShop shop</h2>
<form class="form" method="post" action="/studio/connectors" autocomplete="off">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="platform" value="prestashop">
{{#PRESTA_ERROR}}<p class="field-error" id="presta-connect-error" role="alert">{{TEXT}}</p>{{/PRESTA_ERROR}}
<div class="field"><label for="presta-shop">Shop address</label>
<input id="presta-shop" name="shop" maxlength="255" placeholder="https://shop.example.com" value="{{PRESTA_SHOP}}"{{#PRESTA_ERROR}} aria-describedby="presta-connect-error"{{/PRESTA_ERROR}}></div>
<div class="field"><label for="presta-key">Webservice key (GET on products, combinations, stock_availables, product_options, product_option_values, specific_prices, configurations, tax_rules, taxes, currencies, countries, states, carriers, order_states, order_carriers; GET and POST on customers, addresses, carts and orders, for the orders placed here)</label>
<input id="presta-key" name="key" type="password" maxlength="200" autocomplete="off"></div>
<div class="actions"><button class="button" type="submit">Connect PrestaShop and sync</button></div>
</form>
