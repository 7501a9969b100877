{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Mail settings</h1>
{{#NOTICE}}<p class="flash note" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#KINDS}}<form class="form" method="post" action="/studio/account/notifications">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>Mail us when there is news about</legend>
{{#KIND}}<div class="field"><label><input type="checkbox" name="{{NAME}}" value="on"{{#ON}} checked{{/ON}}> {{LABEL}}</label></div>
{{/KIND}}</fieldset>
<div class="actions"><button class="button" type="submit">Save mail settings</button></div>
</form>
<p>Each of these mails also ends with a link that turns its kind off with one click.</p>{{/KINDS}}
{{#NONE}}<p>Your account gets no news mail to switch off.</p>{{/NONE}}
<p>Some mail always goes out, because it is part of something you did or are owed: order
confirmations, shipping notices with their tracking link and refunds to shoppers, and the notice
a creator gets when a brand lowers a commission. Sign-in links and password mails too.</p>
<p><a href="/studio/account">Back to your account</a></p>
