package textextract

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Days.
		{"Apr 3, 2024", "2024-04-03"},
		{"April 3, 2024", "2024-04-03"},
		{"Apr. 3, 2024", "2024-04-03"},
		{"Sept. 3, 2024", "2024-09-03"},
		{"3 April 2024", "2024-04-03"},
		{"03 Apr 2024", "2024-04-03"},
		{"Thu, Apr 4, 2024", "2024-04-04"},
		{"Thursday, April 4th, 2024", "2024-04-04"},
		{"the 4th of April, 2024", "2024-04-04"},
		{"April 4 2024", "2024-04-04"},
		{"2024-04-03", "2024-04-03"},
		{"2024/04/03", "2024-04-03"},
		{"04/03/2024", "2024-04-03"}, // US order by default
		{"03/04/2024", "2024-03-04"}, // ambiguous: US order
		{"13/04/2024", "2024-04-13"}, // 13 cannot be a month
		{"04/13/2024", "2024-04-13"}, // nor here
		{"03.04.2024", "2024-04-03"}, // dots: day first
		{"4/3/24", "2024-04-03"},     // two-digit year
		{"29 February 2024", "2024-02-29"},
		{"Updated on Thu, Apr 4, 2024", "2024-04-04"},
		{"First published on Thu, Apr 4, 2024", "2024-04-04"},
		{"Published: 3 April 2024", "2024-04-03"},
		{"Last updated: April 3, 2024", "2024-04-03"},
		// Months and years.
		{"April 2024", "2024-04"},
		{"2024-04", "2024-04"},
		{"2024", "2024"},
		// Times with zones.
		{"2024-04-03T08:59:00Z", "2024-04-03T08:59:00Z"},
		{"2024-04-03T08:59:00.123Z", "2024-04-03T08:59:00Z"},
		{"2024-04-03T14:29:00+05:30", "2024-04-03T14:29:00+05:30"},
		{"2024-04-03 14:29 +0530", "2024-04-03T14:29:00+05:30"},
		{"2024-04-03T10:15:00-04:00", "2024-04-03T10:15:00-04:00"},
		{"Apr 3, 2024, 2:29 PM IST", "2024-04-03T14:29:00+05:30"},
		{"April 3, 2024 at 10:15 a.m. ET", "2024-04-03T10:15:00-04:00"},
		{"January 3, 2024 at 10:15 a.m. ET", "2024-01-03T10:15:00-05:00"},
		{"March 10, 2024 1:30 AM ET", "2024-03-10T01:30:00-05:00"}, // before the switch
		{"March 10, 2024 3:30 AM ET", "2024-03-10T03:30:00-04:00"}, // after
		{"April 3, 2006 9:00 AM ET", "2006-04-03T09:00:00-04:00"},  // old rules: first Sunday in April
		{"April 1, 2006 9:00 AM ET", "2006-04-01T09:00:00-05:00"},
		{"Apr 3, 2024 9:05 PM PT", "2024-04-03T21:05:00-07:00"},
		{"Dec 3, 2024 9:05 pm PST", "2024-12-03T21:05:00-08:00"},
		{"Apr 3, 2024 9:05 pm EDT", "2024-04-03T21:05:00-04:00"},
		{"Apr 3, 2024 9:05 CT", "2024-04-03T09:05:00-05:00"},
		{"Apr 3, 2024 9:05 MT", "2024-04-03T09:05:00-06:00"},
		{"Updated: 3 Apr 2024 14:29 GMT", "2024-04-03T14:29:00Z"},
		{"3 Apr 2024 14:29 UTC", "2024-04-03T14:29:00Z"},
		{"Wed 3 Apr 2024 14.29 BST", "2024-04-03T14:29:00+01:00"},
		{"3 April 2024 14:29 CEST", "2024-04-03T14:29:00+02:00"},
		{"3 January 2024 14:29 CET", "2024-01-03T14:29:00+01:00"},
		{"3 April 2024, 9:00 AEST", "2024-04-03T09:00:00+10:00"},
		{"3 April 2024 9:00 JST", "2024-04-03T09:00:00+09:00"},
		{"Thu, 04 Apr 2024 08:59:00 GMT", "2024-04-04T08:59:00Z"},
		{"Thu, 04 Apr 2024 08:59:00 -0400", "2024-04-04T08:59:00-04:00"},
		{"Wed Apr 3 14:29:00 UTC 2024", "2024-04-03T14:29:00Z"},
		{"April 3, 2024 2:29 PM (GMT+5:30)", "2024-04-03T14:29:00+05:30"},
		{"April 3, 2024 2:29 PM UTC+05:30", "2024-04-03T14:29:00+05:30"},
		{"Published 2:29 PM IST, Wed April 3, 2024", "2024-04-03T14:29:00+05:30"},
		{"12:00 a.m. ET, April 3, 2024", "2024-04-03T00:00:00-04:00"},
		{"April 3, 2024 12 pm GMT", "2024-04-03T12:00:00Z"},
		{"April 3, 2024 2pm GMT", "2024-04-03T14:00:00Z"},
		// A time without a zone gives the day only.
		{"Apr 3, 2024, 2:29 PM", "2024-04-03"},
		{"2024-04-03 14:29", "2024-04-03"},
		// Not dates, or not enough of one.
		{"2 hours ago", ""},
		{"yesterday", ""},
		{"Today at 2:29 PM", ""},
		{"April 3", ""},
		{"3", ""},
		{"", ""},
		{"February 30, 2024", ""},
		{"April 31, 2024", ""},
		{"13/13/2024", ""},
		{"Apr 3, 2024, 25:00 GMT", ""},
		{"Apr 3, 2024 13:00 PM GMT", ""},
		{"April 3, 2024 and April 4, 2024", ""},
		{"In this age of digitalization", ""},
		{"By Lakshana Raichandani", ""},
		{"Data Management", ""},
		{"May", ""},
		{"Apr 3, 2024 2:29 PM XYZ", ""},
		{"2024-04-03T14:29:00+25:00", ""},
		{"1.5", ""},
		{"20240403", ""},
		{"1/0/00", ""},
		{"0.0.70", ""},
		{"2024-00", ""},
		{"2024-04-00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

// TestParseDateOwnOutput checks that ParseDate reads what it writes, so a
// stored date can go through it again unchanged.
func TestParseDateOwnOutput(t *testing.T) {
	for _, s := range []string{"2024", "2024-04", "2024-04-03", "2024-04-03T14:29:00+05:30", "2024-04-03T14:29:00Z", "1999-12-31T23:59:59-08:00"} {
		if got, ok := ParseDate(s); !ok || got != s {
			t.Errorf("ParseDate(%q) = %q, %v", s, got, ok)
		}
	}
}

func TestUSDST(t *testing.T) {
	// Against the time zone database where it is installed.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	for y := 1970; y <= 2030; y++ {
		for d := time.Date(y, 1, 1, 12, 0, 0, 0, time.UTC); d.Year() == y; d = d.AddDate(0, 0, 1) {
			local := time.Date(y, d.Month(), d.Day(), 12, 0, 0, 0, ny)
			want := local.IsDST()
			if y == 1974 || y == 1975 {
				continue // the energy-crisis years followed no rule
			}
			if got := usDST(y, int(d.Month()), d.Day(), 12); got != want {
				t.Fatalf("usDST(%s) = %v, want %v", d.Format("2006-01-02"), got, want)
			}
		}
	}
}
