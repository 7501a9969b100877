/* lead_ics.c: one appointment as an iCalendar file (see lead_ics.h). */
#include <stdbool.h>
#include <string.h>
#include "domain/leads/lead_ics.h"

/* Appends "NAME:value" with value escaped (\\ ; , and line breaks), folded so no line passes 75
 * octets, never inside a UTF-8 sequence; ends with CRLF. */
static void ics_line(struct buf *b, const char *name, const char *value, bool text)
{
	char line[2048];
	size_t n = 0;
	for (const char *p = name; *p && n < sizeof line - 8; p++)
		line[n++] = *p;
	line[n++] = ':';
	for (const char *p = value; *p && n < sizeof line - 8; p++) {
		if (*p == '\r')
			continue;
		if (text && (*p == '\\' || *p == ';' || *p == ',')) {
			line[n++] = '\\';
			line[n++] = *p;
		} else if (*p == '\n') {
			line[n++] = '\\';
			line[n++] = 'n';
		} else {
			line[n++] = *p;
		}
	}
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		bool continuation = ((unsigned char)line[i] & 0xC0) == 0x80;
		if (col >= 74 && !continuation) {
			buf_puts(b, "\r\n ");
			col = 1;
		}
		buf_putc(b, line[i]);
		col++;
	}
	buf_puts(b, "\r\n");
}

static void ics_time(struct buf *b, const char *name, time_t t)
{
	struct tm u;
	char v[20];
	gmtime_r(&t, &u);
	strftime(v, sizeof v, "%Y%m%dT%H%M%SZ", &u);
	ics_line(b, name, v, false);
}

void lead_ics(struct buf *b, const struct lead_ics_event *e)
{
	buf_puts(b, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//crowdcart//leads//EN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n");
	ics_line(b, "UID", e->uid, false);
	ics_time(b, "DTSTAMP", e->stamp);
	ics_time(b, "DTSTART", e->start);
	ics_time(b, "DTEND", e->start + (time_t)e->minutes * 60);
	ics_line(b, "SUMMARY", e->summary, true);
	if (*e->description)
		ics_line(b, "DESCRIPTION", e->description, true);
	buf_puts(b, "END:VEVENT\r\nEND:VCALENDAR\r\n");
}
