//go:build !race

package quotematch

const raceEnabled = false
