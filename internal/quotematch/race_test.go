//go:build race

package quotematch

// raceEnabled shrinks the slowest tests under the race detector, which
// slows them tenfold without finding more.
const raceEnabled = true
