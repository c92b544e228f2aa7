package app

// lintRules runs the lint tier (formats.md §8.2); every lint rule is a warning.
func (c *checker) lintRules() {}
