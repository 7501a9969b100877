{{%AUTOESCAPE context="HTML"}}{{! The text of each notice (domain/mail/notify.h): one section per kind, named as the kind in
capitals. Its first line is the subject; a line holding only the PARA marker is a blank line
(blank lines of the template itself are dropped). Rendered HTML-escaped like every template, then
decoded back to plain text by views/notice_text.c; the HTML part of the mail is made from that
text through mail.tpl, escaped again. Links are absolute: BASE is base_url. }}{{#BRAND_ORDER}}New order {{NUMBER}}: {{TOTAL}}
Order {{NUMBER}} is paid: {{TOTAL}}.
{{PARA}}
{{#LINE}}  {{TEXT}}
{{/LINE}}{{PARA}}
Ship it from your studio: {{BASE}}/studio/orders/{{NUMBER}}{{/BRAND_ORDER}}{{#BRAND_LEAD}}New lead: {{FORM}}
Someone filled in your form "{{FORM}}"{{#VIA}} through @{{TEXT}}{{/VIA}}.
{{PARA}}
Read the lead: {{BASE}}/studio/leads/{{LEAD}}{{/BRAND_LEAD}}{{#BRAND_PICK_REQUEST}}Pick request: {{PRODUCT}}
{{CREATOR}} (@{{HANDLE}}) asks to pick your product "{{PRODUCT}}" for their storefront.
{{PARA}}
Approve or decline it: {{BASE}}/studio/brand/pick-requests{{/BRAND_PICK_REQUEST}}{{#BRAND_SAMPLE_REQUEST}}Sample request: {{PRODUCT}}
Hello,
{{PARA}}
{{CREATOR}} (@{{HANDLE}}) asks for a sample of {{PRODUCT}}.{{#NOTE}}
Their note: {{TEXT}}{{/NOTE}}
{{PARA}}
Approve or decline it in your studio: {{BASE}}/studio/brand/samples{{/BRAND_SAMPLE_REQUEST}}{{#BRAND_PAYOUT_DUE}}Creator payouts due: {{TOTAL}} for {{PERIOD}}
The payout run for {{PERIOD}} made a batch of {{TOTAL}} to {{CREATORS}}. Export it, pay it, and mark it paid: {{BASE}}/studio/brand/payouts/{{BATCH}}{{/BRAND_PAYOUT_DUE}}{{#CREATOR_SALE}}You made a sale (order {{NUMBER}})
A sale through your picks, in order {{NUMBER}}:
{{PARA}}
{{#LINE}}  {{TEXT}}
{{/LINE}}{{PARA}}
Your earnings: {{BASE}}/studio/creator/dashboard{{/CREATOR_SALE}}{{#CREATOR_PICK_DECISION}}{{BRAND}} {{VERDICT}} your pick: {{PRODUCT}}
{{BRAND}} {{VERDICT}} your request to pick "{{PRODUCT}}". {{NEXT}}
{{PARA}}
Your picks: {{BASE}}/studio/creator/picks{{/CREATOR_PICK_DECISION}}{{#CREATOR_PAYOUT_SENT}}{{BRAND}} paid you {{AMOUNT}}
{{BRAND}} marked your payout of {{AMOUNT}} for {{PERIOD}} as paid.
{{PARA}}
Your earnings and payouts: {{BASE}}/studio/creator/payouts{{/CREATOR_PAYOUT_SENT}}
{{PARA}}
--
You get this mail because "{{KIND_LABEL}}" is on in your crowdcart mail settings.
{{#STOP}}Stop these mails with one click: {{TEXT}}
{{/STOP}}Choose which mails you get: {{BASE}}/studio/account/notifications
