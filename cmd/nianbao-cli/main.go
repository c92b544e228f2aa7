// Command nianbao-cli is the report engine without a window: create, check,
// recompute and print reports, and manage the workspace.
package main

import "os"

func main() {
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	pauseBeforeExit(os.Stdin, os.Stdout) // a console opened by a double-click stays readable
	os.Exit(code)
}
