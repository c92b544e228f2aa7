// Package startup explains a failed start to the clerk instead of exiting
// silently: it probes OpenGL before the window opens, writes a log file in
// the data directory and shows fatal messages in a native message box.
package startup
