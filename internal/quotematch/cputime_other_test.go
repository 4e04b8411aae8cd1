//go:build !unix

package quotematch

import "time"

// cpuTime is unavailable here; CPU metrics then read 0.
func cpuTime() time.Duration { return 0 }
