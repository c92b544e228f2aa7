// Package ui is the desktop window of 年报助手: a list of the workspace's
// reports, the open report in tabs (基本信息与落款, the six sections and their
// tables), live checks and export. Every edit goes to the storage workspace at
// once; nothing waits for a save button.
package ui
