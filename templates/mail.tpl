{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{SUBJECT}}</title>
</head>
<body style="margin:0;padding:16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d1d1f;background:#fff">
<div style="max-width:36em;margin:0 auto">
{{#PARA}}<p style="margin:0 0 1em">{{#SEG}}{{#TEXT}}{{WORDS}}{{/TEXT}}{{#LINK}}<a href="{{URL}}" style="color:#0b57d0;word-break:break-all">{{URL}}</a>{{/LINK}}{{#BREAK}}<br>{{/BREAK}}{{/SEG}}</p>
{{/PARA}}</div>
</body>
</html>
