package quotematch_test

import (
	"fmt"

	"sourcebook/internal/quotematch"
)

func ExampleCompare() {
	long := "“Shockingly untrue. Meta didn’t share people’s private messages with Netflix. The agreement allowed people to message their friends on Facebook.”"
	for _, other := range []string{
		`"Shockingly untrue. Meta didn't share people's private messages with Netflix. The agreement allowed people to message their friends on Facebook." https://t.co/qjeC0iF9Kv`,
		`"Meta didn't share people's private messages with Netflix,"`,
		`"Shockingly untrue. Meta did not share people's private messages with Netflix. The agreement let people message their friends on Facebook."`,
		`Wow`,
	} {
		rel, score := quotematch.Compare(other, long)
		fmt.Printf("%q %.2f\n", rel, score)
	}
	// Output:
	// "same" 1.00
	// "within" 1.00
	// "similar" 0.80
	// "" 0.00
}

func ExampleDiff() {
	for _, op := range quotematch.Diff("Meta didn’t share people’s messages.", `"Meta did not share people's messages"`) {
		fmt.Println(op.Kind, op.A, op.B)
	}
	// Output:
	// equal [Meta] ["Meta]
	// replace [didn’t] [did not]
	// equal [share people’s messages.] [share people's messages"]
}

func ExampleIndex_Match() {
	ix := quotematch.NewIndex()
	ix.Add(1, "“Such agreements are commonplace in the industry.”")
	ix.Add(2, "“These experiences are common in our industry.”")
	ix.Add(3, "Yup")
	for _, c := range ix.Match(`"Such agreements are commonplace in the industry," he said.`, quotematch.DefaultMinScore) {
		fmt.Println(c.ID, c.Relation, c.Score)
	}
	fmt.Println(len(ix.Match("Yup!", quotematch.DefaultMinScore)), len(ix.Match("Yup, sure", quotematch.DefaultMinScore)))
	// Output:
	// 1 contains 1
	// 1 0
}

func ExampleGroup() {
	// 10 and 11 carry one statement, 12 a truncation of it; 20 is unrelated.
	groups := quotematch.Group([]int64{10, 11, 12, 20}, []quotematch.Link{{A: 11, B: 10}, {A: 12, B: 11}})
	fmt.Println(groups[10], groups[11], groups[12], groups[20])
	// Output: 10 10 10 20
}
