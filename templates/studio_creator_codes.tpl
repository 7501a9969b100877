{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/studio">← Studio</a> · <a href="/studio/creator/links">Short links</a> · <a href="/studio/creator/dashboard">Dashboard</a></p>
<h1 class="page-title">Your discount codes</h1>
<p>Codes brands gave you. A shopper who types one at checkout, or follows your link that carries it, gets the discount and credits you with the sale (even after another creator's link). Your commission is on what the buyer paid after the discount.</p>
{{#EMPTY}}<p class="muted">No codes yet: a brand whose products you picked can give you one.</p>{{/EMPTY}}
<ul class="plain creator-codes">
{{#CODES}}<li class="creator-code"><h2><span class="code-text">{{CODE}}</span> · {{BRAND}}{{#DISABLED}} <span class="muted">(disabled by the brand)</span>{{/DISABLED}}</h2>
<p>{{RULE}} off · minimum {{MIN}} · used {{USES}} · last day {{ENDS}} · discounted {{DISCOUNTED}}</p>
<p><label for="link-{{CODE}}">Link that applies it</label><br><input id="link-{{CODE}}" class="code-link" readonly value="{{LINK}}"></p></li>
{{/CODES}}</ul>
