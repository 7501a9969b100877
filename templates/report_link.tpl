{{%AUTOESCAPE context="HTML"}}<p class="report-link"><a href="{{URL}}" rel="nofollow">Report this page</a></p>
