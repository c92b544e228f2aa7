package app

// runRules is replaced by the rule engine; until then no rule runs.
func runRules(r *Report, opt CheckOptions) Result { return Result{} }
