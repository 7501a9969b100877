{{%AUTOESCAPE context="HTML"}}{{! The text of each notice (domain/mail/notify.h): one section per kind, named as the kind in
capitals. Its first line is the subject; a line holding only the PARA marker is a blank line
(blank lines of the template itself are dropped). Rendered HTML-escaped like every template, then
decoded back to plain text by views/notice_text.c; the HTML part of the mail is made from that
text through mail.tpl, escaped again. Links are absolute: BASE is base_url. }}{{#BRAND_ORDER}}New order {{REF}}: {{TOTAL}}
Order {{REF}} is paid: {{TOTAL}}.
{{PARA}}
{{#LINE}}  {{TEXT}}
{{/LINE}}{{PARA}}
Ship it from your studio: {{BASE}}/studio/orders/{{NUMBER}}{{/BRAND_ORDER}}{{#BRAND_LEAD}}New lead: {{FORM}}
Someone filled in your form "{{FORM}}"{{#VIA}} through @{{TEXT}}{{/VIA}}.
{{#APPOINTMENT}}{{PARA}}
They booked an appointment: {{TEXT}}. It is attached as appointment.ics for your calendar.
{{/APPOINTMENT}}{{PARA}}
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
The payout run for {{PERIOD}} made a batch of {{TOTAL}} to {{CREATORS}}. Export it, pay it, and mark it paid: {{BASE}}/studio/brand/payouts/{{BATCH}}{{/BRAND_PAYOUT_DUE}}{{#CREATOR_SALE}}You made a sale (order {{REF}})
A sale through your picks, in order {{REF}}:
{{PARA}}
{{#LINE}}  {{TEXT}}
{{/LINE}}{{PARA}}
Your earnings: {{BASE}}/studio/creator/dashboard{{/CREATOR_SALE}}{{#CREATOR_PICK_DECISION}}{{BRAND}} {{VERDICT}} your pick: {{PRODUCT}}
{{BRAND}} {{VERDICT}} your request to pick "{{PRODUCT}}". {{NEXT}}
{{PARA}}
Your picks: {{BASE}}/studio/creator/picks{{/CREATOR_PICK_DECISION}}{{#CREATOR_PAYOUT_SENT}}{{BRAND}} paid you {{AMOUNT}}
{{BRAND}} marked your payout of {{AMOUNT}} for {{PERIOD}} as paid.
{{PARA}}
Your earnings and payouts: {{BASE}}/studio/creator/payouts{{/CREATOR_PAYOUT_SENT}}{{!
Mail owed to its recipient, always sent (notify_owed): no footer to switch it off.
}}{{#ORDER_CONFIRMATION}}Your crowdcart order{{#MANY}}s ({{TEXT}}){{/MANY}}
Thank you for your order.
{{PARA}}
{{#ORDERS}}{{TEXT}}
{{/ORDERS}}Shipping to:
{{#ADDRESS}}  {{TEXT}}
{{/ADDRESS}}{{PARA}}
Look up an order any time at {{BASE}}/orders/lookup with its number and this email address.
{{/ORDER_CONFIRMATION}}{{#ORDER_PAID}}Your crowdcart order{{#ONE}} is{{/ONE}}{{#MANY}}s are{{/MANY}} paid
Thank you: your payment was received.
{{PARA}}
{{#ORDERS}}{{TEXT}}
{{/ORDERS}}Look up an order any time at {{BASE}}/orders/lookup with its number and this email address.
{{/ORDER_PAID}}{{#ORDER_SHIPPED}}Your order has shipped (order {{NUMBER}})
Hello {{NAME}},
{{PARA}}
{{BRAND}} has sent your order.
Carrier: {{CARRIER}}
Tracking number: {{TRACKING}}
{{#TRACK}}Follow the parcel: {{TEXT}}
{{/TRACK}}{{PARA}}
Order number: {{NUMBER}}
Its status any time: {{BASE}}/orders/lookup (with its number and this email address)
{{PARA}}
-- 
{{BRAND}}, through crowdcart
{{/ORDER_SHIPPED}}{{#ORDER_CANCELLED}}Your order was cancelled (order {{NUMBER}})
Hello {{NAME}},
{{PARA}}
{{BRAND}} has cancelled your order. If you had paid for it, the payment is being returned to you.
{{PARA}}
Order number: {{NUMBER}}
{{PARA}}
-- 
{{BRAND}}, through crowdcart
{{/ORDER_CANCELLED}}{{#ORDER_REFUND}}{{#COMPLETE}}Your order was refunded{{/COMPLETE}}{{#PART}}A refund for your order{{/PART}} (order {{NUMBER}})
Hello {{NAME}},
{{PARA}}
{{BRAND}} has refunded {{AMOUNT}} of your order ({{COUNT}} item{{#PLURAL}}s{{/PLURAL}}). The money goes back the way you paid.
{{PARA}}
Order number: {{NUMBER}}
{{PARA}}
-- 
{{BRAND}}, through crowdcart
{{/ORDER_REFUND}}{{#RATE_CHANGE}}A brand is lowering your commission
{{BRAND}} is lowering the commission on some of your picks.
{{PARA}}
{{#PICK}}{{TEXT}}
{{/PICK}}{{#MORE}}…and {{TEXT}} more of your picks.
{{/MORE}}Sales until each date earn the rate they earn today; each order keeps the rate of its sale.
{{PARA}}
Your picks: {{BASE}}/studio/creator/picks
{{/RATE_CHANGE}}{{#SWITCHABLE}}
{{PARA}}
--
You get this mail because "{{KIND_LABEL}}" is on in your crowdcart mail settings.
{{/SWITCHABLE}}{{#STOP}}Stop these mails with one click: {{TEXT}}
{{/STOP}}{{#SWITCHABLE}}Choose which mails you get: {{BASE}}/studio/account/notifications
{{/SWITCHABLE}}
