{{%AUTOESCAPE context="HTML"}}<section class="leadform leadform-thanks">
<h1 class="page-title">{{TITLE}}</h1>
<p class="flash" role="status">{{THANKS}}</p>
{{#ICS}}<p><a href="{{URL}}">Add the appointment to your calendar (.ics)</a></p>{{/ICS}}
</section>
