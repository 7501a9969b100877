{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
<p id="unsubscribe-message">{{MESSAGE}}</p>
{{#FORM}}<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">{{BUTTON}}</button></div>
</form>{{/FORM}}
<p class="muted">Choose which mails you get on your <a href="/studio/account/notifications">mail settings</a> page (sign-in needed).</p>
