package quote

import "strings"

// firstNames gives the usual gender of common English given names: 1
// masculine, -1 feminine. It is evidence of last resort, after titles
// ("Mr.", "Ms.") and the pronouns the text itself uses for the person.
var firstNames = map[string]int{}

func init() {
	for _, n := range strings.Fields(`aaron adam adrian ahmed alan albert alex alexander ali allan andre andrew andy anthony antonio arthur
barry ben benjamin bernard bill billy bob bobby brad bradley brandon brendan brent brett brian bruce bryan byron calvin cameron carl carlos
chad charles charlie chris christopher chuck clark colin connor craig dale dan daniel danny darren dave david dean dennis derek dominic don donald doug douglas duncan dwayne dylan
earl ed eddie edward elon eric erik ernest ethan evan frank fred frederick gary gavin geoff geoffrey george gerald glen glenn gordon graham grant greg gregory harold harry henry howard hugh
ian isaac jack jacob jake james jamie jared jason jay jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jordan jose joseph josh joshua juan justin
keith ken kenneth kevin kyle larry lawrence lee leo leon leonard liam louis luke malcolm marc marco marcus mario mark martin matt matthew max michael mike mitch mohammad mohammed muhammad
nathan neil nicholas nick noah norman oliver omar owen patrick paul pete peter phil philip pierre ralph randy ray raymond richard rick rob robert robin rod rodney roger ron ronald ross roy russ russell ryan
sam samuel scott sean seth shane shawn simon stan stanley stephen steve steven stuart ted terry thomas tim timothy todd tom tommy tony travis trevor troy tyler vernon victor vince vincent walter wayne will william zach`) {
		firstNames[n] = 1
	}
	for _, n := range strings.Fields(`abigail alice alicia alison allison amanda amber amy andrea angela anita ann anna anne annie april ashley audrey barbara beth betty beverly brenda brittany
carmen carol caroline carolyn catherine cathy charlotte cheryl chloe christina christine cindy claire colleen connie crystal cynthia dana danielle debbie deborah debra denise diana diane donna doris dorothy
elaine elena elizabeth ellen emily emma erin eva evelyn fatima fiona frances gail gloria grace hannah heather helen holly irene isabel jackie jacqueline jane janet janice jean jennifer jenny jessica jill joan joanne jodi jody josephine joy joyce judith judy julia julie june karen kate katherine kathleen kathryn kathy katie katy kay kelly kim kimberly kristen kristin
laura lauren linda lisa lori louise lucy lynn madeleine margaret maria marie marilyn marion martha mary megan melanie melissa michelle monica nadia nancy natalie nicole nina olivia pamela patricia paula pauline peggy penny rachel rebecca rita roberta rosa rose ruth
sally samantha sandra sara sarah shannon sharon sheila shirley sophie stephanie sue susan suzanne sylvia tanya teresa theresa tina tracy valerie vanessa victoria virginia wanda wendy yvonne zoe`) {
		firstNames[n] = -1
	}
}
