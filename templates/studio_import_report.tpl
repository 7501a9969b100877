{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Import report</h1>
<p class="lead">{{FILE}} ({{FORMAT}}): {{ROWS}} rows, {{PRODUCTS}} products, {{VARIANTS}} variants, {{IMAGES}} images.</p>
{{#OK}}<p class="flash ok" role="status" id="import-result">Imported: {{CREATED}} created, {{UPDATED}} updated, {{UNCHANGED}} unchanged, {{SKIPPED}} skipped.</p>
{{#NOTHING_CHANGED}}<p>Nothing changed: the catalog already matches this file.</p>{{/NOTHING_CHANGED}}{{/OK}}
{{#REJECTED}}<p class="flash error" role="alert" id="import-result">Nothing was imported: {{ERROR_COUNT}} problem(s) in the file. Fix them and upload it again.</p>{{/REJECTED}}
{{#NOTICES}}<p class="flash note import-notice" role="status">Line {{LINE}}: {{MESSAGE}}</p>
{{/NOTICES}}{{#FATAL}}<p class="flash error" role="alert">{{TEXT}}</p>{{/FATAL}}
{{#ERROR_TABLE}}<table class="import-errors">
<caption>Problems, by line of the file</caption>
<thead><tr><th scope="col">Line</th><th scope="col">Problem</th></tr></thead>
<tbody>
{{#ERRORS}}<tr><td>{{LINE}}</td><td>{{MESSAGE}}</td></tr>
{{/ERRORS}}</tbody>
</table>{{/ERROR_TABLE}}
{{#MORE_ERRORS}}<p>…and {{N}} more.</p>{{/MORE_ERRORS}}
<p><a class="button" href="/studio/import">Import another file</a> · <a href="/studio/products">Products</a> · <a href="/b/{{BRAND_SLUG}}/feed.tsv">Your catalog feed</a></p>
