package startup

import (
	"fmt"
	"log"
	"os"
)

// Fatal logs the message, shows it in a native message box where one can be
// shown, prints it to stderr and exits with the given code.
func Fatal(title, msg string, code int) {
	log.Printf("fatal: %s: %s", title, msg)
	fmt.Fprintf(os.Stderr, "%s\n\n%s\n", title, msg)
	showMessageBox(title, msg)
	os.Exit(code)
}
