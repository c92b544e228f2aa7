package app

// lintImplemented is false until the lint tier exists.
const lintImplemented = false
