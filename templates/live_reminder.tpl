{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">{{HEADING}}</h1>
{{#SESSION}}<p class="muted">Live session: <a href="/live/{{LIVE}}">{{TITLE}}</a></p>{{/SESSION}}
<p id="reminder-message">{{MESSAGE}}</p>
{{#FORM}}<form class="form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button class="button" type="submit">{{BUTTON}}</button></div>
</form>{{/FORM}}
