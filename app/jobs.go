package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Job is long work (an export, a merge, a restore) the UI started and
// follows: it asks JobStatus every few hundred milliseconds for the
// progress bar, and CancelJob stops it.
type Job struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`  // export, merge or restore
	Title string `json:"title"` // what it does, for the progress dialog
	// Done of Total units of work (Unit: "sources", "bytes" or "rows");
	// Total is 0 while unknown.
	Done     int64  `json:"done"`
	Total    int64  `json:"total"`
	Unit     string `json:"unit"`
	Started  string `json:"started"`  // RFC 3339
	Finished bool   `json:"finished"` // it ended: see Error or the result
	// Error is the message when it failed, with its Code (see the Code*
	// constants): "cancelled" when the user stopped it.
	Error string `json:"error,omitempty"`
	Code  string `json:"code,omitempty"`
	// The result, by kind.
	Export *ExportResult `json:"export,omitempty"`
	Merge  *MergeResult  `json:"merge,omitempty"`
}

// jobs holds the jobs of this session: those running and the last ones
// finished, so the UI can read how they ended.
type jobs struct {
	mu   sync.Mutex
	next int
	list []*jobEntry
}

type jobEntry struct {
	job    Job
	cancel context.CancelFunc
}

// maxFinishedJobs is how many finished jobs are remembered.
const maxFinishedJobs = 20

// start runs work in the background as a new job and returns it at once.
// work reports progress through set and returns its error.
func (a *App) startJob(kind, title, unit string, work func(ctx context.Context, progress func(done, total int64)) (func(*Job), error)) Job {
	ctx, cancel := context.WithCancel(a.ctx)
	a.jobs.mu.Lock()
	a.jobs.next++
	e := &jobEntry{job: Job{ID: fmt.Sprintf("%s-%d", kind, a.jobs.next), Kind: kind, Title: title, Unit: unit, Started: a.now()}, cancel: cancel}
	a.jobs.list = append(a.jobs.list, e)
	// Forget the oldest finished jobs.
	for finished := 0; len(a.jobs.list) > maxFinishedJobs; {
		i := -1
		for j, x := range a.jobs.list {
			if x.job.Finished {
				i = j
				finished++
				break
			}
		}
		if i < 0 {
			break
		}
		a.jobs.list = append(a.jobs.list[:i], a.jobs.list[i+1:]...)
	}
	job := e.job
	a.jobs.mu.Unlock()

	go func() {
		defer cancel()
		last := time.Time{}
		progress := func(done, total int64) {
			// Cheap enough to call per row: the lock is taken at most
			// every 50 ms.
			if now := time.Now(); now.Sub(last) > 50*time.Millisecond || done == total {
				last = now
				a.jobs.mu.Lock()
				e.job.Done, e.job.Total = done, total
				a.jobs.mu.Unlock()
			}
		}
		result, err := work(ctx, progress)
		a.jobs.mu.Lock()
		defer a.jobs.mu.Unlock()
		e.job.Finished = true
		if err != nil {
			var ae *Error
			if !errors.As(err, &ae) {
				ae = a.internal(kind, err).(*Error)
			}
			e.job.Error, e.job.Code = ae.Message, ae.Code
			return
		}
		if result != nil {
			result(&e.job)
		}
	}()
	return job
}

// JobStatus returns how the job with the id is doing.
func (a *App) JobStatus(id string) (Job, error) {
	a.jobs.mu.Lock()
	defer a.jobs.mu.Unlock()
	for _, e := range a.jobs.list {
		if e.job.ID == id {
			return e.job, nil
		}
	}
	return Job{}, &Error{Code: CodeNotFound, Message: fmt.Sprintf("there is no job %q", id)}
}

// CancelJob stops the job with the id. What it wrote is removed (an export
// leaves no file; a merge or restore changes nothing). Cancelling a job that
// has finished does nothing.
func (a *App) CancelJob(id string) error {
	a.jobs.mu.Lock()
	defer a.jobs.mu.Unlock()
	for _, e := range a.jobs.list {
		if e.job.ID == id {
			e.cancel()
			return nil
		}
	}
	return &Error{Code: CodeNotFound, Message: fmt.Sprintf("there is no job %q", id)}
}

// waitJobs waits until no job runs, or ctx ends; for tests and shutdown.
func (a *App) waitJobs(ctx context.Context) error {
	for {
		a.jobs.mu.Lock()
		running := false
		for _, e := range a.jobs.list {
			running = running || !e.job.Finished
		}
		a.jobs.mu.Unlock()
		if !running {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Millisecond):
		}
	}
}
