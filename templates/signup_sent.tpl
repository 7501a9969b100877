{{%AUTOESCAPE context="HTML"}}<h1 class="page-title">Check your mail</h1>
<p class="flash note" role="status">We have sent a mail to the address you gave. Open its link within 48 hours to confirm the address.</p>
<p>Then <a href="/login">log in</a> with your email and password. You can use your account before you confirm, but a brand cannot open its catalog to creators, and a creator cannot be paid, until the address is confirmed.</p>
<p>No mail after a few minutes? Check the spam folder; once logged in you can have it sent again from <a href="/studio/account">your account</a>.</p>
