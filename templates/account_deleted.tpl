{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Your account is deleted</h1>
<p class="flash note" role="status">Your account is deleted and you are signed out everywhere.</p>
<p>Orders you placed stay with the brands that sold them, and any earnings stay in their ledgers under a pseudonym, as their accounts require. <a href="/">Back to the shop</a>.</p>
