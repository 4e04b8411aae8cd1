//go:build !linux

package app

import "time"

// threadCPU returns 0: only Linux says what one thread has used.
func threadCPU() time.Duration { return 0 }
