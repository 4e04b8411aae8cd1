package export

import "context"

// Static is a Notebook held in memory: what tests and small exports use.
type Static struct {
	StoryList   []Story
	SpeakerList []Speaker
	NoteList    []Note
	TagList     []Tag
	SourceList  []Source
}

// Stories returns s.StoryList.
func (s *Static) Stories(context.Context) ([]Story, error) { return s.StoryList, nil }

// Speakers returns s.SpeakerList.
func (s *Static) Speakers(context.Context) ([]Speaker, error) { return s.SpeakerList, nil }

// Notes returns s.NoteList.
func (s *Static) Notes(context.Context) ([]Note, error) { return s.NoteList, nil }

// Tags returns s.TagList.
func (s *Static) Tags(context.Context) ([]Tag, error) { return s.TagList, nil }

// SourceCount returns len(s.SourceList).
func (s *Static) SourceCount(context.Context) (int, error) { return len(s.SourceList), nil }

// EachSource calls fn with each source of s.SourceList in order.
func (s *Static) EachSource(ctx context.Context, fn func(Source) error) error {
	for _, src := range s.SourceList {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(src); err != nil {
			return err
		}
	}
	return nil
}
