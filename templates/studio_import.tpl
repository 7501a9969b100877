{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Import your catalog</h1>
<p class="lead">Bring the catalog of {{BRAND_NAME}} from a Shopify or WooCommerce export, or from a catalog feed. Importing the same file again changes nothing; an edited file updates products in place (matched by handle). If any row is wrong, nothing is written and the report lists every problem with its line number.</p>
{{#ERROR}}<p class="flash error" role="alert">{{TEXT}}</p>{{/ERROR}}
<form class="form" method="post" action="/studio/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="field"><legend>Kind of file</legend>
{{#FORMAT}}<label><input type="radio" name="format" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/FORMAT}}</fieldset>
<div class="field"><label for="file">Catalog file (CSV or TSV, UTF-8, up to 16 MB)</label>
<input id="file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" required></div>
<div class="actions"><button class="button" type="submit">Import</button></div>
</form>
{{#HAS_RUNS}}<h2>Recent imports</h2>
<table class="import-runs">
<thead><tr><th scope="col">Started (UTC)</th><th scope="col">File</th><th scope="col">Format</th><th scope="col">Result</th><th scope="col">Products</th><th scope="col">Created</th><th scope="col">Updated</th><th scope="col">Unchanged</th><th scope="col">Errors</th></tr></thead>
<tbody>
{{#RUN}}<tr><td>{{AT}}</td><td>{{SOURCE}}</td><td>{{FORMAT}}</td><td class="import-{{STATUS}}">{{STATUS}}</td><td>{{PRODUCTS}}</td><td>{{CREATED}}</td><td>{{UPDATED}}</td><td>{{UNCHANGED}}</td><td>{{ERRORS}}</td></tr>
{{/RUN}}</tbody>
</table>{{/HAS_RUNS}}
