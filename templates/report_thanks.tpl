{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Thank you</h1>
<p role="status">Your report of this {{WHAT}} is with the people who run this site. If the page breaks the rules, they take it down.</p>
<p><a href="/">Back to the shop</a></p>
