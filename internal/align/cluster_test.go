package align

import (
	"path/filepath"
	"testing"
)

const (
	bird     = "how_a_small_bird_managed_to_take_over_a_delta_flight"
	blankets = "american_airlines_apologizes_after_g_league_players_accused_of_stealing_blankets_thrown_off_flight"
	boko     = "boko_haram_21_schoolgirls_freed"
)

// shared is a passage two articles share: one pair must hold A in its A
// text and B in its B text.
type shared struct{ A, B string }

// TestClusters compares articles of real news clusters and checks that
// every verbatim or lightly edited shared paragraph, found by reading the
// texts, is paired.
func TestClusters(t *testing.T) {
	for _, tc := range []struct {
		cluster, a, b string
		minCoverageA  float64
		want          []shared
	}{
		{bird, "denverpost.com_710e6e01.txt", "sfgate.com_e931422d.txt", 1, []shared{
			{"On late Saturday morning", "On late Saturday morning"},
			{"referred to it only as “stowaway”", `referred to it only as "stowaway"`},
			{"“He said, ‘In my 18 years", `"He said, 'In my 18 years`},
			{"It has not been seen again.", "It has not been seen again."},
		}},
		{bird, "denverpost.com_710e6e01.txt", "washingtonpost.com_2bb89b70.txt", 0.95, []shared{
			{"On late Saturday morning", "On late Saturday morning"},
			{"referred to it only as “stowaway”", "referred to it only as a “stowaway”"},
			{"It still seemed funny to Perry", "It seemed funny to Perry"},
			{"pilot’s voice came out over the intercom", "pilot’s voice came over the intercom"},
			{"described the time, vaguely, as", "described the time as"},
			{"though Perry was never sure", "though Perry was not sure"},
			{"Back in aisle 14", "Back in Aisle 14"},
			{"said in the statement", "said in a statement"},
			{"plane really just made a big loop", "plane made a big loop"},
			{"By now people were in danger", "By now, people were in danger"},
			{"a couple other passengers", "a couple of other passengers"},
			{"The bird was safely removed and set free", "The bird was safely removed and set free"},
		}},
		{bird, "denverpost.com_710e6e01.txt", "detroitnews.com_94f9e0cb.txt", 0, []shared{
			{"to avoid a potential distraction during flight", "to “avoid a potential distraction” during the flight"},
		}},
		{blankets, "dailymail.co.uk_cca8ed89.txt", "washingtonpost.com_931861bb.txt", 1, []shared{
			{"American Airlines has apologized", "American Airlines has apologized"},
			{"We take pride in bringing people together", "We take pride in bringing people together"},
			{"Burrell played two seasons", "Burrell played two seasons"},
		}},
		{blankets, "nytimes.com_c8272c7b.txt", "washingtonpost.com_931861bb.txt", 0.9, []shared{
			{"American Airlines has apologized", "American Airlines has apologized"},
			{"Airline spokesman Joshua Freed", "Airline spokesman Joshua Freed"},
			{"Two first-class passengers", "Two first-class passengers"},
			{"An airline manager apologized", "An airline manager apologized"},
			{"We take pride in bringing people together", "We take pride in bringing people together"},
		}},
		{blankets, "abcnews.go.com_0cd6c1c9.txt", "washingtonpost.com_931861bb.txt", 0.5, []shared{
			{"American Airlines apologized to two NBA G League players", "American Airlines has apologized to two players"},
			{"Airline spokesman Joshua Freed said Tuesday", "Airline spokesman Joshua Freed said Tuesday"},
			{"Two first-class passengers", "Two first-class passengers"},
			{"Freed said an airline manager apologized", "An airline manager apologized"},
			{"Doug Parker told employees last month", "Doug Parker told employees last month"},
			{"The NAACP issued", "The NAACP issued"},
			{"American pledged to hire an outside firm", "American pledged to hire an outside firm"},
		}},
		{boko, "dailymail.co.uk_f647e6bf.txt", "edition.cnn.com_36549ab7.txt", 0, []shared{
			{"It is a release, the product of painstaking negotiations", "It is a release, the product of painstaking negotiations"},
		}},
		{boko, "dailymail.co.uk_f647e6bf.txt", "nytimes.com_3e458084.txt", 0, []shared{
			{"It is a release, the product of painstaking negotiations", "It is a release, the product of painstaking negotiations"},
		}},
		{boko, "edition.cnn.com_36549ab7.txt", "nytimes.com_3e458084.txt", 0, []shared{
			{"It is a release, the product of painstaking negotiations", "It is a release, the product of painstaking negotiations"},
			{"We see this as a credible first step", "We see this as a credible first step"},
			{"we trust that our government will continue", "We trust that our government will continue"},
		}},
		// Paraphrases of the same statements and facts, found by reading.
		{boko, "dailymail.co.uk_f647e6bf.txt", "edition.cnn.com_36549ab7.txt", 0, []shared{
			{"It's just a first step in what we believe", "We see this as a credible first step"},
		}},
		{boko, "edition.cnn.com_36549ab7.txt", "nytimes.com_3e458084.txt", 0, []shared{
			{"A child born to one of the girls", "a 20-month-old boy born to one of them"},
			{"the girls were met with hugs from Vice President Yemi Osinbajo", "the girls listened to Vice President Yemi Osinbajo"},
		}},
		{boko, "npr.org_0c3309b3.txt", "washingtonpost.com_3e072dc2.txt", 0, []shared{
			{"Today we transferred 21 of the #Chibokgirls", "Today we transferred 21 of the #Chibokgirls"},
			{"brokered by the International Red Cross and the Swiss government", "brokered by the International Red Cross and the Swiss government"},
		}},
		{boko, "npr.org_0c3309b3.txt", "nytimes.com_3e458084.txt", 0, []shared{
			{"is the outcome of negotiations between the administration", "is the outcome of negotiations between the administration"},
		}},
		{boko, "nytimes.com_3e458084.txt", "washingtonpost.com_3e072dc2.txt", 0, []shared{
			{"brokered by the International Red Cross and the Swiss government", "brokered by the International Red Cross and the Swiss government"},
			{"The negotiations will continue", "The negotiations will continue"},
		}},
	} {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			a := loadArticle(t, filepath.Join("testdata", tc.cluster, tc.a))
			b := loadArticle(t, filepath.Join("testdata", tc.cluster, tc.b))
			r := Compare(a, b)
			checkInvariants(t, a, b, r)
			if testing.Verbose() {
				t.Log(describe(r))
			}
			for _, w := range tc.want {
				if _, ok := pairWith(r, w.A, w.B); !ok {
					t.Errorf("not paired: %q / %q", w.A, w.B)
				}
			}
			if r.CoverageA < tc.minCoverageA {
				t.Errorf("coverage of A %.2f, want at least %.2f", r.CoverageA, tc.minCoverageA)
			}
		})
	}
}

// TestClusterReport logs the pairs found between every two articles of each
// cluster (go test -v -run TestClusterReport).
func TestClusterReport(t *testing.T) {
	for _, c := range []string{bird, blankets, boko} {
		files, err := filepath.Glob(filepath.Join("testdata", c, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no articles (%v)", c, err)
		}
		for x := range files {
			for y := x + 1; y < len(files); y++ {
				a, b := loadArticle(t, files[x]), loadArticle(t, files[y])
				r := Compare(a, b)
				checkInvariants(t, a, b, r)
				same := 0
				for _, p := range r.Pairs {
					if p.Kind == Same {
						same++
					}
				}
				t.Logf("%-34s %-34s %2d pairs (%2d same), coverage %.2f / %.2f, only %d / %d",
					filepath.Base(files[x]), filepath.Base(files[y]), len(r.Pairs), same, r.CoverageA, r.CoverageB, len(r.OnlyA), len(r.OnlyB))
			}
		}
	}
}
